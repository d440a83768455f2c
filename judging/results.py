"""A round's results, computed by the database: weighted scores, judge normalisation, spread,
completeness and a ranking per category with deterministic tie-breaks.

Only SUBMITTED scoresheets count. Drafts, sheets not started and reopened sheets do not.

Weighted score of a scoresheet (0 to 100)
    The sum over the rubric's criteria of (score - scale_min) / (scale_max - scale_min) x weight.
    The weights of a rubric add up to 100, so a sheet with every score at the top of the scale
    weighs 100 and one with every score at the bottom weighs 0. Each criterion score carries its
    own criterion, and so its rubric's scale and weight: categories with their own rubric (even on
    another scale) are weighed with it. A criterion left without a score counts as the bottom of
    the scale (submission requires every score, so this only matters for old data).

Judge normalisation
    Some judges score generously, others harshly. Each judge's weighted scores over their own
    submitted sheets in the round (every category) become z-scores,
        z = (weighted - judge's mean) / judge's standard deviation,
    (population standard deviation; a judge with a single sheet, or whose sheets all weigh the
    same - a standard deviation under a thousandth of a point - gets z = 0 on every sheet), then
    are mapped back onto 0-100 with the mean and standard deviation of all the round's
    submitted sheets:
        normalised = clamp(round mean + z x round standard deviation, 0, 100).
    A lenient judge who gave 80 and 90 and a harsh judge who gave 40 and 50 to the same two
    entries both have z = -1 and +1, so both entries end up level after normalisation.
    An entry's normalised score is the mean of its sheets' normalised scores.

Per entry
    raw_mean (mean weighted score), normalised, spread (highest minus lowest weighted score),
    disagreement (two or more sheets and spread >= the round's disagreement threshold),
    completeness (submitted sheets / assignments), the judges' weighted scores (highest first).

Ranking, per category
    1. normalised score, highest first (compared to a millionth of a point, so floating-point
       noise never decides a place);
    2. the mean score on the rubric's highest-weighted criterion (the lowest sort order wins when
       two criteria share the highest weight), highest first;
    3. the number of top-of-scale scores (scale_max) the entry received, most first;
    4. the reference, alphabetically (references are unique, so no two entries share a place).
    Entries without a submitted scoresheet are not ranked (rank None) and come last.

Entries of a round
    The cycle's nominations that have an assignment or a decision in the round, or whose status
    is one the round takes entries from; never drafts, withdrawn or ineligible nominations.

How it is computed
    The database does every aggregation, in one SQL statement (`_STATEMENT`); Python only turns
    its rows (one per entry) into EntryResults and sorts them by the ranking's key. Raw SQL
    because the computation nests aggregates - sums over criterion scores per sheet, then
    statistics over sheets per judge and over the round, then means per entry - and the Django
    ORM cannot aggregate over an aggregate nor define a CTE. The statement is portable between
    SQLite 3.35+ and PostgreSQL 15: every division is done in DOUBLE PRECISION (no integer
    division on PostgreSQL), clamping uses CASE (no LEAST/GREATEST), SQRT is PostgreSQL's or
    the one Django adds to SQLite. The only difference between the two is the function that
    lists an entry's scores as text (GROUP_CONCAT / STRING_AGG). The entry set is the ORM
    queryset `entries(round)` embedded as a subquery, and the rubrics' top criteria (a small
    query) are passed in as parameters, which keeps the big aggregation parallel-safe on
    PostgreSQL. The sort is Python's, so text compares the same on every database.
"""

from dataclasses import dataclass, field
from operator import itemgetter

from django.db import connection
from django.db.models import Exists, F, FloatField, OuterRef, Q, Sum
from django.db.models.functions import Cast
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from nominations.choices import NominationStatus
from nominations.models import Nomination

from .models import (
    Assignment,
    Criterion,
    CriterionScore,
    ModerationNote,
    Recommendation,
    RoundDecision,
    Scoresheet,
    ScoresheetStatus,
)

