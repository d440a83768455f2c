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

Rounding
    Every figure of an entry is rounded by the one rule of judging/scoring/rounding.py: two
    decimals,
    halves up, in Python's Decimal (a Decimal, as shown on every page and export). The raw
    mean and the spread are taken over the sheets' weighted scores as exact decimals, the
    normalised score is rounded from the database's figure. The ranking compares the rounded
    figures: two entries shown with the same score are tied, and the tie-breaks below decide,
    the same way on SQLite and PostgreSQL.

Ranking, per category
    1. normalised score (rounded), highest first;
    2. the mean score on the rubric's highest-weighted criterion (rounded; the lowest sort order
       wins when two criteria share the highest weight), highest first;
    3. the number of top-of-scale scores (scale_max) the entry received, most first;
    4. the reference, alphabetically (references are unique, so no two entries share a place).
    Entries without a submitted scoresheet are not ranked (rank None) and come last.

Entries of a round
    The cycle's nominations that have an assignment or a decision in the round, or whose status
    is one the round takes entries from; never drafts, withdrawn or ineligible nominations.

How it is computed
    Each submitted scoresheet carries its weighted score, its score on the top criterion and its
    number of top scores, which the database computed when the sheet was submitted
    (judging/scoring/sheet_figures.py). The database does every aggregation over them, in one SQL
    statement (`_STATEMENT`); Python rounds its rows (one per entry), ranks them per category
    and turns them into EntryResults. Raw SQL because the computation nests aggregates -
    statistics over sheets per judge and over the round, then means per entry - and the Django
    ORM cannot aggregate over an aggregate nor define a CTE. The statement is portable between
    SQLite 3.35+ and PostgreSQL 15: every division is done in DOUBLE PRECISION (no integer
    division on PostgreSQL), clamping uses CASE (no LEAST/GREATEST), SQRT is PostgreSQL's or
    the one Django adds to SQLite. The only difference between the two is the function that
    lists an entry's scores (GROUP_CONCAT of each float written with 17 digits, so Python reads
    back the very float PostgreSQL's ARRAY_AGG gives). The statement selects the same entries
    as the queryset `entries(round)` (tests hold them equal) with joins rather than EXISTS
    subqueries, which is faster over 10,000 entries. The database sorts the entries by category
    (ROW_NUMBER over the cycle's categories, comparing names byte by byte: COLLATE "C" on
    PostgreSQL, SQLite's default), and Python ranks them within each category, comparing
    references by code point, which is the same order.
"""

from dataclasses import astuple, dataclass, field, fields
from decimal import Decimal
from itertools import groupby

from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language

from judging.models import (
    Assignment,
    PublishedResults,
    RoundDecision,
    ScoresheetStatus,
)
from judging.scoring import rounding
from nominations.models import Category, Nomination
from nominations.statuses import STATUSES

# Statuses that never take part in a round's results, whatever else is true of the nomination.
NOT_STARTED = "not_started"  # an assignment without a scoresheet yet

NOT_ENTERED = STATUSES.values(out_of_judging=True)

# Below this variance (points squared: a standard deviation of a thousandth of a point) a judge's
# sheets are taken to weigh the same, and z = 0.
ZERO_VARIANCE = 1e-6


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
    # Every score is a Decimal with two decimals (judging/scoring/rounding.py).
    judge_scores: list[Decimal] = field(default_factory=list)  # weighted, highest first
    raw_mean: Decimal | None = None
    normalised: Decimal | None = None
    spread: Decimal | None = None
    disagreement: bool = False
    rank: int | None = None
    top_criterion_mean: Decimal | None = None
    top_scores: int = 0
    outcome: str = ""  # the RoundDecision's outcome, or ""

    @property
    def completeness(self):
        """Submitted scoresheets over assignments, from 0 to 1."""
        return self.submitted / self.assigned if self.assigned else 0.0

    @property
    def ranked(self):
        return self.rank is not None


RESULT_FIELDS = [f.name for f in fields(EntryResult)]
# The fields holding a score, rounded by the rule wherever they come from (a published record
# keeps them as text, or as floats before the rule).
SCORE_FIELDS = ("raw_mean", "normalised", "spread", "top_criterion_mean")


def entries(round):
    """The nominations a round's results cover (see the module docstring). The results
    statement's WHERE clause says the same in SQL: change both together."""
    in_round = Exists(Assignment.objects.filter(round=round, nomination=OuterRef("pk")))
    decided = Exists(RoundDecision.objects.filter(round=round, nomination=OuterRef("pk")))
    return (
        Nomination.objects.filter(cycle=round.cycle_id)
        .exclude(status__in=NOT_ENTERED)
        .filter(Q(status__in=round.entering_statuses) | in_round | decided)
    )


# One statement, read from the top. Every assignment of the round is read with its scoresheet's
# figures, stored when the sheet was submitted (NULL when it is not): the weighted score 0-100,
# the score on the rubric's top criterion, the number of top-of-scale scores. It is read twice
# (by `judge` and `normalised`) rather than kept in a CTE of its own: an index then gives the
# rows in judge order and in entry order, so neither GROUP BY sorts, and PostgreSQL plans
# with true row counts.
#   category_place each category of the cycle's place: by sort order, then name, then id
#   judge          each judge's number of submitted sheets, mean weighted score and mean square
#                  (the judge's population variance is mean square - mean x mean)
#   round_stats    the mean and variance of all the round's sheets, from the judges' figures
#   normalised     each sheet's z (0 when its judge's variance is nil) x round sd + round mean
#   entry_score    per entry: assignments, submitted sheets, means (the normalised one clamped
#                  to 0-100 sheet by sheet), spread, tie-break inputs, the judges' scores
# and the final SELECT adds each entry's details and decision, in category order (Python ranks
# them: `_ranked`).
# Variances are mean of squares minus square of mean: scores are 0-100, so rounding stays far
# below ZERO_VARIANCE even over thousands of sheets.
_STATEMENT = """
WITH
category_place AS (
    SELECT cat.id, ROW_NUMBER() OVER (ORDER BY cat.sort_order, {category_name}{binary}, cat.id)
        AS place
    FROM nominations_category cat
    WHERE cat.cycle_id = %(cycle)s
),
judge AS (
    SELECT
        a.judge_id,
        COUNT(s.weighted_score) AS sheets,
        AVG(s.weighted_score) AS mean,
        AVG(s.weighted_score * s.weighted_score) AS mean_square
    FROM judging_assignment a
    LEFT JOIN judging_scoresheet s ON s.assignment_id = a.id AND s.status = %(submitted)s
    WHERE a.round_id = %(round)s
    GROUP BY a.judge_id
),
round_stats AS (
    SELECT
        SUM(sheets * mean) / NULLIF(SUM(sheets), 0) AS mean,
        SUM(sheets * mean_square) / NULLIF(SUM(sheets), 0)
            - (SUM(sheets * mean) / NULLIF(SUM(sheets), 0))
            * (SUM(sheets * mean) / NULLIF(SUM(sheets), 0))
            AS variance
    FROM judge
),
normalised AS (
    SELECT
        a.nomination_id,
        s.weighted_score AS weighted,
        s.top_criterion_score,
        s.top_scores,
        CASE
            WHEN s.weighted_score IS NULL THEN NULL
            WHEN j.mean_square - j.mean * j.mean > %(zero)s AND rs.variance > %(zero)s
            THEN rs.mean
                + (s.weighted_score - j.mean)
                * SQRT(rs.variance / (j.mean_square - j.mean * j.mean))
            ELSE rs.mean
        END AS unclamped
    FROM judging_assignment a
    LEFT JOIN judging_scoresheet s ON s.assignment_id = a.id AND s.status = %(submitted)s
    CROSS JOIN judge j
    CROSS JOIN round_stats rs
    WHERE a.round_id = %(round)s AND j.judge_id = a.judge_id
),
entry_score AS (
    SELECT
        nomination_id,
        COUNT(*) AS assigned,
        COUNT(weighted) AS submitted,
        AVG(weighted) AS raw_mean,
        AVG(CASE WHEN unclamped < 0 THEN 0.0 WHEN unclamped > 100 THEN 100.0 ELSE unclamped END)
            AS normalised,
        MAX(weighted) - MIN(weighted) AS spread,
        AVG(CAST(top_criterion_score AS DOUBLE PRECISION)) AS top_criterion_mean,
        CAST(SUM(top_scores) AS INTEGER) AS top_scores,
        {score_list} AS judge_scores
    FROM normalised
    GROUP BY nomination_id
)
SELECT
    n.id,
    n.reference,
    n.organisation_name,
    n.country,
    n.category_id,
    {category_name},
    COALESCE(e.assigned, 0),
    COALESCE(e.submitted, 0),
    e.judge_scores,
    e.raw_mean,
    e.normalised,
    e.spread,
    e.top_criterion_mean,
    COALESCE(e.top_scores, 0),
    d.outcome
FROM nominations_nomination n
LEFT JOIN nominations_category cat ON cat.id = n.category_id
LEFT JOIN category_place cp ON cp.id = n.category_id
LEFT JOIN entry_score e ON e.nomination_id = n.id
LEFT JOIN judging_rounddecision d ON d.nomination_id = n.id AND d.round_id = %(round)s
WHERE n.cycle_id = %(cycle)s
    AND n.status NOT IN ({not_entered})
    AND (n.status IN ({entering}) OR e.nomination_id IS NOT NULL OR d.id IS NOT NULL)
    {category_filter}
ORDER BY {category}, n.id
"""

# An entry's weighted scores: an array on PostgreSQL; on SQLite comma-separated text, each float
# written with 17 significant digits (SQLite's own text form keeps 15, not enough to give the
# float back).
_SCORE_LIST = {
    "postgresql": "ARRAY_AGG(weighted) FILTER (WHERE weighted IS NOT NULL)",
    "sqlite": (
        "GROUP_CONCAT(CASE WHEN weighted IS NOT NULL THEN printf('%%.17g', weighted) END, ',')"
    ),
}
_BINARY = {"postgresql": ' COLLATE "C"', "sqlite": ""}


def _named(prefix, values):
    """Named placeholders for a list of values: ("%(p0)s, %(p1)s", {"p0": ..., "p1": ...})."""
    names = {f"{prefix}{index}": value for index, value in enumerate(values)}
    return ", ".join(f"%({name})s" for name in names) or "NULL", names


def _statement(round, category_id):
    vendor = connection.vendor if connection.vendor in _SCORE_LIST else "sqlite"
    binary = _BINARY[vendor]
    if get_language() == "fr":
        category_name = "COALESCE(NULLIF(cat.name_fr, ''), cat.name_en, '')"
    else:
        category_name = "COALESCE(cat.name_en, '')"
    not_entered, not_entered_params = _named("not_entered", NOT_ENTERED)
    entering, entering_params = _named("entering", round.entering_statuses)
    sql = _STATEMENT.format(
        score_list=_SCORE_LIST[vendor],
        category_name=category_name,
        category="COALESCE(cp.place, 0)",
        binary=binary,
        not_entered=not_entered,
        entering=entering,
        category_filter="" if category_id is None else "AND n.category_id = %(category)s",
    )
    params = {
        "submitted": ScoresheetStatus.SUBMITTED.value,
        "round": round.pk,
        "cycle": round.cycle_id,
        "zero": ZERO_VARIANCE,
        "category": category_id,
        **not_entered_params,
        **entering_params,
    }
    return sql, params


def round_results(round, category_id=None):
    """The round's entries with their results (EntryResult), ordered by category (its sort
    order, then name) and rank, unranked entries last in their category. One query."""
    sql, params = _statement(round, category_id)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    results = []
    for (
        nomination_id,
        reference,
        organisation_name,
        country,
        category_id_,
        category_name,
        assigned,
        submitted,
        score_list,
        _raw_mean,  # the database's float: the exact mean of the sheets is taken below
        normalised,
        _spread,
        top_criterion_mean,
        top_scores,
        outcome,
    ) in rows:
        if isinstance(score_list, str):
            score_list = [float(value) for value in score_list.split(",")]
        sheets = sorted((rounding.exact(value) for value in score_list or ()), reverse=True)
        spread = rounding.score(sheets[0] - sheets[-1]) if sheets else None
        results.append(
            EntryResult(
                nomination_id=nomination_id,
                reference=reference or "",
                organisation_name=organisation_name,
                country=country,
                category_id=category_id_,
                category_name=category_name,
                assigned=assigned,
                submitted=submitted,
                judge_scores=[rounding.score(value) for value in sheets],
                raw_mean=rounding.mean(sheets),
                normalised=rounding.score(normalised),
                spread=spread,
                disagreement=len(sheets) >= 2 and spread >= round.disagreement_threshold,
                top_criterion_mean=rounding.score(top_criterion_mean),
                top_scores=top_scores,
                outcome=outcome or "",
            )
        )
    return _ranked(results)


def _ranking_key(result):
    """The ranking of the module docstring, on the rounded figures; unranked entries last."""
    unranked = result.normalised is None
    top_mean = result.top_criterion_mean if result.top_criterion_mean is not None else -1
    return (
        unranked,
        0 if unranked else -result.normalised,
        -top_mean,
        -(result.top_scores or 0),
        result.reference,  # code point order: byte order of UTF-8, as COLLATE "C"
        result.nomination_id,
    )


def _ranked(results):
    """The results (in category order) sorted and ranked within each category."""
    ordered = []
    for _category, group in groupby(results, key=lambda result: result.category_id):
        group = sorted(group, key=_ranking_key)
        for place, result in enumerate(group, start=1):
            result.rank = None if result.normalised is None else place
        ordered.extend(group)
    return ordered


def record_published_results(round):
    """Keep the round's results as published (called in the transaction that publishes, once
    `round.results_published_at` is set: the record's `published_at`): the field names once,
    then one list of values per entry (half the size of a list of objects, and quicker to read
    back)."""
    results = round_results(round)
    PublishedResults.objects.update_or_create(
        round=round,
        defaults={
            "entries": {"fields": RESULT_FIELDS, "rows": [astuple(r) for r in results]},
            "published_at": round.results_published_at,
        },
    )


def published_round_results(round, category_id=None):
    """A published round's results as they were published, like round_results() (category
    names in the active language); computed now for a round published before records were
    kept."""
    stored = PublishedResults.objects.filter(round=round).values_list("entries", flat=True)
    if not stored:
        return round_results(round, category_id)
    fields, rows = stored[0]["fields"], stored[0]["rows"]
    if fields == RESULT_FIELDS:
        results = [EntryResult(*row) for row in rows]
    else:  # recorded by an earlier version of EntryResult: match the values by name
        known = set(RESULT_FIELDS)
        results = [
            EntryResult(**{f: v for f, v in zip(fields, row, strict=True) if f in known})
            for row in rows
        ]
    for result in results:
        # Kept as text (DjangoJSONEncoder), or as floats before the rounding rule.
        for name in SCORE_FIELDS:
            setattr(result, name, rounding.score(getattr(result, name)))
        result.judge_scores = [rounding.score(value) for value in result.judge_scores]
    if category_id is not None:
        results = [result for result in results if result.category_id == category_id]
    names = dict(
        Category.objects.filter(pk__in={result.category_id for result in results}).values_list(
            "pk", "name_fr" if get_language() == "fr" else "name_en"
        )
    )
    for result in results:
        # As round_results() names them: in French when there is a French name.
        result.category_name = names.get(result.category_id) or result.category_name
    return results


def by_category(results):
    """[(category_id, category_name, [EntryResult, ...]), ...] in the results' order."""
    groups = []
    for result in results:
        if not groups or groups[-1][0] != result.category_id:
            groups.append((result.category_id, result.category_name, []))
        groups[-1][2].append(result)
    return groups
