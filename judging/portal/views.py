"""The judge portal: the dashboard, an entry with its scoresheet (and the versions of the
entry), and the submit confirmation. Views stay thin: the rules are in judging/scoring/rules.py
and judging/portal/access.py; the conflict pages are in conflict_views.py, the entry's files in
document_views.py."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.db.models import F, OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from awards_site.accounts import pending_input
from judging.certificates.issuing import valid_for_judge
from judging.certificates.views import downloads
from judging.models import CriterionScore, Round, Scoresheet, ScoresheetStatus
from judging.portal.access import assignment_required, judge_required, own_assignments
from judging.portal.conflict_views import conflict_check_page
from judging.portal.forms import ScoresheetForm
from judging.scoring import rules as scoring
from nominations.answers import (
    NOMINATOR_FIELDS,
    NOMINATOR_SECTIONS,
    SECTION_FIELDS,
    answer_sections,
)
from nominations.models import NominationVersion
from nominations.sending import versions
from nominations.wizard import measured


@dataclass
class RoundGroup:
    round: Round
    rows: list = field(default_factory=list)

    @property
    def submitted(self):
        return sum(1 for row in self.rows if row.status == ScoresheetStatus.SUBMITTED)

    @property
    def total(self):
        return len(self.rows)


@dataclass
class Row:
    assignment: object
    status: str
    overdue: bool


@judge_required
def dashboard(request):
    judge = request.judge
    today = timezone.localdate()
    assignments = (
        own_assignments(judge)
        .select_related("round", "round__cycle", "nomination", "nomination__category", "scoresheet")
        # Whether the nominator sent a version newer than the one the judge was given.
        .annotate(
            latest_version=Subquery(
                NominationVersion.objects.filter(nomination=OuterRef("nomination"))
                .order_by("-number")
                .values("number")[:1]
            ),
            given_version=F("nomination_version__number"),
        )
        .order_by("due_on", "nomination__organisation_name", "pk")
    )
    groups = {}
    # The current cycle's rounds show even before anything is assigned in them.
    for round in (
        Round.objects.filter(cycle__is_current=True, cycle__panel_memberships__judge=judge)
        .select_related("cycle")
        .distinct()
    ):
        groups[round.pk] = RoundGroup(round)
    for assignment in assignments:
        group = groups.setdefault(assignment.round_id, RoundGroup(assignment.round))
        status = scoring.status_of(assignment)
        overdue = status != ScoresheetStatus.SUBMITTED and assignment.due_on < today
        group.rows.append(Row(assignment, status, overdue))
    ordered = sorted(
        groups.values(),
        key=lambda group: (not group.round.cycle.is_current, -group.round.opens_at.timestamp()),
    )
    return render(
        request,
        "judging/portal/dashboard.html",
        {
            "judge": judge,
            "groups": ordered,
            "now": timezone.now(),
            "certificates": [
                (
                    certificate,
                    downloads(
                        certificate,
                        reverse("judging:judge_certificate", args=[certificate.display_code]),
                        request.user,
                    ),
                )
                for certificate in valid_for_judge(judge)
            ],
        },
    )


def _with_rubric(assignment):
    """The entry's rubric with its criteria and, for the page, its levels' descriptors."""
    rubric = scoring.rubric_of(assignment)
    prefetch_related_objects([rubric], "levels")
    return rubric


def _with_scores(sheet):
    """The sheet (None before the first save) with its scores, for the page."""
    if sheet is not None:
        prefetch_related_objects(
            [sheet], Prefetch("scores", queryset=CriterionScore.objects.order_by("pk"))
        )
    return sheet


def _sheet_now(assignment):
    """The sheet as it is now (after a refused save: another tab's), with its scores."""
    sheet = Scoresheet.objects.filter(assignment=assignment).first()
    if sheet is not None:
        sheet.assignment = assignment
    return _with_scores(sheet)


def score_rows(rubric, sheet):
    """(criterion, its CriterionScore or None, the level's descriptor) for every criterion."""
    scores = {score.criterion_id: score for score in sheet.scores.all()}
    descriptors = {level.value: level.descriptor for level in rubric.levels.all()}
    rows = []
    for criterion in rubric.criteria.all():
        score = scores.get(criterion.pk)
        descriptor = descriptors.get(score.score, "") if score and score.score is not None else ""
        rows.append((criterion, score, descriptor))
    return rows


def _other_sheets(assignment, rubric):
    """The other judges' submitted scoresheets of the entry, as "Judge A", "Judge B", ..."""
    sheets = (
        Scoresheet.objects.filter(
            assignment__round=assignment.round_id,
            assignment__nomination=assignment.nomination_id,
            status=ScoresheetStatus.SUBMITTED,
        )
        .exclude(assignment=assignment)
        .prefetch_related("scores")
        .order_by("assignment_id")
    )
    others = []
    for index, sheet in enumerate(sheets):
        others.append(
            {
                "label": _("Judge %(letter)s") % {"letter": chr(ord("A") + index % 26)},
                "sheet": sheet,
                "weighted": scoring.weighted_score(sheet, rubric),
                "scores": score_rows(rubric, sheet),
            }
        )
    return others


def entry_versions(request, assignment):
    """What the judge reads: the version they were given, or (?version=N) another version of
    the entry; and, when a newer one was sent after theirs, that version and what changed
    (without what tells who nominated when the round hides it). Reads only the versions shown
    besides the one given (the latest's number comes with the assignment: `own_assignment`)."""
    nomination = assignment.nomination
    given = assignment.nomination_version
    latest_number = assignment.latest_version_number
    asked = request.GET.get("version", "")
    wanted = {latest_number} if latest_number is not None else set()
    if asked.isdigit():
        wanted.add(int(asked))
    if given is not None:
        wanted.discard(given.number)
    found = {version.number: version for version in nomination.versions.filter(number__in=wanted)}
    if given is not None:
        found[given.number] = given
    latest = found.get(latest_number)
    shown = found.get(int(asked)) if asked.isdigit() and int(asked) in found else given or latest
    newer, changes = None, None
    if given is not None and latest is not None and latest.number > given.number:
        newer = latest
        changes = versions.differences(given, latest, nomination)
        if assignment.round.hide_nominator:
            hidden = {
                name for section in NOMINATOR_SECTIONS for name in SECTION_FIELDS[section]
            } | NOMINATOR_FIELDS
            changes.changes = [change for change in changes.changes if change.name not in hidden]
    return {"given": given, "shown": shown, "newer": newer, "changes": changes}


def _entry_context(request, assignment, rubric, sheet, form, stale=False):
    nomination = assignment.nomination
    round = assignment.round
    lock = scoring.lock_reason(sheet, round)
    read = entry_versions(request, assignment)
    shown = read["shown"]
    # The measured results as sent (frozen in the version; nominations/wizard/measured.py).
    measured_results = (
        shown.answers.get(versions.MEASURED) if shown else nomination.measured_results
    )
    context = {
        "measured": measured.shown(measured_results),
        "assignment": assignment,
        "nomination": nomination,
        "round": round,
        "rubric": rubric,
        "sheet": sheet,
        "status": scoring.NOT_STARTED if sheet is None else sheet.status,
        "form": form,
        "lock": lock,
        "stale": stale,
        "answer_sections": answer_sections(
            versions.as_nomination(shown, nomination) if shown else nomination,
            None,
            without_nominator=round.hide_nominator,
        ),
        "evidence": versions.evidence_of(shown) if shown else nomination.evidence.all(),
        "given_version": read["given"],
        "shown_version": shown,
        "newer_version": read["newer"],
        "newer_changes": read["changes"],
        "scored_version": getattr(sheet, "nomination_version", None),
        "can_withdraw": not round.is_closed() and not (sheet and sheet.is_submitted),
    }
    if sheet is not None:
        context["saved_scores"] = score_rows(rubric, sheet)
        context["weighted"] = scoring.weighted_score(sheet, rubric)
    if scoring.others_visible(assignment):
        context["others"] = _other_sheets(assignment, rubric)
        context["others_visible"] = True
    return context


def _render_entry(request, assignment, rubric, sheet, form, stale=False):
    context = _entry_context(request, assignment, rubric, sheet, form, stale=stale)
    return render(request, "judging/portal/entry.html", context)


def _refused_while_locked(request, assignment, rubric, sheet, form):
    """The sheet cannot change any more (submitted meanwhile, or the round closed): the page
    says why and shows what the judge typed, so it can be sent to the awards team."""
    context = _entry_context(request, assignment, rubric, sheet, form)
    context["unsaved"] = form.unsaved_input()
    return render(request, "judging/portal/entry.html", context, status=409)


def _render_kept_input(request, assignment, rubric, sheet, pending):
    """The scores the judge sent after their session ended, shown again after the log-in,
    unsaved: they check them, then save or submit as usual (a stale or locked sheet is told
    as for any save)."""
    form = ScoresheetForm(rubric, data=pending_input.as_query_dict(pending))
    form.is_valid()
    if scoring.lock_reason(sheet, assignment.round):
        context = _entry_context(request, assignment, rubric, sheet, form)
        context["unsaved"] = form.unsaved_input()
        return render(request, "judging/portal/entry.html", context)
    messages.warning(
        request,
        _(
            "You were signed out, so the scores you sent were not saved yet. Check them below, "
            "then save or submit them."
        ),
    )
    return _render_entry(request, assignment, rubric, sheet, form)


@assignment_required
def entry(request, assignment):
    if assignment.conflict_checked_at is None:
        return conflict_check_page(request, assignment)
    sheet = scoring.existing_sheet(assignment)
    if request.method != "POST":
        rubric = _with_rubric(assignment)
        sheet = _with_scores(sheet)
        pending = pending_input.take(request)
        if pending is not None:
            return _render_kept_input(request, assignment, rubric, sheet, pending)
        form = ScoresheetForm(rubric, initial=ScoresheetForm.initial_from(sheet))
        return _render_entry(request, assignment, rubric, sheet, form)
    if "take_version" in request.POST:
        return _take_version(request, assignment)

    # A save reads the rubric's criteria, writes the sheet and its scores, and redirects: the
    # levels and the saved scores are read only to show the page again.
    rubric = scoring.rubric_of(assignment)
    form = ScoresheetForm(rubric, data=request.POST)
    if scoring.lock_reason(sheet, assignment.round):
        return _refused_while_locked(
            request, assignment, _with_rubric(assignment), _with_scores(sheet), form
        )
    if not form.is_valid():
        return _render_entry(
            request, assignment, _with_rubric(assignment), _with_scores(sheet), form
        )
    try:
        sheet = scoring.save_for(
            assignment,
            form.cleaned_data["version"],
            form.scores(),
            form.cleaned_data["overall_comment"],
            form.cleaned_data["recommendation"],
            request.user,
        )
    except scoring.StaleScoresheet as stale:
        form = form.rebound(stale.current_version)
        form.add_error(None, stale.message)
        return _render_entry(
            request, assignment, _with_rubric(assignment), _sheet_now(assignment), form, True
        )
    except scoring.ScoresheetLocked:
        return _refused_while_locked(
            request, assignment, _with_rubric(assignment), _sheet_now(assignment), form
        )
    except scoring.InvalidScore as invalid:
        form.add_error(None, invalid.message)
        return _render_entry(
            request, assignment, _with_rubric(assignment), _sheet_now(assignment), form
        )

    if "submit" in request.POST:
        # What the save just wrote is what is saved: every criterion of the rubric is a field.
        missing_criteria, no_recommendation = scoring.missing_in(
            rubric, form.scores(), form.cleaned_data["recommendation"]
        )
        if missing_criteria or no_recommendation:
            form = form.rebound(sheet.version)
            form.add_error(
                None,
                _(
                    "Your scores are saved as a draft. To submit them, complete what is "
                    "marked below."
                ),
            )
            form.add_missing_errors(missing_criteria, no_recommendation)
            return _render_entry(
                request, assignment, _with_rubric(assignment), _sheet_now(assignment), form
            )
        return redirect("judging:submit", assignment_id=assignment.pk)
    messages.success(
        request,
        _("Your draft is saved. You can change it until you submit it."),
    )
    return redirect("judging:entry", assignment_id=assignment.pk)


def _take_version(request, assignment):
    version = assignment.nomination.versions.filter(
        number=request.POST.get("take_version", "")
        if request.POST.get("take_version", "").isdigit()
        else 0
    ).first()
    if version is None:
        messages.error(request, _("This version of the entry does not exist."))
        return redirect("judging:entry", assignment_id=assignment.pk)
    try:
        scoring.take_version(assignment, version, request.user)
    except scoring.ScoringError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            _("You now read and score version %(number)s of this entry.")
            % {"number": version.number},
        )
    return redirect("judging:entry", assignment_id=assignment.pk)


