"""Fixtures of the judging tests (the judging world they share with the site tests is in
tests/conftest.py): `scene`, a results cycle of its own whose entries a test makes one by one;
`awarded`, that scene judged, decided and published; `issued`, its certificates issued;
`superuser`, who decides it."""

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from judging.certificates import issuing as certificates
from judging.models import Certificate, Outcome, ScoresheetStatus
from judging.results import decisions
from nominations.choices import NominationStatus
from tests.factories.accounts import UserFactory
from tests.factories.judging import JudgeProfileFactory, RoundFactory, RubricFactory, judged
from tests.factories.nominations import AwardCycleFactory, CategoryFactory, NominationFactory


@pytest.fixture
def superuser(db):
    """A superuser of its own with a verified address (not the demo's administrator, nor
    pytest-django's `admin_user`)."""
    return UserFactory(email="certificates-admin@awards.example", superuser=True)


@pytest.fixture
def scene(db):
    """A cycle without a French name (French certificates print the English one) with two
    categories; a round whose rubric is one criterion scored 0-100 (so a sheet's weighted score
    is its score); four judges; `scene.entry(n)` makes entry n (category one unless told),
    referenced TST-KE-000n."""
    cycle = AwardCycleFactory(name_en="Results cycle", name_fr="", code="RES")
    categories = [
        CategoryFactory(cycle=cycle, name_en="Digital", name_fr="Numérique", sort_order=1),
        CategoryFactory(cycle=cycle, name_en="Frontline", name_fr="Guichet", sort_order=2),
    ]
    points = RubricFactory(name="Points", weights=(100,), scale=(0, 100))
    round = RoundFactory(cycle=cycle, rubric=points, judges_per_entry=2)
    judges = [
        JudgeProfileFactory(email=f"{name}@judges.example", cycle=cycle)
        for name in ["lenient", "harsh", "third", "fourth"]
    ]

    def entry(number, category=None, **fields):
        return NominationFactory(
            cycle=cycle, category=category or categories[0], number=number, **fields
        )

    return SimpleNamespace(
        cycle=cycle,
        categories=categories,
        round=round,
        rubric=points,
        judges=judges,
        entry=entry,
    )


def _publish(round, user):
    now = timezone.now()
    round.opens_at = now - timedelta(days=20)
    round.closes_at = now - timedelta(days=1)
    round.save()
    assert decisions.publish(round, user)


@pytest.fixture
def awarded(scene, superuser):
    """Entries 1-5 in the first category, 6 in the second (all eligible), 7 ineligible and 8
    withdrawn; the first two judges submitted a sheet for each eligible entry, the third judge
    only a draft. Decisions: 1 and 6 winners, 2 finalist (its nominator's account is in French,
    so is its nomination), 3 merit, 4 shortlisted; the results are published."""
    round = scene.round
    entries = [scene.entry(n) for n in range(1, 6)] + [scene.entry(6, scene.categories[1])]
    entries[1].language = "fr"
    entries[1].organisation_name = "Ministère de la Fonction Publique et de la Réforme"
    entries[1].save()
    entries[1].nominator.language = "fr"
    entries[1].nominator.save()
    others = [
        scene.entry(7, status=NominationStatus.INELIGIBLE),
        scene.entry(8, status=NominationStatus.WITHDRAWN),
    ]
    for index, entry in enumerate(entries):
        judged(round, entry, scene.judges[0], [60 + index])
        judged(round, entry, scene.judges[1], [70 - index])
    judged(round, entries[0], scene.judges[2], [50], status=ScoresheetStatus.DRAFT)
    for entry, outcome in [
        (entries[0], Outcome.WINNER),
        (entries[1], Outcome.FINALIST),
        (entries[2], Outcome.MERIT),
        (entries[3], Outcome.SHORTLISTED),
        (entries[5], Outcome.WINNER),
    ]:
        decisions.decide(round, entry, outcome, superuser)
    _publish(round, superuser)
    for entry in entries:
        entry.refresh_from_db()
    return SimpleNamespace(**vars(scene), entries=entries, others=others, admin=superuser)


@pytest.fixture
def issued(awarded):
    """The awarded scene with its certificates issued (not rendered): `winner` and
    `participation` are entry 1's, `judge_certificate` the first judge's."""
    certificates.issue(awarded.round, awarded.admin, run=False)
    awarded.winner = Certificate.objects.get(nomination=awarded.entries[0], kind="winner")
    awarded.participation = Certificate.objects.get(
        nomination=awarded.entries[0], kind="participation"
    )
    awarded.judge_certificate = Certificate.objects.get(judge=awarded.judges[0])
    return awarded
