"""Assignments by hand, the rules (judging/assignment/manual.py), without the admin around them:
which judge may be given an entry and why not, saving one with the entry as last sent (logged),
and when one may be removed."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from judging.assignment.manual import (
    ManualAssignmentRefused,
    assign_by_hand,
    entry_for,
    judge_problem,
    log_removal,
    removal_refusal,
    round_refusal,
)
from judging.models import Assignment, ScoresheetStatus
from tests.factories.judging import (
    ConflictFactory,
    JudgeProfileFactory,
    RoundFactory,
    ScoresheetFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def empty_round(world):
    return RoundFactory(
        cycle=world.cycle, rubric=world.rubric, judges_per_entry=2, name_en="Second look"
    )


def test_a_judge_on_the_entrys_panel_without_a_conflict_may_take_it(world, empty_round):
    assert judge_problem(empty_round, world.entries[0], world.judges[0]) is None


def test_each_reason_a_judge_may_not_take_an_entry(world, empty_round):
    entry, judge = world.entries[0], world.judges[0]
    ConflictFactory(judge=judge, nomination=entry, reason="Former job")
    assert "has declared a conflict with this entry" in judge_problem(empty_round, entry, judge)

    colleague = JudgeProfileFactory(
        email="kofi@elsewhere.example", organisation="Agency 1", cycle=world.cycle
    )
    assert "probably has a conflict" in judge_problem(empty_round, entry, colleague)

    outsider = JudgeProfileFactory(
        email="out@elsewhere.example",
        organisation="Body",
        cycle=world.cycle,
        category=world.categories[1],
    )
    digital_entry = next(e for e in world.entries if e.category == world.categories[0])
    assert "does not sit on the panel" in judge_problem(empty_round, digital_entry, outsider)


def test_assign_by_hand_gives_the_entry_as_last_sent_and_logs_it(world, empty_round, demo_admin):
    entry, judge = world.entries[0], world.judges[0]
    assignment = Assignment(
        round=empty_round, nomination=entry, judge=judge, due_on=empty_round.scores_due_on
    )
    assign_by_hand(assignment, demo_admin)
    assignment.refresh_from_db()
    assert assignment.created_by == demo_admin
    log = ModelLogEntry.objects.get(action="judging.assign", object_id=str(assignment.pk))
    assert log.data == {
        "round": empty_round.pk,
        "nomination": entry.pk,
        "judge": judge.pk,
        "due_on": empty_round.scores_due_on.isoformat(),
    }
    assert "already has this entry" in judge_problem(empty_round, entry, judge)


def test_assign_by_hand_is_due_on_the_rounds_date_unless_one_is_chosen(
    world, empty_round, demo_admin
):
    entry, first, second = world.entries[0], world.judges[0], world.judges[1]
    chosen = empty_round.scores_due_on + timedelta(days=3)
    unset = assign_by_hand(Assignment(round=empty_round, nomination=entry, judge=first), demo_admin)
    set_ = assign_by_hand(
        Assignment(round=empty_round, nomination=entry, judge=second, due_on=chosen), demo_admin
    )
    unset.refresh_from_db()
    set_.refresh_from_db()
    assert unset.due_on == empty_round.scores_due_on
    assert set_.due_on == chosen


def test_removal_is_refused_for_a_submitted_sheet_and_logged_otherwise(world, demo_admin):
    draft, submitted = Assignment.objects.filter(round=world.round).order_by("pk")[:2]
    ScoresheetFactory(assignment=draft, status=ScoresheetStatus.DRAFT)
    ScoresheetFactory(assignment=submitted, status=ScoresheetStatus.SUBMITTED)
    assert removal_refusal(draft) is None
    assert "Reopen it first" in removal_refusal(submitted)

    log_removal(draft, demo_admin)
    log = ModelLogEntry.objects.get(action="judging.unassign", object_id=str(draft.pk))
    assert log.data["had_draft"] is True and log.user == demo_admin


def test_the_entry_is_found_by_its_reference_in_any_case(world, empty_round):
    entry = world.entries[0]
    assert entry_for(empty_round, entry.reference.lower()) == entry
    with pytest.raises(ManualAssignmentRefused, match="No entry of this round has the reference"):
        entry_for(empty_round, "CX00-XX-9999")


def test_a_closed_rounds_assignments_cannot_change_by_hand(world, empty_round):
    assert round_refusal(empty_round) is None
    empty_round.closes_at = timezone.now() - timedelta(days=1)
    assert "This round has closed" in round_refusal(empty_round)