@assignment_required
def submit(request, assignment):
    """The confirmation step: a summary of the scores and the weighted score, then submit."""
    if assignment.conflict_checked_at is None:
        return redirect("judging:entry", assignment_id=assignment.pk)
    sheet = scoring.existing_sheet(assignment)
    if sheet is None:
        messages.error(request, _("Give your scores first, then submit them."))
        return redirect("judging:entry", assignment_id=assignment.pk)
    reason = scoring.lock_reason(sheet, assignment.round)
    if reason:
        messages.error(request, reason)
        return redirect("judging:entry", assignment_id=assignment.pk)
    stale_message = ""
    if request.method == "POST":
        try:
            expected = int(request.POST.get("version", ""))
        except ValueError:
            expected = 0
        try:
            scoring.submit(sheet, expected, request.user)
        except scoring.IncompleteScoresheet as incomplete:
            messages.error(request, incomplete.message)
            return redirect("judging:entry", assignment_id=assignment.pk)
        except scoring.ScoresheetLocked as locked:
            messages.error(request, locked.message)
            return redirect("judging:entry", assignment_id=assignment.pk)
        except scoring.StaleScoresheet:
            stale_message = _(
                "These scores were changed in another tab or window after you opened this page. "
                "The summary below now shows the saved scores: check them and submit again."
            )
            sheet = _sheet_now(assignment)
        else:
            messages.success(
                request,
                _("Your scores for %(entry)s are submitted. Thank you.")
                % {"entry": assignment.nomination.organisation_name},
            )
            return redirect("judging:dashboard")
    rubric = _with_rubric(assignment)
    if not stale_message:
        sheet = _with_scores(sheet)
    missing_criteria, no_recommendation = scoring.missing(sheet)
    if (missing_criteria or no_recommendation) and not stale_message:
        messages.error(
            request, scoring.IncompleteScoresheet(missing_criteria, no_recommendation).message
        )
        return redirect("judging:entry", assignment_id=assignment.pk)
    rows = score_rows(rubric, sheet)
    return render(
        request,
        "judging/portal/submit.html",
        {
            "assignment": assignment,
            "nomination": assignment.nomination,
            "sheet": sheet,
            "rows": rows,
            "rubric": rubric,
            "weighted": scoring.weighted_score(sheet, rubric),
            "stale_message": stale_message,
            "complete": not (missing_criteria or no_recommendation),
        },
        status=409 if stale_message else 200,
    )
