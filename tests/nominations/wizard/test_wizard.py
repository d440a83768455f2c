"""The nomination wizard end to end: every step saved to the database as it is completed,
check your answers, an atomic and idempotent submission with a reference and one email."""

import re

import pytest
from django.core import mail

from nominations.choices import NominationStatus
from nominations.models import Nomination
from tests.nominations.wizard.driver import VALID_ANSWERS

pytestmark = pytest.mark.django_db


def test_full_path_to_submission(wizard, nominator, django_capture_on_commit_callbacks):
    wizard.complete_all()
    page = wizard.client.get(wizard.url("check"))
    html = page.content.decode()
    assert "Check your answers" in html
    assert "Ministère de la Fonction Publique et de la Réforme Administrative" in html
    assert "One-stop service centres" in html

    with django_capture_on_commit_callbacks(execute=True):
        response = wizard.submit()
    nomination = wizard.nomination
    assert response.status_code == 302
    assert response["Location"] == f"/my-nominations/{wizard.uuid}/submitted/"
    assert nomination.status == NominationStatus.SUBMITTED
    assert re.fullmatch(r"CX27-KE-\d{4}", nomination.reference)
    assert nomination.submitted_at is not None
    assert nomination.declaration_version and nomination.declaration_language == "en"

    confirmation = wizard.client.get(response["Location"]).content.decode()
    assert nomination.reference in confirmation
    assert "What happens next" in confirmation
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [nominator.email]
    assert nomination.reference in mail.outbox[0].subject


def test_each_step_is_saved_in_the_database_as_it_is_completed(wizard):
    wizard.post("category", wizard.category_answers())
    wizard.post("organisation", VALID_ANSWERS["organisation"])
    nomination = wizard.nomination
    assert nomination.organisation_name.startswith("Ministère")
    assert nomination.country == "KE"
    assert nomination.category is not None


def test_double_submit_makes_one_submission_and_one_email(
    wizard, django_capture_on_commit_callbacks
):
    wizard.complete_all()
    with django_capture_on_commit_callbacks(execute=True):
        first = wizard.submit()
        second = wizard.submit()
    assert first["Location"] == f"/my-nominations/{wizard.uuid}/submitted/"
    assert second.status_code == 302
    assert (
        Nomination.objects.filter(status=NominationStatus.SUBMITTED, uuid=wizard.uuid).count() == 1
    )
    assert len(mail.outbox) == 1


def test_submission_refused_until_every_section_is_complete(wizard):
    wizard.post("category", wizard.category_answers())
    response = wizard.submit()
    assert response.status_code == 302
    assert response["Location"].endswith("/organisation/")
    assert wizard.nomination.status == NominationStatus.DRAFT
    follow = wizard.client.get(response["Location"]).content.decode()
    assert "Complete the section" in follow


def test_unconfirmed_email_cannot_submit(wizard, nominator):
    nominator.emailaddress_set.update(verified=False)
    wizard.complete_all()
    html = wizard.client.get(wizard.url("check")).content.decode()
    assert "confirm your email address" in html
    response = wizard.submit()
    assert wizard.nomination.status == NominationStatus.DRAFT
    assert "Confirm your email address" in wizard.client.get(response["Location"]).content.decode()


def test_missing_answers_get_clear_messages_and_input_is_kept(wizard):
    response = wizard.post(
        "organisation", {"organisation_name": "Kenya Revenue", "website": "not a url"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error:" in html
    assert "error-summary" in html
    assert 'value="Kenya Revenue"' in html
    assert 'value="not a url"' in html
    assert "Choose an answer for “Kind of organisation”." in html


def test_word_limits_are_enforced_with_a_count(wizard):
    answers = {**VALID_ANSWERS["initiative"], "summary": "word " * 151}
    response = wizard.post("initiative", answers)
    assert "Use 150 words or fewer: this answer has 151." in response.content.decode()


def test_metric_ranges_are_validated(wizard):
    answers = {**VALID_ANSWERS["results"], "nps_after": "140", "satisfaction": "-3"}
    html = wizard.post("results", answers).content.decode()
    assert "Enter a score between -100 and 100." in html
    assert "Enter a percentage between 0 and 100." in html


def test_back_keeps_what_was_typed_even_when_incomplete(wizard):
    wizard.post("category", wizard.category_answers())
    response = wizard.post(
        "organisation",
        {"organisation_name": "Half typed"},
        action="wizard_goto_step",
        action_value="category",
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/category/")
    html = wizard.client.get(wizard.url("organisation")).content.decode()
    assert 'value="Half typed"' in html


def test_save_and_come_back_later(wizard):
    response = wizard.post(
        "organisation", {"organisation_name": "Saved for later"}, action="save_later"
    )
    assert response["Location"] == f"/my-nominations/{wizard.uuid}/"
    page = wizard.client.get(response["Location"]).content.decode()
    assert "Your nomination is saved" in page
    assert "Incomplete" in page
    assert (
        'value="Saved for later"' in wizard.client.get(wizard.url("organisation")).content.decode()
    )


def test_change_link_returns_to_check_your_answers(wizard):
    wizard.complete_all()
    html = wizard.client.get(wizard.url("check")).content.decode()
    assert f'href="/nominate/{wizard.uuid}/contact/?return=check"' in html
    response = wizard.post(
        "contact",
        {**VALID_ANSWERS["contact"], "return": "check"},
        url=wizard.url("contact") + "?return=check",
    )
    assert response["Location"] == wizard.url("check")


def test_resume_after_the_session_is_cleared(wizard, nominator, client):
    wizard.post("category", wizard.category_answers())
    wizard.post("organisation", VALID_ANSWERS["organisation"])
    wizard.client.logout()
    client.force_login(nominator)  # a new session, as on another device
    page = client.get(f"/my-nominations/{wizard.uuid}/").content.decode()
    assert page.count("Complete") >= 2
    html = client.get(wizard.url("organisation")).content.decode()
    assert "Nairobi" in html


def test_expired_session_mid_step_loses_nothing(wizard, nominator):
    wizard.client.logout()
    response = wizard.post("contact", VALID_ANSWERS["contact"])
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    wizard.client.force_login(nominator)
    html = wizard.client.get(wizard.url("contact")).content.decode()
    assert 'value="Wanjiru Kamau"' in html
    assert "You were signed out" in html


def test_done_address_never_submits_on_get(wizard):
    wizard.complete_all()
    response = wizard.client.get(f"/nominate/{wizard.uuid}/done/")
    assert response["Location"] == wizard.url("check")
    assert wizard.nomination.status == NominationStatus.DRAFT


def test_confirmation_email_in_the_nominators_language(
    nominator_client, cycle, nominator, django_capture_on_commit_callbacks
):
    from tests.nominations.wizard.driver import Wizard

    nominator_client.post("/fr/nominate/")
    wizard = Wizard(nominator_client)
    wizard.uuid = Nomination.objects.get(nominator=nominator).uuid
    wizard.complete_all()
    with django_capture_on_commit_callbacks(execute=True):
        wizard.submit()
    assert wizard.nomination.language == "fr"
    assert "reçue" in mail.outbox[0].subject or "Candidature" in mail.outbox[0].subject
