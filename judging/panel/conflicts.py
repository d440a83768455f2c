"""Conflicts of interest: what happens when a judge declares one, confirms they have none, or an
administrator clears a likely one.

A declared conflict withdraws the judge's assignments it touches (with their draft scores) and
the assignment run tops the entries up with another judge. Submitted scoresheets and closed
rounds are left alone: changing them is an administrator's decision.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from judging.assignment import run as assignment_run
from judging.assignment.balancing import normalise
from judging.models import Assignment, Conflict, ConflictClearance, Scoresheet, ScoresheetStatus


class ConflictRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _withdrawable(assignment, now):
    if assignment.round.is_closed(now):
        return False
    return not Scoresheet.objects.filter(
        assignment=assignment, status=ScoresheetStatus.SUBMITTED
    ).exists()


def _withdraw(assignments, conflict, user):
    """Delete the assignments (and their draft scoresheets), recorded against the conflict."""
    log(
        conflict,
        "judging.conflict",
        user=user,
        data={
            "judge": conflict.judge_id,
            "nomination": conflict.nomination_id,
            "organisation": conflict.organisation,
            "country": conflict.country,
            "withdrawn": [
                {"assignment": a.pk, "round": a.round_id, "nomination": a.nomination_id}
                for a in assignments
            ],
        },
    )
    Assignment.objects.filter(pk__in=[a.pk for a in assignments]).delete()


def declare_entry_conflict(assignment, reason, user, now=None):
    """The judge has a conflict with this entry: record it, withdraw the assignment, and give the
    entry another judge."""
    now = now or timezone.now()
    if not _withdrawable(assignment, now):
        raise ConflictRefused(
            _(
                "Your scores for this entry are submitted or the round is closed, so the "
                "assignment cannot be withdrawn here. Write to the awards team about the conflict."
            )
        )
    round = assignment.round
    with transaction.atomic():
        conflict = Conflict.objects.create(
            judge=assignment.judge,
            cycle_id=round.cycle_id,
            nomination=assignment.nomination,
            reason=reason.strip(),
            declared_at=now,
        )
        _withdraw([assignment], conflict, user)
    assignment_run.top_up(round, user=user)
    return conflict


def confirm_no_conflict(assignment, now=None):
    """The judge saw the entry's name, country and category and has no conflict with it."""
    if assignment.conflict_checked_at is None:
        assignment.conflict_checked_at = now or timezone.now()
        Assignment.objects.filter(pk=assignment.pk, conflict_checked_at=None).update(
            conflict_checked_at=assignment.conflict_checked_at
        )
    return assignment


def matches(conflict_organisation, conflict_country, nomination):
    return bool(
        (
            conflict_organisation
            and normalise(conflict_organisation) == normalise(nomination.organisation_name)
        )
        or (conflict_country and conflict_country == nomination.country)
    )


def declare_cycle_conflict(judge, cycle, organisation="", country="", reason="", user=None):
    """A conflict with an organisation or a country for the whole cycle: withdraw the judge's
    matching assignments that can still change, then top those rounds up."""
    organisation = " ".join(organisation.split())
    if not organisation and not country:
        raise ConflictRefused(_("Name an organisation or choose a country."))
    now = timezone.now()
    with transaction.atomic():
        conflict = Conflict.objects.create(
            judge=judge,
            cycle=cycle,
            organisation=organisation,
            country=country,
            reason=reason.strip(),
            declared_at=now,
        )
        candidates = (
            Assignment.objects.filter(judge=judge, round__cycle=cycle, round__closes_at__gt=now)
            .exclude(scoresheet__status=ScoresheetStatus.SUBMITTED)
            .select_related("round", "nomination")
        )
        withdrawn = [a for a in candidates if matches(organisation, country, a.nomination)]
        _withdraw(withdrawn, conflict, user)
    for round in {a.round_id: a.round for a in withdrawn}.values():
        assignment_run.top_up(round, user=user)
    conflict.withdrawn = withdrawn
    return conflict


def clear_likely_conflict(judge, nomination, user, note=""):
    """An administrator decides a likely conflict (same organisation or email domain) is none."""
    clearance, _created = ConflictClearance.objects.update_or_create(
        judge=judge,
        nomination=nomination,
        defaults={"cleared_by": user, "cleared_at": timezone.now(), "note": note.strip()},
    )
    log(
        clearance,
        "judging.clear_conflict",
        user=user,
        data={"judge": judge.pk, "nomination": nomination.pk, "note": note.strip()},
    )
    return clearance