# Statuses that never take part in a round's results, whatever else is true of the nomination.
NOT_STARTED = "not_started"  # an assignment without a scoresheet yet

NOT_ENTERED = (NominationStatus.DRAFT, NominationStatus.WITHDRAWN, NominationStatus.INELIGIBLE)

# Below this variance (points squared: a standard deviation of a thousandth of a point) a judge's
# sheets are taken to weigh the same, and z = 0.
ZERO_VARIANCE = 1e-6

# Ties on the normalised score are judged to a millionth of a point.
TIE_PRECISION = 1_000_000


@dataclass(slots=True)
class EntryResult:
    nomination_id: int
    reference: str
    organisation_name: str
    country: str
    category_id: int | None
    category_name: str
    assigned: int
    submitted: int
    judge_scores: list[float] = field(default_factory=list)  # weighted, highest first
    raw_mean: float | None = None
    normalised: float | None = None
    spread: float | None = None
    disagreement: bool = False
    rank: int | None = None
    top_criterion_mean: float | None = None
    top_scores: int = 0
    outcome: str = ""  # the RoundDecision's outcome, or ""

    @property
    def completeness(self):
        """Submitted scoresheets over assignments, from 0 to 1."""
        return self.submitted / self.assigned if self.assigned else 0.0

    @property
    def ranked(self):
        return self.rank is not None


def entries(round):
    """The nominations a round's results cover (see the module docstring)."""
    in_round = Exists(Assignment.objects.filter(round=round, nomination=OuterRef("pk")))
    decided = Exists(RoundDecision.objects.filter(round=round, nomination=OuterRef("pk")))
    return (
        Nomination.objects.filter(cycle=round.cycle_id)
        .exclude(status__in=NOT_ENTERED)
        .filter(Q(status__in=round.entering_statuses) | in_round | decided)
    )


