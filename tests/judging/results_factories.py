"""Helpers of the results, decisions, export and results-admin tests: a cycle of their own and
scoresheets written straight to the database with the scores a test needs."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from judging.models import Assignment, ScoresheetStatus
from nominations.models import AwardCycle, Category
from tests.judging.conftest import make_entry, make_judge, make_round, make_rubric, make_sheet


def judged(round, nomination, judge, scores, status=ScoresheetStatus.SUBMITTED, **fields):
    """An assignment of the judge to the entry with a scoresheet holding `scores` (one per
    criterion of the entry's rubric, in order; None leaves a criterion unscored). Extra fields:
    comments (list), overall_comment, recommendation."""
    assignment, _ = Assignment.objects.get_or_create(
        round=round, nomination=nomination, judge=judge, defaults={"due_on": round.scores_due_on}
    )
    comments = fields.pop("comments", None) or [""] * len(scores)
    fields.setdefault("recommendation", "yes")
    criteria = list(round.rubric_for(nomination.category_id).criteria.all())
    assert len(criteria) == len(scores), "one score per criterion"
    return make_sheet(
        assignment,
        status,
        scores=zip(criteria, scores, comments, strict=True),
        **fields,
    )


def assigned(round, nomination, judge):
    return Assignment.objects.create(
        round=round, nomination=nomination, judge=judge, due_on=round.scores_due_on
    )


@pytest.fixture(name="scene")
def scene_fixture(db):
    """A cycle with two categories; a round whose rubric is one criterion scored 0-100 (so a
    sheet's weighted score is its score); four judges; `scene.entry(n)` makes entry n (category
    one unless told), referenced TST-KE-000n."""
    now = timezone.now()
    cycle = AwardCycle.objects.create(
        name_en="Results cycle",
        code="RES",
        nominations_open_at=now - timedelta(days=60),
        nominations_close_at=now - timedelta(days=10),
    )
    categories = [
        Category.objects.create(cycle=cycle, name_en="Digital", name_fr="Numérique", sort_order=1),
        Category.objects.create(cycle=cycle, name_en="Frontline", name_fr="Guichet", sort_order=2),
    ]
    points = make_rubric("Points", weights=(100,), scale=(0, 100))
    round = make_round(cycle, points, k=2)
    judges = [
        make_judge(f"{name}@judges.example", cycle=cycle)
        for name in ["lenient", "harsh", "third", "fourth"]
    ]

    def entry(number, category=None, **fields):
        return make_entry(cycle, category or categories[0], number, **fields)

    return SimpleNamespace(
        cycle=cycle,
        categories=categories,
        round=round,
        rubric=points,
        judges=judges,
        entry=entry,
    )
