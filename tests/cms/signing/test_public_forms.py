"""The three public forms (co-sign the letter, sign the pledge, partner enquiry): valid input is
stored and counted once the signer confirms it with the emailed link, invalid input gets a clear
message with everything typed kept, a second signature with the same email changes nothing,
bots filling the honeypot store nothing, floods are rate limited."""

import re

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from cms.models import OpenLetterSignature, PledgeSignature
from tests.cms.signing.confirmation import confirm
from tests.pages import form_action

pytestmark = pytest.mark.django_db

CHECK_EMAIL = "Check your email: we have sent you a link to confirm your signature."


@pytest.fixture
def client(client, django_capture_on_commit_callbacks):
    """The test client, with the emails a request queues after its transaction sent at once."""
    post = client.post

    def post_and_send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(*args, **kwargs)

    client.post = post_and_send
    return client


def co_sign(client, url, confirmed=True, **overrides):
    data = {
        "name": "Amina Diallo",
        "organisation": "Ministry of Public Service",
        "country": "SN",
        "email": "amina@example.org",
        "list_publicly": "on",
        **overrides,
    }
    response = client.post(form_action(url), data)
    if confirmed and response.status_code == 302:
        confirm(OpenLetterSignature, data["email"], client)
    return response


def emailed_link(address):
    (message,) = [message for message in mail.outbox if message.to == [address]]
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


class TestOpenLetterCoSigning:
    url = "/open-letter/"

    def test_valid_signature_is_stored_and_counted_once_confirmed(self, client):
        response = co_sign(client, self.url, confirmed=False)
        assert response.status_code == 302
        assert response["Location"] == "/open-letter/"
        signature = OpenLetterSignature.objects.get(email="amina@example.org")
        assert signature.language == "en" and signature.confirmed_at is None
        page = client.get(self.url).content.decode()
        assert CHECK_EMAIL in page
        assert "0 people have co-signed." in page
        assert "Ministry of Public Service" not in page
        # The link in the email shows what is confirmed; the button confirms.
        link = emailed_link("amina@example.org")
        shown = client.get(link).content.decode()
        assert "Ministry of Public Service" in shown and "Confirm my signature" in shown
        assert OpenLetterSignature.objects.get().confirmed_at is None
        response = client.post(link)
        assert response["Location"] == "/open-letter/"
        page = client.get(self.url).content.decode()
        assert "Thank you: your name has been added to the letter." in page
        assert "1 person has co-signed." in page
        assert "Ministry of Public Service" in page
        assert "amina@example.org" not in page  # emails are never shown

    def test_organisation_not_listed_unless_chosen(self, client):
        co_sign(client, self.url, list_publicly="", organisation="Quiet Agency")
        assert OpenLetterSignature.objects.filter(organisation="Quiet Agency").exists()
        assert "Quiet Agency" not in client.get(self.url).content.decode()

    def test_french_page_shares_the_signatures(self, client):
        co_sign(client, self.url)
        page = client.get("/fr/lettre-ouverte/").content.decode()
        assert "Ministry of Public Service" in page
        response = co_sign(client, "/fr/lettre-ouverte/", email="awa@example.org")
        assert response.status_code == 302
        assert OpenLetterSignature.objects.get(email="awa@example.org").language == "fr"

    def test_invalid_input_is_explained_and_kept(self, client):
        response = co_sign(client, self.url, name="", email="not-an-email", country="")
        assert response.status_code == 200
        html = response.content.decode()
        assert "<title>Error:" in html
        assert 'class="error-summary"' in html
        assert 'href="#id_name"' in html and 'href="#id_email"' in html
        assert "Enter an email address in the right format, like name@example.org." in html
        assert "Enter your full name." in html
        assert "Choose your country" in html
        # What was typed stays in the form.
        assert 'value="not-an-email"' in html
        assert 'value="Ministry of Public Service"' in html
        assert 'aria-invalid="true"' in html
        assert not OpenLetterSignature.objects.exists()

    def test_same_email_signs_once_and_the_page_does_not_say_so(self, client):
        first = co_sign(client, self.url)
        mail.outbox.clear()
        again = co_sign(client, self.url, email="AMINA@example.org ", name="Someone else")
        # The same answer as a first signature: the page does not tell who has signed.
        assert (again.status_code, again["Location"]) == (first.status_code, first["Location"])
        assert OpenLetterSignature.objects.get().name == "Amina Diallo"
        (message,) = mail.outbox
        assert message.to == ["amina@example.org"]
        assert "signed already" in message.body

    def test_honeypot_stores_nothing(self, client):
        response = co_sign(client, self.url, confirmed=False, website_address="http://spam.example")
        assert response.status_code == 302  # a bot is told nothing
        assert not OpenLetterSignature.objects.exists()

    def test_flood_from_one_address_is_rate_limited(self, client, settings):
        settings.PUBLIC_FORM_RATE = "3/h"
        for number in range(3):
            assert co_sign(client, self.url, email=f"p{number}@example.org").status_code == 302
        response = co_sign(client, self.url, email="p4@example.org")
        assert response.status_code == 429
        assert "wait an hour" in response.content.decode()
        assert OpenLetterSignature.objects.count() == 3


def pledge(client, url="/pledge/", confirmed=True, **overrides):
    data = {
        "kind": "public",
        "name": "Kwame Mensah",
        "organisation": "Accra Metropolitan Assembly",
        "country": "GH",
        "email": "kwame@example.org",
        **overrides,
    }
    response = client.post(form_action(url), data)
    if confirmed and response.status_code == 302:
        confirm(PledgeSignature, data["email"], client)
    return response


