"""Assignments by hand, the rules: which judge may be given an entry (and why not), saving
one with the entry as last sent, and when one may be removed."""

from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from judging.assignment.balancing import has_conflict, likely_conflict
from judging.models import Assignment, PanelMembership, ScoresheetStatus
from nominations.sending import versions


class ManualAssignmentRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def round_refusal(round):
    """Why the round's assignments cannot change by hand, or None."""
    if round.is_closed():
        return _("This round has closed: its assignments cannot change.")
    return None


def entry_for(round, reference):
    """The round's entry with this reference (any case), or a ManualAssignmentRefused that
    says what to check."""
    nomination = (
        round.entries().filter(reference__iexact=reference).select_related("category").first()
    )
    if nomination is None:
        raise ManualAssignmentRefused(
            _(
                "No entry of this round has the reference “%(reference)s”. Check the "
                "reference, and that the nomination's status is one the round takes."
            )
            % {"reference": reference}
        )
    return nomination


def judge_problem(round, nomination, judge):
    """Why the judge cannot be given the entry by hand, or None."""
    from judging.assignment import run as assignment_run

    if assignment_run.assignable_judges(round, nomination).filter(pk=judge.pk).exists():
        return None
    if Assignment.objects.filter(round=round, nomination=nomination, judge=judge).exists():
        return _("%(judge)s already has this entry.") % {"judge": judge}
    on_panel = PanelMembership.objects.filter(judge=judge, cycle=round.cycle_id).filter(
        Q(category__isnull=True) | Q(category=nomination.category_id)
    )
    if not on_panel.exists():
        return _(
            "%(judge)s does not sit on the panel of this entry's category. Add the panel on "
            "their judge page first."
        ) % {"judge": judge}
    judges = {j.id: j for j, _categories in assignment_run.panel_judges(round)}
    entries = assignment_run.round_entries(round).get(nomination.category_id, [])
    entry = next((e for e in entries if e.id == nomination.pk), None)
    found = judges.get(judge.pk)
    if found and entry and likely_conflict(found, entry):
        return _(
            "%(judge)s probably has a conflict with this entry (same organisation or email "
            "domain). If there is none, clear it on the Conflicts page first."
        ) % {"judge": judge}
    if found and entry and has_conflict(found, entry):
        return _("%(judge)s has declared a conflict with this entry. Choose another judge.") % {
            "judge": judge
        }
    return _("%(judge)s cannot judge this entry. Choose another judge.") % {"judge": judge}


def assign_by_hand(assignment, user):
    """Save an assignment an administrator made (round, entry and judge set), giving the judge
    the entry as last sent, due on the round's date unless one was chosen, and log it."""
    assignment.created_by = user
    assignment.due_on = assignment.due_on or assignment.round.scores_due_on
    # The judge is given the entry as last sent.
    assignment.nomination_version_id = versions.latest_ids([assignment.nomination_id]).get(
        assignment.nomination_id
    )
    assignment.save()
    log(
        assignment,
        "judging.assign",
        user=user,
        data={
            "round": assignment.round_id,
            "nomination": assignment.nomination_id,
            "judge": assignment.judge_id,
            "due_on": assignment.due_on.isoformat(),
        },
    )
    return assignment


def removal_refusal(assignment):
    """Why the assignment cannot be removed, or None. Removing one deletes the judge's draft
    scores with it; a submitted scoresheet or a closed round keeps it."""
    if assignment.round.is_closed():
        return gettext("The round has closed: its assignments cannot change.")
    submitted = getattr(assignment, "scoresheet", None)
    if submitted and submitted.status == ScoresheetStatus.SUBMITTED:
        return gettext(
            "The judge has submitted their scoresheet for this entry. Reopen it first "
            "(from the round's results), then remove the assignment."
        )
    return None


def log_removal(assignment, user):
    """Log the removal of an assignment (in the transaction that deletes it)."""
    log(
        assignment,
        "judging.unassign",
        user=user,
        data={
            "round": assignment.round_id,
            "nomination": assignment.nomination_id,
            "judge": assignment.judge_id,
            "had_draft": hasattr(assignment, "scoresheet"),
        },
    )
