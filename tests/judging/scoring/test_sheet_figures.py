"""What a submitted scoresheet stores for the results (judging/scoring/sheet_figures.py): its
weighted
score, its score on the rubric's top criterion and its number of top-of-scale scores, stored on
submit, cleared on reopen, and never missing from a submitted sheet."""

import pytest
from django.db import IntegrityError, transaction

from judging.models import Assignment, Recommendation, Scoresheet, ScoresheetStatus
from judging.scoring import rules as scoring
from judging.scoring.sheet_figures import mark_submitted, top_criteria
from tests.factories.judging import CategoryRubricFactory, RubricFactory

pytestmark = pytest.mark.django_db


def scored(assignment, values, rubric=None):
    """A complete draft of the assignment's scoresheet with `values` (one per criterion)."""
    sheet = scoring.scoresheet_for(assignment)
    criteria = list((rubric or assignment.round.rubric).criteria.all())
    scores = {c.pk: (v, "") for c, v in zip(criteria, values, strict=True)}
    return scoring.save(sheet, sheet.version, scores, "", Recommendation.YES, assignment.judge.user)


def test_submit_stores_the_figures_the_results_read(world):
    assignment = Assignment.objects.filter(round=world.round).order_by("pk").first()
    # Scale 1-5, weights 50/30/20: 0.75 x 50 + 1 x 30 + 0 x 20.
    sheet = scored(assignment, (4, 5, 1))
    assert sheet.weighted_score is None  # a draft stores nothing
    scoring.submit(sheet, sheet.version, assignment.judge.user)
    sheet = Scoresheet.objects.get(pk=sheet.pk)
    assert sheet.weighted_score == pytest.approx(67.5)
    assert sheet.weighted_score == pytest.approx(scoring.weighted_score(sheet))
    assert sheet.top_criterion_score == 4  # the 50% criterion
    assert sheet.top_scores == 1  # one 5


def test_top_criterion_is_the_heaviest_then_the_first(world):
    tied = RubricFactory(name="Tied", weights=(25, 35, 35, 5))
    heaviest = list(tied.criteria.order_by("sort_order"))[1]
    assert heaviest.pk in top_criteria()
    assert list(world.round.rubric.criteria.order_by("sort_order"))[0].pk in top_criteria()


def test_a_category_rubric_on_another_scale_is_weighed_with_its_own(world):
    assignment = Assignment.objects.filter(round=world.round).order_by("pk").first()
    ten = RubricFactory(name="Ten", weights=(70, 30), scale=(0, 10))
    CategoryRubricFactory(round=world.round, category=assignment.nomination.category, rubric=ten)
    assignment = Assignment.objects.get(pk=assignment.pk)
    sheet = scored(assignment, (10, 4), rubric=ten)
    scoring.submit(sheet, sheet.version, assignment.judge.user)
    sheet.refresh_from_db()
    assert sheet.weighted_score == pytest.approx(82.0)  # 70 + 0.4 x 30
    assert (sheet.top_criterion_score, sheet.top_scores) == (10, 1)


def test_reopen_clears_the_figures_and_resubmitting_stores_the_new_ones(world, admin_user):
    assignment = Assignment.objects.filter(round=world.round).order_by("pk").first()
    user = assignment.judge.user
    sheet = scored(assignment, (5, 5, 5))
    scoring.submit(sheet, sheet.version, user)
    scoring.reopen(sheet, admin_user, "Scored the wrong entry.")
    sheet = Scoresheet.objects.get(pk=sheet.pk)
    assert (sheet.weighted_score, sheet.top_criterion_score, sheet.top_scores) == (
        None,
        None,
        None,
    )
    sheet = scored(assignment, (1, 1, 1))
    scoring.submit(sheet, sheet.version, user)
    sheet.refresh_from_db()
    assert (sheet.weighted_score, sheet.top_scores) == (0.0, 0)


def test_the_database_refuses_a_submitted_sheet_without_its_score(world):
    assignment = Assignment.objects.filter(round=world.round).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        Scoresheet.objects.create(assignment=assignment, status=ScoresheetStatus.SUBMITTED)


def test_bulk_submission_stores_each_sheets_own_figures(world):
    first, second = Assignment.objects.filter(round=world.round).order_by("pk")[:2]
    sheets = [scored(first, (5, 1, 1)), scored(second, (1, 5, 5))]
    assert mark_submitted(Scoresheet.objects.filter(pk__in=[s.pk for s in sheets])) == 2
    figures = dict(
        Scoresheet.objects.filter(
            pk__in=[s.pk for s in sheets], status=ScoresheetStatus.SUBMITTED
        ).values_list("assignment_id", "weighted_score")
    )
    assert figures == {first.pk: pytest.approx(50.0), second.pk: pytest.approx(50.0)}
