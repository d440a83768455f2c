"""What the awards team decides about a sent nomination, from its review screen in the admin:

- `mark_eligible`: a sent (or ineligible) nomination meets the rules and goes to the judges.
- `mark_ineligible`: it does not, with the reason, which the nominator reads.
- `reopen`: sent back to the nominator for changes, with a message; a new deadline when the
  nomination's own has passed (the nominator could not change it otherwise). It becomes
  "submitted" again, to be decided once the changes are sent.
- `extend`: a deadline of its own for this nomination, later than the cycle's.

Which status each action may start from is in `ALLOWED`; anything else is refused with a
`DecisionRefused` that says why and what to do. Each action locks the nomination's row, is
logged (Wagtail's log entries, shown in the review screen's history) and emails the nominator
after the transaction commits (tasks.py). Judging's outcomes (shortlisted ... not placed) are
set by publishing a round's results, never here.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from nominations.choices import NominationStatus
from nominations.models import Nomination
from nominations.statuses import STATUSES

ELIGIBLE, INELIGIBLE, REOPEN, EXTEND = "eligible", "ineligible", "reopen", "extend"

S = NominationStatus
ALLOWED = {
    ELIGIBLE: {S.SUBMITTED, S.INELIGIBLE},
    INELIGIBLE: {S.SUBMITTED, S.ELIGIBLE},
    REOPEN: {S.SUBMITTED, S.ELIGIBLE, S.INELIGIBLE},
    EXTEND: {S.DRAFT, S.SUBMITTED, S.ELIGIBLE},
}
JUDGING_OUTCOMES = set(STATUSES.values(judged=True))


class DecisionRefused(Exception):
    """An action refused, with a message for the administrator; `field` names the input the
    message is about ("reason", "message", "until"), or is empty."""

    def __init__(self, message, field=""):
        super().__init__(message)
        self.message = message
        self.field = field


def allowed_actions(nomination):
    """The actions the review screen offers for this nomination's status."""
    return [action for action, statuses in ALLOWED.items() if nomination.status in statuses]


def _locked(nomination_pk):
    return (
        Nomination.objects.select_for_update(of=("self",))
        .select_related("cycle")
        .get(pk=nomination_pk)
    )


def _check_allowed(nomination, action):
    if nomination.status in ALLOWED[action]:
        return
    status = nomination.get_status_display()
    if nomination.status == S.DRAFT:
        raise DecisionRefused(
            _(
                "This nomination is a draft: the nominator has not sent it yet, so there is "
                "nothing to decide."
            )
        )
    if nomination.status == S.WITHDRAWN:
        raise DecisionRefused(
            _("The nominator withdrew this nomination, so it can no longer be decided or changed.")
        )
    if nomination.status in JUDGING_OUTCOMES:
        raise DecisionRefused(
            _(
                "This nomination is “%(status)s”: judging has decided its outcome, so its "
                "eligibility can no longer change."
            )
            % {"status": status}
        )
    raise DecisionRefused(_("This nomination is already “%(status)s”.") % {"status": status})


def _after_commit(task_name, nomination_pk):
    def enqueue():
        from nominations import tasks

        getattr(tasks, task_name).enqueue(nomination_pk)

    transaction.on_commit(enqueue)


def _decide(nomination_pk, action, status, user, reason, now=None, notify=True):
    with transaction.atomic():
        nomination = _locked(nomination_pk)
        _check_allowed(nomination, action)
        previous = nomination.status
        nomination.status = status
        nomination.status_reason = reason
        nomination.save(update_fields=["status", "status_reason", "updated_at"])
        log(
            nomination,
            "nominations.decision",
            user=user,
            data={"from": previous, "to": status, "reason": reason},
            timestamp=now or timezone.now(),
        )
        if notify:
            _after_commit("send_eligibility_decision", nomination.pk)
    return nomination


def mark_eligible(nomination_pk, user, note="", now=None, notify=True):
    """The nomination meets the rules: it goes forward to the judges. `note` is optional.
    `now` and `notify=False`: decided at a past date without emailing (the demo)."""
    return _decide(nomination_pk, ELIGIBLE, S.ELIGIBLE, user, (note or "").strip(), now, notify)


def mark_ineligible(nomination_pk, user, reason, now=None, notify=True):
    """The nomination does not meet the rules; the reason is required (the nominator reads it)."""
    reason = (reason or "").strip()
    if not reason:
        raise DecisionRefused(
            _("Give the reason, so the nominator knows why the nomination is not eligible."),
            field="reason",
        )
    return _decide(nomination_pk, INELIGIBLE, S.INELIGIBLE, user, reason, now, notify)


def _check_future(until, now, field="until"):
    if until is not None and until <= now:
        raise DecisionRefused(
            _("Enter a date and time in the future: the nominator needs time to act."),
            field=field,
        )


def reopen(nomination_pk, user, message, until=None, now=None):
    """Send the nomination back to the nominator for changes, with a message (required). When
    the nomination no longer accepts changes, `until` (a new deadline, in the future) is
    required and becomes its extension."""
    now = now or timezone.now()
    message = (message or "").strip()
    if not message:
        raise DecisionRefused(
            _("Write what the nominator should change: they read this message."),
            field="message",
        )
    _check_future(until, now)
    with transaction.atomic():
        nomination = _locked(nomination_pk)
        _check_allowed(nomination, REOPEN)
        previous = nomination.status
        nomination.status = S.SUBMITTED
        nomination.status_reason = ""
        nomination.changes_requested = message
        if until is not None and (
            nomination.deadline_extended_until is None or until > nomination.deadline_extended_until
        ):
            nomination.deadline_extended_until = until
        if not nomination.accepts_changes(now):
            raise DecisionRefused(
                _(
                    "The nomination's deadline has passed, so the nominator could not change "
                    "it: give a new deadline."
                ),
                field="until",
            )
        nomination.save(
            update_fields=[
                "status",
                "status_reason",
                "changes_requested",
                "deadline_extended_until",
                "updated_at",
            ]
        )
        log(
            nomination,
            "nominations.reopen",
            user=user,
            data={
                "from": previous,
                "to": S.SUBMITTED.value,
                "message": message,
                "until": until.isoformat() if until else None,
            },
        )
        _after_commit("send_changes_requested", nomination.pk)
    return nomination


def extend(nomination_pk, user, until, now=None):
    """Give the nomination a deadline of its own, `until` (later than its current one)."""
    now = now or timezone.now()
    if until is None:
        raise DecisionRefused(_("Enter the new deadline: a date and a time."), field="until")
    _check_future(until, now)
    with transaction.atomic():
        nomination = _locked(nomination_pk)
        _check_allowed(nomination, EXTEND)
        if until <= nomination.changes_until:
            raise DecisionRefused(
                _("Enter a deadline later than the nomination's current one, %(deadline)s.")
                % {"deadline": _moment(nomination.changes_until)},
                field="until",
            )
        previous = nomination.deadline_extended_until
        nomination.deadline_extended_until = until
        nomination.save(update_fields=["deadline_extended_until", "updated_at"])
        log(
            nomination,
            "nominations.extension",
            user=user,
            data={
                "until": until.isoformat(),
                "previous": previous.isoformat() if previous else None,
            },
        )
        _after_commit("send_deadline_extended", nomination.pk)
    return nomination


def _moment(value):
    from nominations.wizard.deadlines import moment

    return moment(value)
