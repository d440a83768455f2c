"""The attack on the signature forms, which carry no CSRF token so their pages can be shared
(awards_site/security/origin.py): a page on another site that posts the form from a visitor's
browser (to sign in the visitor's name, or to send confirmation emails from many addresses) is
refused, and nothing is stored or sent; the site's own form still works without a token."""

import pytest
from django.core import mail
from django.test import Client

from cms.models import OpenLetterSignature, PledgeSignature
from tests.pages import form_action

pytestmark = pytest.mark.django_db

LETTER = {
    "name": "Amina Diallo",
    "organisation": "Ministry of Public Service",
    "country": "SN",
    "email": "amina@example.org",
    "list_publicly": "on",
}
PLEDGE = {**LETTER, "kind": "public", "show_publicly": "on"}
FORMS = [("/open-letter/", LETTER, OpenLetterSignature), ("/pledge/", PLEDGE, PledgeSignature)]


def post(path, data, **headers):
    client = Client(enforce_csrf_checks=True, headers=headers)
    return client.post(form_action(path), data)


@pytest.mark.parametrize(("path", "data", "model"), FORMS)
@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},  # a sandboxed frame or a data: page
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://testserver"},  # a sibling subdomain
    ],
)
def test_a_post_from_another_site_is_refused_and_changes_nothing(
    path, data, model, headers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(path, data, **headers)
    assert response.status_code == 403
    assert not model.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(("path", "data", "model"), FORMS)
@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"},  # a browser
        {"Origin": "http://testserver"},  # an older browser
        {},  # no browser at all: it could have sent the form directly anyway
    ],
)
def test_the_sites_own_form_signs_without_a_token(
    path, data, model, headers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(path, data, **headers)
    assert response.status_code == 302
    assert model.objects.get().email == "amina@example.org"
    assert [message.to for message in mail.outbox] == [["amina@example.org"]]


def test_only_a_live_signature_page_takes_signatures(page_by_slug):
    about = page_by_slug("about")
    assert Client().post(f"/signatures/sign/{about.pk}/", LETTER).status_code == 404
    letter = page_by_slug("open-letter")
    action = form_action("/open-letter/")
    letter.unpublish()
    assert Client().post(action, LETTER).status_code == 404
    assert Client().get(action).status_code == 405
    assert not OpenLetterSignature.objects.exists()


def test_the_french_letter_answers_in_french(page_by_slug):
    response = Client().post(form_action("/fr/lettre-ouverte/"), {**LETTER, "email": ""})
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()
    assert "Amina Diallo" in response.content.decode()  # what was typed is kept