# One statement, read from the top:
#   sheet          one row per submitted scoresheet of the round (an assignment is one judge and
#                  one entry): weighted score 0-100, its score on the rubric's top criterion
#                  (their ids are a parameter), its number of top-of-scale scores
#   judge          each judge's number of sheets, mean weighted score and mean square (the
#                  judge's population variance is mean square - mean x mean)
#   round_stats    the mean and variance of all the round's sheets, from the judges' figures
#   normalised     each sheet's z (0 when its judge's variance is nil) x round sd + round mean
#   entry_score    per entry: means (the normalised one clamped to 0-100 sheet by sheet),
#                  spread, tie-break inputs, the scores as text
#   progress       per entry: assignments and submitted sheets
# and the final SELECT adds each entry's details and decision (round_results sorts them).
# Variances are mean of squares minus square of mean: scores are 0-100, so rounding stays far
# below ZERO_VARIANCE even over thousands of sheets.
_STATEMENT = """
WITH
sheet AS (
    SELECT
        a.nomination_id,
        a.judge_id,
        COALESCE(SUM(
            CAST(cs.score - r.scale_min AS DOUBLE PRECISION) * c.weight
            / (r.scale_max - r.scale_min)
        ), 0) AS weighted,
        MAX(CASE WHEN cs.criterion_id IN ({top_criteria}) THEN cs.score END)
            AS top_criterion_score,
        SUM(CASE WHEN cs.score = r.scale_max THEN 1 ELSE 0 END) AS top_scores
    FROM judging_assignment a
    JOIN judging_scoresheet s ON s.assignment_id = a.id
    JOIN judging_criterionscore cs ON cs.scoresheet_id = s.id
    JOIN judging_criterion c ON c.id = cs.criterion_id
    JOIN judging_rubric r ON r.id = c.rubric_id
    WHERE a.round_id = %s AND s.status = %s
    GROUP BY a.nomination_id, a.judge_id
),
judge AS (
    SELECT
        judge_id,
        COUNT(*) AS sheets,
        AVG(weighted) AS mean,
        AVG(weighted * weighted) AS mean_square
    FROM sheet
    GROUP BY judge_id
),
round_stats AS (
    SELECT
        SUM(sheets * mean) / SUM(sheets) AS mean,
        SUM(sheets * mean_square) / SUM(sheets)
            - (SUM(sheets * mean) / SUM(sheets)) * (SUM(sheets * mean) / SUM(sheets))
            AS variance
    FROM judge
),
normalised AS (
    SELECT
        s.nomination_id,
        s.weighted,
        s.top_criterion_score,
        s.top_scores,
        CASE WHEN j.mean_square - j.mean * j.mean > %s AND rs.variance > %s
            THEN rs.mean
                + (s.weighted - j.mean) * SQRT(rs.variance / (j.mean_square - j.mean * j.mean))
            ELSE rs.mean
        END AS unclamped
    FROM sheet s
    JOIN judge j ON j.judge_id = s.judge_id
    CROSS JOIN round_stats rs
),
entry_score AS (
    SELECT
        nomination_id,
        AVG(weighted) AS raw_mean,
        AVG(CASE WHEN unclamped < 0 THEN 0.0 WHEN unclamped > 100 THEN 100.0 ELSE unclamped END)
            AS normalised,
        MAX(weighted) - MIN(weighted) AS spread,
        AVG(CAST(top_criterion_score AS DOUBLE PRECISION)) AS top_criterion_mean,
        CAST(SUM(top_scores) AS INTEGER) AS top_scores,
        {score_list} AS judge_scores
    FROM normalised
    GROUP BY nomination_id
),
progress AS (
    SELECT
        a.nomination_id,
        COUNT(*) AS assigned,
        SUM(CASE WHEN s.status = %s THEN 1 ELSE 0 END) AS submitted
    FROM judging_assignment a
    LEFT JOIN judging_scoresheet s ON s.assignment_id = a.id
    WHERE a.round_id = %s
    GROUP BY a.nomination_id
)
SELECT
    n.id,
    n.reference,
    n.organisation_name,
    n.country,
    n.category_id,
    cat.name_en,
    cat.name_fr,
    COALESCE(p.assigned, 0),
    COALESCE(p.submitted, 0),
    e.judge_scores,
    e.raw_mean,
    e.normalised,
    e.spread,
    e.top_criterion_mean,
    COALESCE(e.top_scores, 0),
    d.outcome,
    cat.sort_order
FROM nominations_nomination n
LEFT JOIN nominations_category cat ON cat.id = n.category_id
LEFT JOIN progress p ON p.nomination_id = n.id
LEFT JOIN entry_score e ON e.nomination_id = n.id
LEFT JOIN judging_rounddecision d ON d.nomination_id = n.id AND d.round_id = %s
WHERE n.id IN ({entries}){category_filter}
"""

_SCORE_LIST = {
    "postgresql": "STRING_AGG(CAST(weighted AS TEXT), ',')",
    "sqlite": "GROUP_CONCAT(weighted, ',')",
}


def top_criteria():
    """The id of every rubric's highest-weighted criterion (the lowest sort order, then the
    lowest id, when weights tie). Rubrics are few, so this reads them all."""
    top = {}
    for rubric_id, criterion_id in Criterion.objects.order_by(
        "rubric_id", "-weight", F("sort_order").asc(nulls_last=True), "pk"
    ).values_list("rubric_id", "pk"):
        top.setdefault(rubric_id, criterion_id)
    return sorted(top.values())


def _statement(round, category_id):
    entries_sql, entries_params = entries(round).order_by().values("id").query.sql_with_params()
    top = top_criteria() or [0]
    sql = _STATEMENT.format(
        top_criteria=", ".join(["%s"] * len(top)),
        score_list=_SCORE_LIST.get(connection.vendor, _SCORE_LIST["sqlite"]),
        entries=entries_sql,
        category_filter="" if category_id is None else " AND n.category_id = %s",
    )
    submitted = ScoresheetStatus.SUBMITTED.value
    params = [
        *top,
        round.pk,
        submitted,
        ZERO_VARIANCE,
        ZERO_VARIANCE,
        submitted,
        round.pk,
        round.pk,
        *entries_params,
    ]
    if category_id is not None:
        params.append(category_id)
    return sql, params


