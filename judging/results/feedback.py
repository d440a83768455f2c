"""Feedback to entrants: after a round's results are published, and when the round shares them,
the nominator reads the judges' comments on their entry, per criterion and overall.

Only comments from submitted scoresheets are shown, never a judge's name or score. Within a
criterion the comments are ordered by their text, not by judge, so one judge's comments cannot
be followed from criterion to criterion.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from judging.models import CriterionScore, Round, Scoresheet, ScoresheetStatus
from nominations.access import own_nomination

LINK_LABEL = _("Judges' feedback")


@dataclass
class CriterionFeedback:
    criterion: object
    comments: list[str] = field(default_factory=list)


@dataclass
class RoundFeedback:
    round: Round
    criteria: list[CriterionFeedback]
    overall: list[str]

    @property
    def has_comments(self):
        return bool(self.overall) or any(item.comments for item in self.criteria)


def feedback_rounds(nomination):
    """The rounds whose judges' comments the nomination's nominator may read: the round shares
    them with entrants, its results are published and the nomination was one of its entries."""
    return (
        Round.objects.filter(
            cycle=nomination.cycle_id,
            entrant_feedback=True,
            results_published_at__isnull=False,
            assignments__nomination=nomination,
        )
        .distinct()
        .order_by("opens_at", "pk")
    )


def has_feedback(nomination):
    return feedback_rounds(nomination).exists()


def nomination_feedback(nomination):
    """RoundFeedback for each round in feedback_rounds(), in a fixed number of queries."""
    rounds = list(
        feedback_rounds(nomination).prefetch_related(
            "rubric__criteria", "category_rubrics__rubric__criteria"
        )
    )
    if not rounds:
        return []
    submitted = {
        "scoresheet__assignment__nomination": nomination,
        "scoresheet__assignment__round__in": rounds,
        "scoresheet__status": ScoresheetStatus.SUBMITTED,
    }
    by_criterion = defaultdict(list)
    for round_id, criterion_id, comment in (
        CriterionScore.objects.filter(**submitted)
        .exclude(comment="")
        .order_by("comment", "pk")
        .values_list("scoresheet__assignment__round_id", "criterion_id", "comment")
    ):
        if comment.strip():
            by_criterion[round_id, criterion_id].append(comment.strip())
    overall = defaultdict(list)
    for round_id, comment in (
        Scoresheet.objects.filter(
            assignment__nomination=nomination,
            assignment__round__in=rounds,
            status=ScoresheetStatus.SUBMITTED,
        )
        .exclude(overall_comment="")
        .order_by("overall_comment", "pk")
        .values_list("assignment__round_id", "overall_comment")
    ):
        if comment.strip():
            overall[round_id].append(comment.strip())
    result = []
    for round in rounds:
        criteria = sorted(
            round.rubric_for(nomination.category_id).criteria.all(),
            key=lambda criterion: (criterion.sort_order or 0, criterion.pk),
        )
        result.append(
            RoundFeedback(
                round=round,
                criteria=[
                    CriterionFeedback(criterion, by_criterion[round.pk, criterion.pk])
                    for criterion in criteria
                ],
                overall=overall[round.pk],
            )
        )
    return result


def detail_links(request, nomination):
    """The link on the nominator's page of the nomination ("nomination_detail_links" hook)."""
    if nomination.is_draft or not has_feedback(nomination):
        return []
    return [(LINK_LABEL, reverse("judging:feedback", kwargs={"uuid": nomination.uuid}))]


@login_required
def feedback(request, uuid):
    """/my-nominations/<uuid>/feedback/: the nominator's own entry only, and only once there is
    feedback to read; anyone else, or before that, gets a 404."""
    nomination = own_nomination(request, uuid)
    rounds = nomination_feedback(nomination)
    if not rounds:
        raise Http404
    return render(request, "judging/feedback.html", {"nomination": nomination, "rounds": rounds})
