"""The cms app's personal data (cms/privacy.py): what a person signed or sent with one of their
account's verified addresses is in their archive and erased with their account, the public
counts staying as they were; a sponsor user's link to their sponsor goes with the account."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from cms.models import OpenLetterSignature, PledgeSignature, SponsorMember
from nominations.privacy.deletion import complete_deletion, request_deletion
from tests.cms.signing.confirmation import confirm
from tests.factories.accounts import UserFactory
from tests.nominations.privacy.test_privacy import archive_of
from tests.pages import form_action

pytestmark = pytest.mark.django_db

EMAIL = "kwame@example.org"
ENQUIRY_URL = "/partners/become-a-partner/"


def sign_pledge(email=EMAIL, name="Kwame Mensah", **fields):
    data = {
        "kind": "public",
        "name": name,
        "organisation": "Accra Metropolitan Assembly",
        "country": "GH",
        "email": email,
        "show_publicly": "on",
        **fields,
    }
    assert Client().post(form_action("/pledge/"), data).status_code == 302
    confirm(PledgeSignature, email)


def co_sign_letter(email=EMAIL):
    data = {
        "name": "Kwame Mensah",
        "organisation": "Accra Metropolitan Assembly",
        "country": "GH",
        "email": email,
        "list_publicly": "on",
    }
    assert Client().post(form_action("/open-letter/"), data).status_code == 302
    confirm(OpenLetterSignature, email)


def send_enquiry(email=EMAIL):
    data = {
        "full_name": "Kwame Mensah",
        "organisation": "Accra Metropolitan Assembly",
        "email_address": email,
        "phone_number": "+233 20 000 0000",
        "type_of_enquiry": "Sponsorship",
        "message": "We would like to sponsor the CX Day in Accra.",
    }
    assert Client().post(ENQUIRY_URL, data).status_code == 200


def data_of(user):
    return json.loads(archive_of(user).read("data.json"))


def delete_account(user, demo_admin, capture):
    request = request_deletion(user)
    with capture(execute=True):
        return complete_deletion(request.pk, by=demo_admin)


# The archive ------------------------------------------------------------------------------------


def test_the_archive_holds_what_the_person_signed_and_sent():
    sign_pledge(email="Kwame@Example.org")  # the address as typed, any case
    co_sign_letter()
    send_enquiry()
    sign_pledge(email="someone-else@example.org", name="Someone Else")
    user = UserFactory(email=EMAIL)

    data = data_of(user)

    [pledge] = data["pledge_signatures"]
    assert (pledge["name"], pledge["kind"], pledge["country"]) == ("Kwame Mensah", "public", "GH")
    assert pledge["email"] == "kwame@example.org" and pledge["signed_at"] and pledge["page"]
    [letter] = data["open_letter_signatures"]
    assert letter["organisation"] == "Accra Metropolitan Assembly" and letter["list_publicly"]
    [enquiry] = data["enquiries"]
    assert enquiry["answers"]["message"] == "We would like to sponsor the CX Day in Accra."
    assert enquiry["sent_at"]
    assert "Someone Else" not in json.dumps(data)
    assert "sponsor_user" not in data  # not a sponsor


def test_an_unverified_address_shows_nothing_signed_with_it():
    sign_pledge()
    send_enquiry()
    user = UserFactory(email=EMAIL, verified=False)

    data = data_of(user)

    assert data["pledge_signatures"] == [] and data["enquiries"] == []


def test_a_sponsor_users_archive_names_their_sponsor():
    membership = SponsorMember.objects.select_related("partner", "user").get(
        user__email="sponsor@demo.test"
    )
    assert data_of(membership.user)["sponsor_user"]["sponsor"] == membership.partner.name


# Deleting the account ---------------------------------------------------------------------------


def test_deleting_a_signer_keeps_the_counts_and_removes_their_name(
    demo_admin, django_capture_on_commit_callbacks
):
    sign_pledge()
    co_sign_letter()
    send_enquiry()
    other = UserFactory(email="ama@example.org")
    sign_pledge(email="ama@example.org", name="Ama Owusu", organisation="Kumasi Assembly")
    page_before = Client().get("/pledge/").content.decode()
    # Public-sector signatories are listed by their organisation.
    assert "2 signatures so far" in page_before and "Kumasi Assembly" in page_before
    user = UserFactory(email=EMAIL)

    summary = delete_account(user, demo_admin, django_capture_on_commit_callbacks)
    # A second signer of the same page is erased too: both erased addresses stay unique.
    delete_account(other, demo_admin, django_capture_on_commit_callbacks)

    assert summary["pledge_signatures_anonymised"] == 1
    assert summary["enquiries_deleted"] == 1
    page = Client().get("/pledge/").content.decode()
    assert "2 signatures so far" in page
    assert '<th scope="row">Ghana</th><td class="num">2</td>' in page
    assert '<th scope="row">A public-sector organisation</th><td class="num">2</td>' in page
    assert "Accra Metropolitan" not in page and "Kumasi Assembly" not in page
    assert PledgeSignature.objects.count() == 2
    assert OpenLetterSignature.objects.count() == 1
    assert "1 person has co-signed." in Client().get("/open-letter/").content.decode()
    stored = json.dumps(
        [
            *PledgeSignature.objects.values(),
            *OpenLetterSignature.objects.values(),
            *FormSubmission.objects.values("form_data"),
        ],
        default=str,
    )
    for secret in ("Kwame", EMAIL, "Accra Metropolitan", "Ama Owusu", "ama@example.org", "Kumasi"):
        assert secret not in stored
    # The same address may sign again: its earlier signature no longer holds it.
    sign_pledge()
    assert PledgeSignature.objects.count() == 3


def test_deleting_a_sponsor_user_removes_their_membership(
    demo_admin, django_capture_on_commit_callbacks
):
    membership = SponsorMember.objects.select_related("user").get(user__email="sponsor@demo.test")

    summary = delete_account(membership.user, demo_admin, django_capture_on_commit_callbacks)

    assert summary["sponsor_memberships_removed"] == 1
    assert not SponsorMember.objects.filter(pk=membership.pk).exists()
    assert not get_user_model().objects.get(pk=membership.user_id).is_active