def _place(result, category_order):
    """Sort key of an entry: its category's place, then the ranking's tie-breaks (see the module
    docstring), unranked entries last. Python's sort, so that text compares the same way on
    every database (and PostgreSQL's locale-aware text sort is slow)."""
    normalised, top_mean = result.normalised, result.top_criterion_mean
    return (
        category_order or 0,
        result.category_name,
        result.category_id or 0,
        normalised is None,
        0 if normalised is None else -round(normalised * TIE_PRECISION),
        1 if top_mean is None else -top_mean,
        -result.top_scores,
        result.reference,
        result.nomination_id,
    )


def round_results(round, category_id=None):
    """The round's entries with their results (EntryResult), ordered by category (its sort
    order) and rank, unranked entries last in their category. Two queries: the rubrics' top
    criteria, then the statement."""
    sql, params = _statement(round, category_id)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    french = get_language() == "fr"
    threshold = round.disagreement_threshold - 1e-9  # 25 points apart is 25, not 24.999...
    ordered = []
    for (
        nomination_id,
        reference,
        organisation_name,
        country,
        category_id_,
        name_en,
        name_fr,
        assigned,
        submitted,
        score_list,
        raw_mean,
        normalised,
        spread,
        top_criterion_mean,
        top_scores,
        outcome,
        category_order,
    ) in rows:
        judge_scores = sorted(map(float, score_list.split(",")), reverse=True) if score_list else []
        spread = None if spread is None else float(spread)
        result = EntryResult(
            nomination_id=nomination_id,
            reference=reference or "",
            organisation_name=organisation_name,
            country=country,
            category_id=category_id_,
            category_name=(name_fr if french and name_fr else name_en) or "",
            assigned=int(assigned),
            submitted=int(submitted),
            judge_scores=judge_scores,
            raw_mean=None if raw_mean is None else float(raw_mean),
            normalised=None if normalised is None else float(normalised),
            spread=spread,
            disagreement=len(judge_scores) >= 2 and spread >= threshold,
            top_criterion_mean=(None if top_criterion_mean is None else float(top_criterion_mean)),
            top_scores=int(top_scores),
            outcome=outcome or "",
        )
        ordered.append((_place(result, category_order), result))
    ordered.sort(key=itemgetter(0))
    results = []
    place, category = 0, object()
    for _key, result in ordered:
        if result.category_id != category:
            place, category = 0, result.category_id
        if result.normalised is not None:
            place += 1
            result.rank = place
        results.append(result)
    return results


def by_category(results):
    """[(category_id, category_name, [EntryResult, ...]), ...] in the results' order."""
    groups = []
    for result in results:
        if not groups or groups[-1][0] != result.category_id:
            groups.append((result.category_id, result.category_name, []))
        groups[-1][2].append(result)
    return groups


# The detail of one entry, for the admin page -------------------------------------------------


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
    weighted: float | None  # once every criterion has a score; counted only when submitted
    criteria: list[CriterionLine]
    overall_comment: str
    recommendation: str  # "", "yes", "maybe" or "no"
    recommendation_label: str

    @property
    def is_submitted(self):
        return self.status == ScoresheetStatus.SUBMITTED


def _weighted_expression():
    """The weighted score (0-100) of a scoresheet, as an ORM aggregate over its scores: the same
    formula as the `sheet` step of the statement."""
    scale_min = F("scores__criterion__rubric__scale_min")
    span = F("scores__criterion__rubric__scale_max") - scale_min
    return Sum(
        Cast(F("scores__score") - scale_min, FloatField())
        * F("scores__criterion__weight")
        / Cast(span, FloatField()),
        output_field=FloatField(),
    )


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
            weighted=_weighted_expression()
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
                weighted=sheet.weighted if complete else None,
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
