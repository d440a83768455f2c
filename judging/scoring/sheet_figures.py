"""The figures a submitted scoresheet contributes to its round's results, stored on the sheet
when it is submitted (and cleared when it is reopened), so that the results read one row per
sheet instead of one per criterion score (8 times fewer, for an 8-criterion rubric).

    weighted_score        0-100: the sum over the rubric's criteria of
                          (score - scale_min) / (scale_max - scale_min) x weight; a criterion
                          without a score counts as the bottom of the scale
    top_criterion_score   the score on the rubric's highest-weighted criterion (the lowest sort
                          order, then the lowest id, when weights tie): the first tie-break
    top_scores            how many criteria got the top of the scale: the second tie-break

The figures stay true because a rubric's scale, criteria and weights cannot change once scores
have been submitted against it (judging/rubrics/forms.py), and a database constraint refuses a
submitted sheet without its weighted score. The database computes them (correlated subqueries
in the UPDATE that submits the sheet), so one statement submits one sheet or thirty thousand.
"""

from django.db.models import Count, F, FloatField, Max, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce

from judging.models import Criterion, CriterionScore, ScoresheetStatus


def top_criteria():
    """The id of every rubric's highest-weighted criterion. Rubrics are few, so this reads them
    all, in one query."""
    top = {}
    for rubric_id, criterion_id in Criterion.objects.order_by(
        "rubric_id", "-weight", F("sort_order").asc(nulls_last=True), "pk"
    ).values_list("rubric_id", "pk"):
        top.setdefault(rubric_id, criterion_id)
    return sorted(top.values())


def top_criterion_of(rubric_id):
    """The id of one rubric's highest-weighted criterion, as a subquery (no query of its own):
    for `figures` of one sheet."""
    return (
        Criterion.objects.filter(rubric=rubric_id)
        .order_by("-weight", F("sort_order").asc(nulls_last=True), "pk")
        .values("pk")[:1]
    )


def weighted_sum(path=""):
    """The weighted score as an aggregate over criterion scores; `path` leads from the model
    aggregated to its criterion scores ("scores__" from a scoresheet). The points, (score -
    scale_min) x weight, are whole numbers summed exactly; one division by the scale's span
    (the same for every criterion of a sheet) then gives the same float on every database
    (judging/scoring/rounding.py rounds it for people)."""
    scale_min = F(f"{path}criterion__rubric__scale_min")
    span = F(f"{path}criterion__rubric__scale_max") - scale_min
    points = Sum((F(f"{path}score") - scale_min) * F(f"{path}criterion__weight"))
    return Cast(points, FloatField()) / Cast(Max(span), FloatField())


def figures(top=None):
    """The three figures as expressions for an UPDATE of scoresheets; `top` the ids of the
    rubrics' top criteria (every rubric's, read in one query, unless given)."""
    scores = CriterionScore.objects.filter(scoresheet=OuterRef("pk")).order_by()
    weighted = scores.values("scoresheet").annotate(total=weighted_sum()).values("total")
    top = top_criteria() if top is None else top
    top_criterion = scores.filter(criterion__in=top).values("score")[:1]
    top_scores = (
        scores.filter(score=F("criterion__rubric__scale_max"))
        .values("scoresheet")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return {
        "weighted_score": Coalesce(Subquery(weighted), Value(0.0), output_field=FloatField()),
        "top_criterion_score": Subquery(top_criterion),
        "top_scores": Coalesce(Subquery(top_scores), Value(0)),
    }


def mark_submitted(scoresheets, top_criteria=None, **fields):
    """Submit the scoresheets of a queryset in one UPDATE, storing their figures, and set any
    other fields given (`top_criteria`: as `figures` takes them). Returns the number of sheets
    changed. Checks nothing: scoring.submit is the way in for judges and the demo (it logs each
    submission); tests submit sheets in bulk with this."""
    return scoresheets.update(status=ScoresheetStatus.SUBMITTED, **figures(top_criteria), **fields)


def cleared():
    """The figures of a sheet that is no longer submitted, as UPDATE fields."""
    return {"weighted_score": None, "top_criterion_score": None, "top_scores": None}
