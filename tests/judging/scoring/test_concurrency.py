"""Scoresheets under real concurrency: two threads, two database connections, the database
deciding (PostgreSQL, and SQLite through the `race` fixture: tests/concurrency.py). Two judges
submitting at the same moment both land; one judge saving one sheet from two tabs at the same
moment gets exactly one save in and one "changed in another tab" refusal.

Like tests/nominations/sending/test_concurrency.py, every database step runs in a thread of its
own, so it has its own connection in autocommit mode and sees what the others commit; the data
is made and removed that way too."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model

from judging.assignment import run as assignment_run
from judging.models import Assignment, Recommendation, Round, Rubric, Scoresheet, ScoresheetStatus
from judging.scoring import rules as scoring
from nominations.models import AwardCycle, Nomination
from tests.concurrency import in_threads
from tests.factories.judging import JudgeProfileFactory, RoundFactory, RubricFactory
from tests.factories.nominations import AwardCycleFactory, CategoryFactory, NominationFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("race")]


def build():
    cycle = AwardCycleFactory(name_en="Race cycle", code="RACE")
    category = CategoryFactory(cycle=cycle, name_en="Race", name_fr="Course")
    rubric = RubricFactory(name="Race rubric")
    round = RoundFactory(cycle=cycle, rubric=rubric)
    judges = [
        JudgeProfileFactory(
            email=f"racer{n}@race{n}.example", organisation=f"Race body {n}", cycle=cycle
        )
        for n in (1, 2)
    ]
    entry = NominationFactory(cycle=cycle, category=category, number=9001)
    assignment_run.top_up(round)
    assignments = list(
        Assignment.objects.filter(round=round).select_related("round", "nomination", "judge__user")
    )
    sheets = [scoring.scoresheet_for(assignment) for assignment in assignments]
    return SimpleNamespace(
        cycle=cycle,
        rubric=rubric,
        round=round,
        judges=judges,
        entry=entry,
        criteria=list(rubric.criteria.all()),
        sheets=sheets,
    )


def tear_down(world):
    Round.objects.filter(pk=world.round.pk).delete()  # assignments, scoresheets, scores
    nominators = [world.entry.nominator_id]
    Nomination.objects.filter(pk=world.entry.pk).delete()
    users = [judge.user_id for judge in world.judges] + nominators
    for judge in world.judges:
        judge.delete()
    AwardCycle.objects.filter(pk=world.cycle.pk).delete()
    Rubric.objects.filter(pk=world.rubric.pk).delete()
    get_user_model().objects.filter(pk__in=users).delete()


@pytest.fixture
def world(race):
    (world,) = in_threads(build)
    yield world
    in_threads(lambda: tear_down(world))


def scores(world, value):
    return {criterion.pk: (value, f"Scored {value}") for criterion in world.criteria}


def fresh(sheet):
    return Scoresheet.objects.select_related("assignment__round", "assignment__nomination").get(
        pk=sheet.pk
    )


def test_two_judges_submit_at_the_same_time(world):
    def save_and_submit(sheet, value):
        def run():
            sheet_now = fresh(sheet)
            user = sheet_now.assignment.judge.user
            scoring.save(sheet_now, 1, scores(world, value), "", Recommendation.YES, user)
            scoring.submit(sheet_now, 2, user)
            return sheet_now.version

        return run

    first, second = world.sheets
    assert first.assignment.judge_id != second.assignment.judge_id
    results = in_threads(save_and_submit(first, 5), save_and_submit(second, 2))
    assert results == [3, 3]
    saved = in_threads(lambda: [fresh(sheet) for sheet in world.sheets])[0]
    assert [sheet.status for sheet in saved] == [ScoresheetStatus.SUBMITTED] * 2
    values = in_threads(lambda: [sorted(s.scores.values_list("score", flat=True)) for s in saved])
    assert values[0] == [[5, 5, 5], [2, 2, 2]]


def test_one_judge_two_tabs_at_the_same_time(world):
    sheet = world.sheets[0]

    def tab(value):
        def run():
            sheet_now = fresh(sheet)
            try:
                scoring.save(
                    sheet_now,
                    1,
                    scores(world, value),
                    f"Tab {value}",
                    "",
                    sheet_now.assignment.judge.user,
                )
            except scoring.StaleScoresheet as stale:
                return ("stale", stale.current_version)
            return ("saved", value)

        return run

    results = in_threads(tab(1), tab(5))
    assert sorted(outcome for outcome, _ in results) == ["saved", "stale"]
    (winner,) = [value for outcome, value in results if outcome == "saved"]
    (stale_version,) = [value for outcome, value in results if outcome == "stale"]
    assert stale_version == 2
    (saved, stored) = in_threads(
        lambda: (
            fresh(sheet),
            sorted(fresh(sheet).scores.values_list("score", flat=True)),
        )
    )[0]
    # The winner's sheet is whole: its comment and all its scores, none of the other tab's.
    assert saved.version == 2 and saved.overall_comment == f"Tab {winner}"
    assert stored == [winner] * 3


def test_save_and_submit_of_one_sheet_at_the_same_time(world):
    sheet = world.sheets[0]
    (prepared,) = in_threads(
        lambda: (
            scoring.save(
                fresh(sheet),
                1,
                scores(world, 4),
                "",
                Recommendation.YES,
                sheet.assignment.judge.user,
            ).version
        )
    )
    assert prepared == 2

    def submit():
        try:
            scoring.submit(fresh(sheet), 2, sheet.assignment.judge.user)
        except (scoring.StaleScoresheet, scoring.ScoresheetLocked):
            return "refused"
        return "submitted"

    def save():
        try:
            scoring.save(fresh(sheet), 2, scores(world, 1), "", "", sheet.assignment.judge.user)
        except (scoring.StaleScoresheet, scoring.ScoresheetLocked):
            return "refused"
        return "saved"

    results = in_threads(submit, save)
    assert sorted(results) in (["refused", "submitted"], ["refused", "saved"])
    (stored,) = in_threads(
        lambda: (fresh(sheet).status, sorted(fresh(sheet).scores.values_list("score", flat=True)))
    )
    if "submitted" in results:
        assert stored == (ScoresheetStatus.SUBMITTED, [4, 4, 4])
    else:
        assert stored == (ScoresheetStatus.DRAFT, [1, 1, 1])
