"""The assignment run against the database (judging/assignment/run.py): panels per category,
likely conflicts (organisation, email domains, with webmail domains left out), clearances, and
top-ups that keep existing assignments."""

import pytest
from django.test import override_settings

from judging.assignment import run as assignment_run
from judging.models import Assignment
from tests.factories.judging import (
    ConflictClearanceFactory,
    ConflictFactory,
    JudgeProfileFactory,
    RoundFactory,
)
from tests.factories.nominations import NominationFactory

pytestmark = pytest.mark.django_db


def pairs(round):
    return set(Assignment.objects.filter(round=round).values_list("nomination_id", "judge_id"))


def test_world_round_has_k_judges_per_entry_with_balanced_loads(world):
    judges_of = {}
    for entry_id, judge_id in pairs(world.round):
        judges_of.setdefault(entry_id, set()).add(judge_id)
    assert {len(judges) for judges in judges_of.values()} == {2}
    assert len(judges_of) == 4
    loads = sorted(
        Assignment.objects.filter(round=world.round, judge=judge).count() for judge in world.judges
    )
    assert loads == [2, 3, 3]


def test_a_category_panel_only_gets_entries_of_its_category(world):
    digital, frontline = world.categories
    specialist = JudgeProfileFactory(
        email="sam@specialists.example",
        organisation="Specialists",
        cycle=world.cycle,
        category=digital,
    )
    round = RoundFactory(
        cycle=world.cycle, rubric=world.rubric, judges_per_entry=4, name_en="Everyone"
    )
    plan = assignment_run.plan(round)
    given = {entry for entry, judges in plan.new.items() if specialist.pk in judges}
    digital_entries = {entry.pk for entry in world.entries if entry.category == digital}
    assert given == digital_entries
    # Frontline entries can only reach 3 of the 4 judges: they are reported short.
    assert plan.short == {entry.pk: 1 for entry in world.entries if entry.category == frontline}


def test_a_judge_from_the_nominees_organisation_is_a_likely_conflict(world):
    colleague = JudgeProfileFactory(
        email="kofi@elsewhere.example", organisation="Agency 1", cycle=world.cycle
    )
    assert (colleague.pk, world.entries[0].pk) in assignment_run.likely_conflicts(world.round)
    round = RoundFactory(
        cycle=world.cycle, rubric=world.rubric, judges_per_entry=4, name_en="Final"
    )
    assignment_run.top_up(round)
    assert (world.entries[0].pk, colleague.pk) not in pairs(round)
    assert (world.entries[1].pk, colleague.pk) in pairs(round)


def test_a_judge_sharing_the_nominators_or_websites_domain_is_a_likely_conflict(world):
    # entry 2's nominator writes from agency2.example; entry 3's website is agency3.example.
    by_email = JudgeProfileFactory(
        email="ama@agency2.example", organisation="Someone else", cycle=world.cycle
    )
    entry3 = world.entries[2]
    entry3.nominator.email = "nominator@other.example"
    entry3.nominator.save()
    by_website = JudgeProfileFactory(
        email="yaw@agency3.example", organisation="Another body", cycle=world.cycle
    )
    likely = assignment_run.likely_conflicts(world.round)
    assert (by_email.pk, world.entries[1].pk) in likely
    assert (by_website.pk, entry3.pk) in likely


def test_webmail_domains_are_not_conflicts(world):
    entry = NominationFactory(cycle=world.cycle, category=world.categories[0], number=9)
    entry.nominator.email = "nominee.person@gmail.com"
    entry.nominator.save()
    judge = JudgeProfileFactory(
        email="some.judge@gmail.com", organisation="Independent body", cycle=world.cycle
    )
    assert (judge.pk, entry.pk) not in assignment_run.likely_conflicts(world.round)
    with override_settings(JUDGING_PUBLIC_EMAIL_DOMAINS=[]):
        assert (judge.pk, entry.pk) in assignment_run.likely_conflicts(world.round)


def test_a_cleared_likely_conflict_may_be_assigned(world):
    colleague = JudgeProfileFactory(
        email="kofi@elsewhere.example", organisation="Agency 1", cycle=world.cycle
    )
    entry = world.entries[0]
    assert colleague not in assignment_run.assignable_judges(world.round, entry)
    ConflictClearanceFactory(judge=colleague, nomination=entry, note="Left in 2019")
    assert (colleague.pk, entry.pk) not in assignment_run.likely_conflicts(world.round)
    assert colleague in assignment_run.assignable_judges(world.round, entry)


def test_a_declared_conflict_is_found_in_existing_assignments_and_top_up_replaces_it(world):
    assignment = Assignment.objects.filter(round=world.round).order_by("pk").first()
    ConflictFactory(judge=assignment.judge, cycle=world.cycle, nomination=assignment.nomination)
    assert assignment_run.conflicted_assignments(world.round) == [assignment]
    kept = pairs(world.round) - {(assignment.nomination_id, assignment.judge_id)}
    assignment.delete()
    assert assignment_run.top_up(world.round) == 1
    after = pairs(world.round)
    assert kept < after
    (added,) = after - kept
    assert added[0] == assignment.nomination_id
    assert added[1] != assignment.judge_id


def test_top_up_gives_new_entries_judges_without_moving_others(world):
    before = pairs(world.round)
    new_entry = NominationFactory(cycle=world.cycle, category=world.categories[0], number=7)
    assert assignment_run.top_up(world.round) == 2
    after = pairs(world.round)
    assert before < after
    assert {entry for entry, _judge in after - before} == {new_entry.pk}
    assert assignment_run.top_up(world.round) == 0


def test_inactive_judges_and_judges_of_other_cycles_are_left_out(world):
    world.judges[0].is_active = False
    world.judges[0].save()
    round = RoundFactory(
        cycle=world.cycle, rubric=world.rubric, judges_per_entry=2, name_en="Second"
    )
    plan = assignment_run.plan(round)
    assert world.judges[0].pk not in plan.loads_after
    assert all(world.judges[0].pk not in judges for judges in plan.new.values())
