"""The awards team's decisions on a nomination (nominations/review/eligibility.py), tested directly:
every action from every status, allowed or refused with a message; the reason and the message
required; each decision logged with who and when, and the nominator emailed once it is
committed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import ModelLogEntry

from nominations.choices import NominationStatus
from nominations.models import Nomination
from nominations.review import eligibility

pytestmark = pytest.mark.django_db

S = NominationStatus
ACTIONS = [eligibility.ELIGIBLE, eligibility.INELIGIBLE, eligibility.REOPEN, eligibility.EXTEND]
# What each action may start from; everything else is refused.
EXPECTED = {
    eligibility.ELIGIBLE: {S.SUBMITTED, S.INELIGIBLE},
    eligibility.INELIGIBLE: {S.SUBMITTED, S.ELIGIBLE},
    eligibility.REOPEN: {S.SUBMITTED, S.ELIGIBLE, S.INELIGIBLE},
    eligibility.EXTEND: {S.DRAFT, S.SUBMITTED, S.ELIGIBLE},
}


def sent_nomination(status):
    nomination = (
        Nomination.objects.filter(status=S.SUBMITTED, cycle__is_current=True)
        .select_related("cycle")
        .order_by("pk")
        .first()
    )
    Nomination.objects.filter(pk=nomination.pk).update(status=status)
    nomination.refresh_from_db()
    return nomination


def run(action, nomination, demo_admin):
    later = timezone.now() + timedelta(days=400)
    if action == eligibility.ELIGIBLE:
        return eligibility.mark_eligible(nomination.pk, demo_admin)
    if action == eligibility.INELIGIBLE:
        return eligibility.mark_ineligible(nomination.pk, demo_admin, "Started too recently.")
    if action == eligibility.REOPEN:
        return eligibility.reopen(nomination.pk, demo_admin, "Add this year's figures.", later)
    return eligibility.extend(nomination.pk, demo_admin, later)


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("action", ACTIONS)
def test_each_action_from_each_status(
    status, action, demo_admin, django_capture_on_commit_callbacks
):
    nomination = sent_nomination(status)
    before = ModelLogEntry.objects.for_instance(nomination).count()
    mail.outbox.clear()
    if status in EXPECTED[action]:
        with django_capture_on_commit_callbacks(execute=True):
            run(action, nomination, demo_admin)
        nomination.refresh_from_db()
        entry = ModelLogEntry.objects.for_instance(nomination).latest("timestamp", "pk")
        assert entry.user == demo_admin
        assert ModelLogEntry.objects.for_instance(nomination).count() == before + 1
        assert [message.to for message in mail.outbox] == [[nomination.nominator.email]]
        expected_status = {
            eligibility.ELIGIBLE: S.ELIGIBLE,
            eligibility.INELIGIBLE: S.INELIGIBLE,
            eligibility.REOPEN: S.SUBMITTED,
            eligibility.EXTEND: status,
        }[action]
        assert nomination.status == expected_status
    else:
        with (
            django_capture_on_commit_callbacks(execute=True),
            pytest.raises(eligibility.DecisionRefused) as refused,
        ):
            run(action, nomination, demo_admin)
        assert refused.value.message  # says why
        nomination.refresh_from_db()
        assert nomination.status == status
        assert ModelLogEntry.objects.for_instance(nomination).count() == before
        assert mail.outbox == []


def test_the_actions_offered_are_the_allowed_ones():
    for status in S:
        nomination = Nomination(status=status)
        offered = set(eligibility.allowed_actions(nomination))
        assert offered == {action for action in ACTIONS if status in EXPECTED[action]}, status


def test_ineligible_needs_a_reason(demo_admin):
    nomination = sent_nomination(S.SUBMITTED)
    for reason in ("", "   "):
        with pytest.raises(eligibility.DecisionRefused) as refused:
            eligibility.mark_ineligible(nomination.pk, demo_admin, reason)
        assert refused.value.field == "reason"
        assert "Give the reason" in refused.value.message
    nomination.refresh_from_db()
    assert nomination.status == S.SUBMITTED


def test_decision_is_logged_with_before_after_and_reason(
    demo_admin, django_capture_on_commit_callbacks
):
    nomination = sent_nomination(S.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        eligibility.mark_ineligible(nomination.pk, demo_admin, "  Not a public body.  ")
    entry = ModelLogEntry.objects.for_instance(nomination).get(action="nominations.decision")
    assert entry.data == {"from": "submitted", "to": "ineligible", "reason": "Not a public body."}
    assert "Not a public body." in mail.outbox[-1].body
    nomination.refresh_from_db()
    assert nomination.status_reason == "Not a public body."


def test_no_email_when_the_transaction_rolls_back(demo_admin, django_capture_on_commit_callbacks):
    nomination = sent_nomination(S.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        eligibility.mark_eligible(nomination.pk, demo_admin)
    assert len(callbacks) == 1  # queued for after the commit, not sent inside it
    assert mail.outbox == []


class TestReopen:
    def test_needs_a_message(self, demo_admin):
        nomination = sent_nomination(S.ELIGIBLE)
        with pytest.raises(eligibility.DecisionRefused) as refused:
            eligibility.reopen(nomination.pk, demo_admin, " ")
        assert refused.value.field == "message"

    def test_while_changes_are_accepted_no_new_deadline_is_needed(
        self, demo_admin, django_capture_on_commit_callbacks
    ):
        nomination = sent_nomination(S.INELIGIBLE)
        with django_capture_on_commit_callbacks(execute=True):
            eligibility.reopen(nomination.pk, demo_admin, "Attach the survey.")
        nomination.refresh_from_db()
        assert nomination.status == S.SUBMITTED
        assert nomination.status_reason == ""
        assert nomination.changes_requested == "Attach the survey."
        assert nomination.accepts_changes()
        assert "Attach the survey." in mail.outbox[-1].body
        entry = ModelLogEntry.objects.for_instance(nomination).get(action="nominations.reopen")
        assert entry.data["message"] == "Attach the survey."

    def test_after_the_deadline_a_new_deadline_is_required(self, demo_admin):
        nomination = sent_nomination(S.ELIGIBLE)
        cycle = nomination.cycle
        after = cycle.hard_deadline + timedelta(days=1)
        with pytest.raises(eligibility.DecisionRefused) as refused:
            eligibility.reopen(nomination.pk, demo_admin, "Fix the figures.", now=after)
        assert refused.value.field == "until"
        nomination.refresh_from_db()
        assert nomination.status == S.ELIGIBLE and not nomination.changes_requested
        until = after + timedelta(days=7)
        eligibility.reopen(nomination.pk, demo_admin, "Fix the figures.", until=until, now=after)
        nomination.refresh_from_db()
        assert nomination.deadline_extended_until == until
        assert nomination.accepts_changes(after + timedelta(days=6))

    def test_a_deadline_in_the_past_is_refused(self, demo_admin):
        nomination = sent_nomination(S.SUBMITTED)
        with pytest.raises(eligibility.DecisionRefused) as refused:
            eligibility.reopen(
                nomination.pk, demo_admin, "Fix it.", until=timezone.now() - timedelta(hours=1)
            )
        assert refused.value.field == "until"


class TestExtend:
    def test_needs_a_later_deadline(self, demo_admin):
        nomination = sent_nomination(S.SUBMITTED)
        with pytest.raises(eligibility.DecisionRefused) as refused:
            eligibility.extend(nomination.pk, demo_admin, None)
        assert refused.value.field == "until"
        with pytest.raises(eligibility.DecisionRefused, match="later than"):
            eligibility.extend(
                nomination.pk, demo_admin, nomination.cycle.nominations_close_at - timedelta(days=1)
            )

    def test_extension_lets_the_nomination_change_after_the_deadline(
        self, demo_admin, django_capture_on_commit_callbacks
    ):
        nomination = sent_nomination(S.SUBMITTED)
        until = nomination.cycle.hard_deadline + timedelta(days=3)
        with django_capture_on_commit_callbacks(execute=True):
            eligibility.extend(nomination.pk, demo_admin, until)
        nomination.refresh_from_db()
        assert nomination.deadline_extended_until == until
        assert nomination.accepts_changes(until - timedelta(minutes=1))
        assert not nomination.accepts_changes(until + timedelta(minutes=1))
        assert "extended" in mail.outbox[-1].subject
        entry = ModelLogEntry.objects.for_instance(nomination).get(action="nominations.extension")
        assert entry.data["until"] == until.isoformat()
