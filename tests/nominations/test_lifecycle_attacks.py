"""Attacks on a nomination's life after it is sent, by someone with the source code and an
ordinary account (or a staff account without the right permission). Each test fails when its
guard is removed:

- a stale copy posted over another copy's answers (drafts.save_step's revision check);
- a nominator changing or sending another person's nomination (the owner lookups);
- a staff user without nominations.change_nomination posting each review action (the review
  view's permission check);
- a nominator replaying an old form after the cut-off (the wizard's accepts_changes check and
  submission.send_changes's).
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from nominations.choices import NominationStatus
from nominations.models import AwardCycle, Nomination
from nominations.sending import submission
from tests.factories.accounts import GroupFactory, UserFactory
from tests.nominations.wizard.driver import VALID_ANSWERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(wizard):
    wizard.complete_all()
    assert wizard.submit().status_code == 302
    return wizard


def test_a_stale_copy_does_not_overwrite_the_saved_answers(sent):
    old_page = sent.loaded("contact")
    sent.post("contact", {**VALID_ANSWERS["contact"], "contact_role": "Chief of service"})
    response = sent.post(
        "contact", {**VALID_ANSWERS["contact"], "contact_role": "Old role"}, **old_page
    )
    assert response.status_code == 409
    assert sent.nomination.contact_role == "Chief of service"


def test_a_stale_copy_without_any_revision_is_refused_too(sent):
    sent.post("contact", {**VALID_ANSWERS["contact"], "contact_role": "Chief of service"})
    response = sent.post(
        "contact", {**VALID_ANSWERS["contact"], "contact_role": "Old role"}, revision="", base=""
    )
    assert response.status_code == 409
    assert sent.nomination.contact_role == "Chief of service"


def test_another_nominator_cannot_change_or_send_a_nomination(sent, client):
    nomination = sent.nomination
    before = (nomination.city, nomination.revision, nomination.versions.count())
    intruder = UserFactory(email="intruder@example.org")
    client.force_login(intruder)
    step = client.post(
        sent.url("organisation"),
        {
            f"nomination-{sent.uuid}-current_step": "organisation",
            **{f"organisation-{k}": v for k, v in VALID_ANSWERS["organisation"].items()},
            "organisation-city": "Taken over",
            **sent.loaded("organisation"),
        },
    )
    check = client.post(
        sent.url("check"),
        {f"nomination-{sent.uuid}-current_step": "check", **sent.loaded("check")},
    )
    assert (step.status_code, check.status_code) == (404, 404)
    with pytest.raises(Nomination.DoesNotExist):
        submission.send_changes(nomination.pk, intruder)
    nomination.refresh_from_db()
    assert (nomination.city, nomination.revision, nomination.versions.count()) == before


@pytest.fixture
def reader(client):
    """A staff member who may open the admin and read nominations, not change them."""
    group = GroupFactory(name="Nomination readers", permissions=["access_admin", "view_nomination"])
    user = UserFactory(email="reader@example.org")
    user.groups.add(group)
    client.force_login(user)
    return client


POSTS = {
    "eligible": {"eligible-note": "Fine."},
    "ineligible": {"ineligible-reason": "Not a public body."},
    "reopen": {"reopen-message": "Change it.", "reopen-until": "2099-01-01T12:00"},
    "extend": {"extend-until": "2099-01-01T12:00"},
}


@pytest.mark.parametrize("action", list(POSTS))
def test_a_reader_cannot_take_any_review_action(reader, action, django_capture_on_commit_callbacks):
    nomination = Nomination.objects.filter(status=NominationStatus.SUBMITTED).first()
    url = f"/admin/nomination/inspect/{nomination.pk}/"
    page = reader.get(url)
    assert page.status_code == 200  # reading is allowed
    assert nomination.organisation_name in page.content.decode()
    assert 'name="action"' not in page.content.decode()  # no action offered
    logged = ModelLogEntry.objects.for_instance(nomination).count()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = reader.post(url, {"action": action, **POSTS[action]})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    after = Nomination.objects.get(pk=nomination.pk)
    assert (after.status, after.status_reason, after.deadline_extended_until) == (
        nomination.status,
        nomination.status_reason,
        nomination.deadline_extended_until,
    )
    assert after.changes_requested == ""
    assert ModelLogEntry.objects.for_instance(nomination).count() == logged
    assert mail.outbox == []


def past_the_cut_off(nomination):
    AwardCycle.objects.filter(pk=nomination.cycle_id).update(
        nominations_open_at=timezone.now() - timedelta(days=90),
        nominations_close_at=timezone.now() - timedelta(days=1),
    )


def test_an_old_form_replayed_after_the_cut_off_changes_nothing(sent):
    old_page = {
        f"nomination-{sent.uuid}-current_step": "organisation",
        "continue": "1",
        **{f"organisation-{k}": v for k, v in VALID_ANSWERS["organisation"].items()},
        "organisation-city": "Too late",
        **sent.loaded("organisation"),
    }
    past_the_cut_off(sent.nomination)
    response = sent.client.post(sent.url("organisation"), old_page)
    assert response.status_code == 302
    assert response["Location"] == f"/my-nominations/{sent.uuid}/"
    assert sent.nomination.city == VALID_ANSWERS["organisation"]["city"]


def test_changes_cannot_be_sent_after_the_cut_off(sent, nominator):
    sent.post("organisation", {**VALID_ANSWERS["organisation"], "city": "Kisumu"})
    check_page = {
        f"nomination-{sent.uuid}-current_step": "check",
        "continue": "1",
        **sent.loaded("check"),
    }
    past_the_cut_off(sent.nomination)
    response = sent.client.post(sent.url("check"), check_page)
    assert response.status_code == 302
    with pytest.raises(submission.SubmissionRefused, match="time for changes has passed"):
        submission.send_changes(sent.nomination.pk, nominator)
    assert sent.nomination.versions.count() == 1


def test_the_reader_account_can_sign_in(reader):
    """The reader above is a real staff account: the admin opens for it."""
    assert reader.get("/admin/").status_code == 200
