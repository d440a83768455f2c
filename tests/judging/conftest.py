"""A small judging world of its own, apart from the demo's cycles: one cycle with two
categories, a 1-5 rubric (weights 50/30/20), an open screening round with two judges per entry,
three judges on the whole cycle's panel and four eligible entries from different nominators."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from judging.assignment import run as assignment_run
from judging.models import (
    Criterion,
    CriterionScore,
    JudgeProfile,
    PanelMembership,
    Round,
    RoundKind,
    Rubric,
    ScaleLevel,
    Scoresheet,
    ScoresheetStatus,
)
from judging.scoring.sheet_figures import mark_submitted
from nominations.choices import NominationStatus
from nominations.models import AwardCycle, Category, Nomination
from tests.nominations.conftest import make_user

DESCRIPTORS = ["Poor", "Fair", "Good", "Very good", "Outstanding"]


def make_rubric(name="Test rubric", weights=(50, 30, 20), scale=(1, 5)):
    """A rubric saved with its criteria and levels, as every path saves one (the weights add
    up to 100: Rubric.save)."""
    levels = []
    for value in range(scale[0], scale[1] + 1):
        descriptor = DESCRIPTORS[value - scale[0]] if scale == (1, 5) else f"Level {value}"
        levels.append(ScaleLevel(sort_order=value, value=value, descriptor_en=descriptor))
    rubric = Rubric(
        name=name,
        scale_min=scale[0],
        scale_max=scale[1],
        criteria=[
            Criterion(sort_order=order, name_en=f"Criterion {order + 1}", weight=weight)
            for order, weight in enumerate(weights)
        ],
        levels=levels,
    )
    rubric.save()
    return rubric


def make_judge(email, organisation="Independent", cycle=None, category=None):
    user = make_user(email)
    user.first_name, user.last_name = email.split("@")[0].title(), "Judge"
    user.save()
    user.groups.add(Group.objects.get_or_create(name="Judges")[0])
    profile = JudgeProfile.objects.create(user=user, organisation=organisation)
    if cycle:
        PanelMembership.objects.create(judge=profile, cycle=cycle, category=category)
    return profile


def make_entry(cycle, category, number, status=NominationStatus.ELIGIBLE, **fields):
    nominator = make_user(f"nominator{number}@agency{number}.example")
    values = {
        "organisation_name": f"Agency {number}",
        "country": "KE",
        "website": f"https://agency{number}.example",
        "initiative_title": f"Initiative {number}",
        "summary": "A summary.",
        "contact_name": f"Contact {number}",
        "contact_email": f"contact{number}@agency{number}.example",
        **fields,
    }
    return Nomination.objects.create(
        cycle=cycle,
        category=category,
        nominator=nominator,
        status=status,
        reference=f"TST-KE-{number:04d}",
        submitted_at=timezone.now(),
        **values,
    )


def make_sheet(assignment, status=ScoresheetStatus.DRAFT, scores=(), **fields):
    """A scoresheet written straight to the database: `scores` are (criterion, score, comment)
    triples; a submitted sheet gets its results figures as scoring.submit stores them."""
    sheet = Scoresheet.objects.create(assignment=assignment, **fields)
    CriterionScore.objects.bulk_create(
        CriterionScore(scoresheet=sheet, criterion=criterion, score=score, comment=comment)
        for criterion, score, comment in scores
    )
    if status == ScoresheetStatus.SUBMITTED:
        submitted_at = fields.get("submitted_at") or timezone.now()
        mark_submitted(Scoresheet.objects.filter(pk=sheet.pk), submitted_at=submitted_at)
        sheet.refresh_from_db()
    return sheet


def make_round(cycle, rubric, k=2, **fields):
    now = timezone.now()
    values = {
        "name_en": "Screening",
        "kind": RoundKind.SCREENING,
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=10),
        "scores_due_on": (now + timedelta(days=9)).date(),
        "entering_statuses": [NominationStatus.ELIGIBLE],
        "judges_per_entry": k,
        **fields,
    }
    return Round.objects.create(cycle=cycle, rubric=rubric, **values)


@pytest.fixture
def world(db):
    now = timezone.now()
    cycle = AwardCycle.objects.create(
        name_en="Test cycle",
        code="TST",
        nominations_open_at=now - timedelta(days=60),
        nominations_close_at=now - timedelta(days=10),
    )
    categories = [
        Category.objects.create(cycle=cycle, name_en="Digital", name_fr="Numérique", sort_order=1),
        Category.objects.create(cycle=cycle, name_en="Frontline", name_fr="Guichet", sort_order=2),
    ]
    rubric = make_rubric()
    round = make_round(cycle, rubric)
    judges = [
        make_judge(f"{name}@judges{index}.example", f"Judging body {index}", cycle=cycle)
        for index, name in enumerate(["ada", "bola", "chidi"], start=1)
    ]
    entries = [make_entry(cycle, categories[number % 2], number) for number in range(1, 5)]
    assignment_run.top_up(round)
    return SimpleNamespace(
        cycle=cycle,
        categories=categories,
        rubric=rubric,
        criteria=list(rubric.criteria.all()),
        round=round,
        judges=judges,
        entries=entries,
    )