def test_nobody_floods_a_strangers_mailbox_through_the_signature_forms(client):
    """The attack: a stranger's address typed into the open letter, the pledge and the news
    subscription, again and again, each time from another network (so the per-network limit
    of public forms never trips). The mailbox gets MAILBOX_RATE (3) emails an hour from all the
    forms together; every answer is the same as a first signature's."""
    victim = "victim@example.org"
    answers = set()
    for number in range(6):
        network = {"REMOTE_ADDR": f"198.51.100.{number + 1}"}
        for url, data in (
            ("/open-letter/", {"name": "A", "country": "SN", "list_publicly": "on"}),
            ("/pledge/", {"kind": "public", "name": "B", "organisation": "C", "country": "GH"}),
        ):
            response = client.post(form_action(url), {**data, "email": victim}, **network)
            answers.add((response.status_code, response.get("Location")))
    subscribed = client.post(
        "/subscribe/",
        {"email": victim, "language": "en", "consent": "on"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert answers == {(302, "/open-letter/"), (302, "/pledge/")}
    assert subscribed.status_code == 302
    assert len([message for message in mail.outbox if message.to == [victim]]) == 3


class TestPledge:
    def test_counts_by_kind_and_country(self, client):
        pledge(client)
        pledge(client, kind="individual", organisation="", email="a@example.org", country="GH")
        pledge(client, kind="company", organisation="Acme", email="b@example.org", country="KE")
        pledge(client, kind="company", organisation="Nope", email="c@example.org", confirmed=False)
        assert PledgeSignature.objects.count() == 4
        page = client.get("/pledge/").content.decode()
        assert "3 signatures so far" in page
        # One row per kind and per country with its count.
        assert '<th scope="row">Ghana</th><td class="num">2</td>' in page
        assert '<th scope="row">Kenya</th><td class="num">1</td>' in page
        assert '<th scope="row">A public-sector organisation</th><td class="num">1</td>' in page

    def test_organisations_must_name_themselves(self, client):
        response = pledge(client, kind="company", organisation="")
        assert response.status_code == 200
        assert (
            "Enter the name of the organisation that is signing the pledge."
            in response.content.decode()
        )
        assert not PledgeSignature.objects.exists()

    def test_missing_kind_points_at_the_first_radio(self, client):
        response = pledge(client, kind="")
        html = response.content.decode()
        assert 'href="#id_kind_0"' in html
        assert 'value="Kwame Mensah"' in html

    def test_a_second_signature_changes_nothing_in_french_too(self, client):
        pledge(client)
        response = pledge(client, url="/fr/engagement/")
        assert response.status_code == 302
        assert PledgeSignature.objects.count() == 1

    def test_signing_again_before_confirming_replaces_the_first_and_its_link(self, client):
        pledge(client, confirmed=False, organisation="Typo Assembly")
        first_link = emailed_link("kwame@example.org")
        mail.outbox.clear()
        pledge(client, confirmed=False)
        assert PledgeSignature.objects.get().organisation == "Accra Metropolitan Assembly"
        assert "does not work" in client.get(first_link).content.decode()
        client.post(first_link)
        assert PledgeSignature.objects.get().confirmed_at is None
        client.post(emailed_link("kwame@example.org"))
        assert PledgeSignature.objects.get().confirmed_at is not None

    def test_signers_who_agreed_are_listed_without_their_email(self, client):
        pledge(client, show_publicly="on")
        pledge(client, kind="individual", name="Private Person", organisation="", email="p@ex.org")
        page = client.get("/pledge/").content.decode()
        assert "Accra Metropolitan Assembly" in page
        assert "Private Person" not in page
        assert "kwame@example.org" not in page

    def test_honeypot(self, client):
        pledge(client, confirmed=False, website_address="x")
        assert not PledgeSignature.objects.exists()


class TestEnquiryForm:
    url = "/partners/become-a-partner/"

    def form_data(self, client, **overrides):
        page = client.get(self.url)
        form = page.context["form"]
        values = {
            "full_name": "Chinedu Okafor",
            "organisation": "Lagos Service Trust",
            "email_address": "chinedu@example.org",
            "phone_number": "",
            "type_of_enquiry": "Sponsorship",
            "message": "We would like to sponsor the CX Day in Lagos.",
        }
        assert set(values) <= set(form.fields), sorted(form.fields)
        return {**values, **overrides}

    def test_enquiry_is_stored_and_emailed_to_the_team(self, client, settings):
        response = client.post(self.url, self.form_data(client))
        assert response.status_code == 200
        assert "Thank you for your enquiry." in response.content.decode()
        submission = FormSubmission.objects.get()
        assert submission.form_data["organisation"] == "Lagos Service Trust"
        assert "website_address" not in submission.form_data
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == [settings.TEAM_EMAIL]
        assert "Lagos Service Trust" in mail.outbox[0].body

    def test_invalid_enquiry_keeps_input(self, client):
        response = client.post(self.url, self.form_data(client, email_address="nope", message=""))
        html = response.content.decode()
        assert "There is a problem" in html
        assert 'value="Chinedu Okafor"' in html
        assert not FormSubmission.objects.exists()
        assert not mail.outbox

    def test_honeypot_sends_nothing(self, client):
        response = client.post(self.url, self.form_data(client, website_address="spam"))
        assert response.status_code == 200
        assert not FormSubmission.objects.exists()
        assert not mail.outbox

    def test_rate_limited(self, client, settings):
        settings.PUBLIC_FORM_RATE = "1/h"
        client.post(self.url, self.form_data(client))
        response = client.post(self.url, self.form_data(client))
        assert response.status_code == 429
        assert FormSubmission.objects.count() == 1
