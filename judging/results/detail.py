"""The detail of one entry in a round's results, for the admin page: each judge's scoresheet
with its scores criterion by criterion, the figures the results used, and the moderation notes."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from judging.models import (
    Assignment,
    CriterionScore,
    ModerationNote,
    Recommendation,
    Scoresheet,
    ScoresheetStatus,
)
from judging.results.computation import NOT_STARTED
from judging.scoring import rounding, sheet_figures


@dataclass
class CriterionLine:
    criterion: object  # Criterion
    score: int | None
    comment: str


@dataclass
class JudgeRow:
    assignment: Assignment
    scoresheet: Scoresheet | None
    judge_name: str
    status: str  # "not_started", "draft" or "submitted"
    status_label: str
    weighted: Decimal | None  # once every criterion has a score; counted only when submitted
    criteria: list[CriterionLine]
    overall_comment: str
    recommendation: str  # "", "yes", "maybe" or "no"
    recommendation_label: str

    @property
    def is_submitted(self):
        return self.status == ScoresheetStatus.SUBMITTED


def entry_detail(round, nomination):
    """One row per judge assigned to the entry in the round (JudgeRow): status, weighted score,
    each criterion's score and comment, overall comment and recommendation. A few queries,
    however many judges."""
    rubric = round.rubric_for(nomination.category_id)
    criteria = list(rubric.criteria.all())
    assignments = list(
        Assignment.objects.filter(round=round, nomination=nomination)
        .select_related("judge__user")
        .order_by("judge__user__last_name", "judge__user__first_name", "judge__user__email")
    )
    sheets = {
        sheet.assignment_id: sheet
        for sheet in Scoresheet.objects.filter(assignment__in=assignments).annotate(
            weighted=sheet_figures.weighted_sum("scores__")
        )
    }
    scores = {}
    for score in CriterionScore.objects.filter(scoresheet__in=sheets.values()).select_related(
        "criterion"
    ):
        scores.setdefault(score.scoresheet_id, {})[score.criterion_id] = score
    # Criteria scored on another rubric (if the rubric changed after scoring) are shown too.
    known = {criterion.pk for criterion in criteria}
    for sheet_scores in scores.values():
        for score in sheet_scores.values():
            if score.criterion_id not in known:
                known.add(score.criterion_id)
                criteria.append(score.criterion)
    recommendations = dict(Recommendation.choices)
    statuses = {NOT_STARTED: _("Not started"), **dict(ScoresheetStatus.choices)}
    rows = []
    for assignment in assignments:
        sheet = sheets.get(assignment.pk)
        sheet_scores = scores.get(sheet.pk, {}) if sheet else {}
        status = sheet.status if sheet else NOT_STARTED
        lines = []
        for criterion in criteria:
            score = sheet_scores.get(criterion.pk)
            lines.append(
                CriterionLine(
                    criterion=criterion,
                    score=score.score if score else None,
                    comment=score.comment if score else "",
                )
            )
        recommendation = sheet.recommendation if sheet else ""
        complete = sheet is not None and all(line.score is not None for line in lines)
        rows.append(
            JudgeRow(
                assignment=assignment,
                scoresheet=sheet,
                judge_name=assignment.judge.display_name,
                status=status,
                status_label=str(statuses.get(status, status)),
                weighted=rounding.score(sheet.weighted) if complete else None,
                criteria=lines,
                overall_comment=sheet.overall_comment if sheet else "",
                recommendation=recommendation,
                recommendation_label=str(recommendations.get(recommendation, "")),
            )
        )
    return rows


def moderation_notes(round, nomination):
    return ModerationNote.objects.filter(round=round, nomination=nomination).select_related(
        "author"
    )
