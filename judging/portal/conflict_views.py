"""The judge portal's conflict pages: the check before an entry opens (no conflict, or a
conflict that withdraws the judge from it) and the judge's conflicts over a cycle. The rules
are in judging/panel/conflicts.py."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from judging.models import Conflict, ScoresheetStatus
from judging.panel import conflicts
from judging.portal.access import assignment_required, judge_required
from judging.portal.forms import ConflictForm, CycleConflictForm
from judging.scoring import rules as scoring
from nominations.models import AwardCycle


def conflict_check_page(request, assignment, form=None, status=200):
    return render(
        request,
        "judging/portal/conflict_check.html",
        {
            "assignment": assignment,
            "nomination": assignment.nomination,
            "form": form or ConflictForm(),
            "can_withdraw": _can_withdraw(assignment),
        },
        status=status,
    )


def _can_withdraw(assignment):
    submitted = scoring.status_of(assignment) == ScoresheetStatus.SUBMITTED
    return not assignment.round.is_closed() and not submitted


@assignment_required
def conflict_check(request, assignment):
    """Before opening an entry: no conflict (open it) or a conflict (withdraw it)."""
    if request.method != "POST":
        return conflict_check_page(request, assignment)
    if "no_conflict" in request.POST:
        conflicts.confirm_no_conflict(assignment)
        return redirect("judging:entry", assignment_id=assignment.pk)
    if "conflict" not in request.POST:  # neither button: ask again
        return conflict_check_page(request, assignment, ConflictForm(request.POST))
    form = ConflictForm(request.POST)
    if not form.is_valid():
        return conflict_check_page(request, assignment, form)
    try:
        conflicts.declare_entry_conflict(assignment, form.cleaned_data["reason"], request.user)
    except conflicts.ConflictRefused as refused:
        messages.error(request, refused.message)
        return redirect("judging:entry", assignment_id=assignment.pk)
    messages.success(
        request,
        _(
            "You declared a conflict with %(entry)s. The entry is no longer on your list; "
            "another judge will score it."
        )
        % {"entry": assignment.nomination.organisation_name},
    )
    return redirect("judging:dashboard")


@judge_required
def conflict_list(request):
    judge = request.judge
    cycle = AwardCycle.objects.current()
    form = CycleConflictForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and cycle and form.is_valid():
        conflict = conflicts.declare_cycle_conflict(
            judge,
            cycle,
            organisation=form.cleaned_data["organisation"],
            country=form.cleaned_data["country"],
            reason=form.cleaned_data["reason"],
            user=request.user,
        )
        count = len(conflict.withdrawn)
        messages.success(
            request,
            _("Your conflict is recorded.")
            + " "
            + (
                _("%(count)s entry was withdrawn from your list.")
                if count == 1
                else _("%(count)s entries were withdrawn from your list.")
            )
            % {"count": count},
        )
        return redirect("judging:conflicts")
    declared = Conflict.objects.filter(judge=judge).select_related("cycle", "nomination")
    return render(
        request,
        "judging/portal/conflicts.html",
        {"judge": judge, "cycle": cycle, "form": form, "conflicts": declared},
    )
