"""Conflicts of interest: declaring one withdraws the assignment and the entry gets another judge;
a cycle-wide conflict with an organisation or a country withdraws every matching assignment that
can still change; everything is in the audit log."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from judging.models import (
    Assignment,
    Conflict,
    ConflictClearance,
    Recommendation,
    Scoresheet,
)
from judging.panel import conflicts
from judging.scoring import rules as scoring
from tests.factories.judging import AssignmentFactory, RoundFactory

pytestmark = pytest.mark.django_db


def judges_of(round, nomination):
    return set(
        Assignment.objects.filter(round=round, nomination=nomination).values_list(
            "judge_id", flat=True
        )
    )


def test_entry_conflict_withdraws_and_reassigns(world):
    assignment = Assignment.objects.filter(round=world.round).order_by("pk").first()
    judge, nomination = assignment.judge, assignment.nomination
    sheet = scoring.scoresheet_for(assignment)
    before = judges_of(world.round, nomination)
    assert len(before) == 2

    conflict = conflicts.declare_entry_conflict(assignment, " I advised them. ", judge.user)

    assert conflict.nomination == nomination and conflict.reason == "I advised them."
    assert not Assignment.objects.filter(pk=assignment.pk).exists()
    assert not Scoresheet.objects.filter(pk=sheet.pk).exists()
    after = judges_of(world.round, nomination)
    assert judge.pk not in after
    assert len(after) == 2  # the third judge took the place
    (new_judge,) = after - before
    assert new_judge in {j.pk for j in world.judges} - {judge.pk}
    entry = ModelLogEntry.objects.get(action="judging.conflict", object_id=str(conflict.pk))
    assert entry.user_id == judge.user_id
    assert entry.data["withdrawn"][0]["assignment"] == assignment.pk
    assert ModelLogEntry.objects.filter(
        action="judging.assign_run",
        object_id=str(world.round.pk),
        timestamp__gte=conflict.declared_at,
    ).exists()


def test_entry_conflict_refused_once_submitted(world):
    assignment = Assignment.objects.filter(round=world.round).order_by("pk").first()
    sheet = scoring.scoresheet_for(assignment)
    scores = {c.pk: (3, "") for c in world.criteria}
    scoring.save(sheet, 1, scores, "", Recommendation.MAYBE, assignment.judge.user)
    scoring.submit(sheet, 2, assignment.judge.user)
    with pytest.raises(conflicts.ConflictRefused, match="awards team"):
        conflicts.declare_entry_conflict(assignment, "", assignment.judge.user)
    assert Assignment.objects.filter(pk=assignment.pk).exists()
    assert not Conflict.objects.filter(judge=assignment.judge).exists()


def test_confirm_no_conflict(world):
    assignment = Assignment.objects.filter(round=world.round).first()
    assert assignment.conflict_checked_at is None
    conflicts.confirm_no_conflict(assignment)
    first = Assignment.objects.get(pk=assignment.pk).conflict_checked_at
    assert first is not None
    conflicts.confirm_no_conflict(Assignment.objects.get(pk=assignment.pk))
    assert Assignment.objects.get(pk=assignment.pk).conflict_checked_at == first


def test_cycle_conflict_with_an_organisation(world):
    # The organisation is matched whatever its case and spacing.
    nomination = world.entries[0]
    assigned = Assignment.objects.filter(nomination=nomination).order_by("pk").first()
    judge = assigned.judge
    others = set(
        Assignment.objects.filter(judge=judge)
        .exclude(nomination=nomination)
        .values_list("pk", flat=True)
    )

    conflict = conflicts.declare_cycle_conflict(
        judge, world.cycle, organisation="  agency   1 ", reason="Former employer", user=judge.user
    )

    assert conflict.organisation == "agency 1" and conflict.nomination is None
    assert [a.pk for a in conflict.withdrawn] == [assigned.pk]
    assert judge.pk not in judges_of(world.round, nomination)
    assert len(judges_of(world.round, nomination)) == 2
    # Other entries stay with the judge.
    assert others <= set(Assignment.objects.filter(judge=judge).values_list("pk", flat=True))
    entry = ModelLogEntry.objects.get(action="judging.conflict", object_id=str(conflict.pk))
    assert entry.data["organisation"] == "agency 1"
    assert [w["assignment"] for w in entry.data["withdrawn"]] == [assigned.pk]


def test_cycle_conflict_with_a_country_keeps_submitted_and_closed(world):
    judge = world.judges[0]
    mine = list(Assignment.objects.filter(judge=judge).order_by("pk"))
    assert len(mine) >= 2
    submitted, *drafts = mine
    sheet = scoring.scoresheet_for(submitted)
    scoring.save(
        sheet, 1, {c.pk: (4, "") for c in world.criteria}, "", Recommendation.YES, judge.user
    )
    scoring.submit(sheet, 2, judge.user)
    # An earlier, closed round of the same cycle keeps its assignment too.
    now = timezone.now()
    closed = RoundFactory(
        cycle=world.cycle,
        rubric=world.rubric,
        name_en="Earlier",
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=20),
    )
    old = AssignmentFactory(
        round=closed, nomination=world.entries[0], judge=judge, due_on=now.date()
    )

    conflict = conflicts.declare_cycle_conflict(judge, world.cycle, country="KE", user=judge.user)

    assert sorted(a.pk for a in conflict.withdrawn) == [a.pk for a in drafts]
    left = set(Assignment.objects.filter(judge=judge).values_list("pk", flat=True))
    assert left == {submitted.pk, old.pk}
    # Every withdrawn entry has its two judges again, none of them this judge.
    for assignment in drafts:
        assert len(judges_of(world.round, assignment.nomination)) == 2
        assert judge.pk not in judges_of(world.round, assignment.nomination)


def test_cycle_conflict_needs_an_organisation_or_a_country(world):
    judge = world.judges[0]
    with pytest.raises(conflicts.ConflictRefused):
        conflicts.declare_cycle_conflict(judge, world.cycle, organisation="  ", user=judge.user)
    assert not Conflict.objects.filter(judge=judge).exists()


def test_clear_likely_conflict(world, admin_user):
    judge, nomination = world.judges[0], world.entries[0]
    clearance = conflicts.clear_likely_conflict(judge, nomination, admin_user, note=" Checked. ")
    assert clearance.cleared_by == admin_user and clearance.note == "Checked."
    again = conflicts.clear_likely_conflict(judge, nomination, admin_user)
    assert again.pk == clearance.pk
    assert ConflictClearance.objects.filter(judge=judge).count() == 1
    entry = ModelLogEntry.objects.filter(
        action="judging.clear_conflict", object_id=str(clearance.pk)
    ).first()
    assert entry.user_id == admin_user.pk and entry.data["nomination"] == nomination.pk
