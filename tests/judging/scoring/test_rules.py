"""Scoring rules, tested directly: drafts, optimistic concurrency, submission and its lock, the
round's dates, reopening, the weighted score and who sees other judges' scores."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import ModelLogEntry

from judging.models import (
    Assignment,
    CriterionScore,
    Recommendation,
    ScoresheetStatus,
    ScoreVisibility,
)
from judging.scoring import rules as scoring
from tests.factories.judging import CategoryRubricFactory, RubricFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(world):
    return Assignment.objects.filter(round=world.round).order_by("pk").first()


def full_scores(world, values=(5, 3, 1)):
    return {
        criterion.pk: (value, f"Comment {index}")
        for index, (criterion, value) in enumerate(zip(world.criteria, values, strict=True))
    }


def save_complete(sheet, world, user, values=(5, 3, 1)):
    return scoring.save(
        sheet, sheet.version, full_scores(world, values), "Overall.", Recommendation.YES, user
    )


def test_scoresheet_has_one_empty_score_per_criterion(world, assignment):
    sheet = scoring.scoresheet_for(assignment)
    again = scoring.scoresheet_for(assignment)
    assert again.pk == sheet.pk
    assert sheet.version == 1 and sheet.status == ScoresheetStatus.DRAFT
    rows = list(CriterionScore.objects.filter(scoresheet=sheet).order_by("criterion__sort_order"))
    assert [row.criterion_id for row in rows] == [c.pk for c in world.criteria]
    assert all(row.score is None for row in rows)


def test_category_rubric_overrides_the_rounds(world, assignment):
    own = RubricFactory(name="Own rubric", weights=(60, 40), scale=(0, 10))
    CategoryRubricFactory(round=world.round, category=assignment.nomination.category, rubric=own)
    sheet = scoring.scoresheet_for(Assignment.objects.get(pk=assignment.pk))
    assert sheet.scores.count() == 2
    assert scoring.rubric_of(sheet.assignment) == own


def test_save_stores_a_draft_and_raises_the_version(world, assignment):
    sheet = scoring.scoresheet_for(assignment)
    user = assignment.judge.user
    scores = {world.criteria[0].pk: (4, "  Strong results. "), world.criteria[1].pk: (None, "")}
    scoring.save(sheet, 1, scores, "Promising.", "", user)
    assert sheet.version == 2
    sheet.refresh_from_db()
    assert sheet.version == 2 and sheet.overall_comment == "Promising."
    saved = sheet.scores.get(criterion=world.criteria[0])
    assert (saved.score, saved.comment) == (4, "Strong results.")
    assert sheet.scores.get(criterion=world.criteria[1]).score is None


def test_stale_version_is_refused_and_the_first_save_kept(world, assignment):
    sheet = scoring.scoresheet_for(assignment)
    user = assignment.judge.user
    first = second = world.criteria[0].pk  # both tabs change the same criterion
    scoring.save(sheet, 1, {first: (5, "Tab one")}, "", "", user)
    with pytest.raises(scoring.StaleScoresheet) as refused:
        scoring.save(sheet, 1, {second: (1, "Tab two")}, "Tab two overall", "", user)
    assert refused.value.current_version == 2
    assert "another tab or window" in refused.value.message
    sheet.refresh_from_db()
    assert sheet.version == 2 and sheet.overall_comment == ""
    assert sheet.scores.get(criterion_id=first).comment == "Tab one"


def test_submit_after_another_tab_emptied_the_sheet_says_the_sheet_changed(world, assignment):
    # Tab one holds a complete sheet at version 2; tab two then saves it without its
    # recommendation. Tab one's "Submit" is stale: the judge is told the sheet changed elsewhere,
    # not that a recommendation they can see on their screen is missing.
    sheet = scoring.scoresheet_for(assignment)
    user = assignment.judge.user
    save_complete(sheet, world, user)
    scoring.save(scoring.scoresheet_for(assignment), 2, full_scores(world), "", "", user)
    # Tab one's form still says version 2; the view reads the sheet as it now is.
    as_now = scoring.scoresheet_for(assignment)
    with pytest.raises(scoring.StaleScoresheet) as refused:
        scoring.submit(as_now, 2, user)
    assert refused.value.current_version == 3
    as_now.refresh_from_db()
    assert as_now.status == ScoresheetStatus.DRAFT


def test_scores_outside_the_scale_are_refused(world, assignment):
    sheet = scoring.scoresheet_for(assignment)
    with pytest.raises(scoring.InvalidScore, match="from 1 to 5"):
        scoring.save(sheet, 1, {world.criteria[0].pk: (6, "")}, "", "", assignment.judge.user)
    with pytest.raises(scoring.InvalidScore, match="from 1 to 5"):
        scoring.save(sheet, 1, {world.criteria[0].pk: (0, "")}, "", "", assignment.judge.user)
    sheet.refresh_from_db()
    assert sheet.version == 1


def test_incomplete_submit_says_what_is_missing(world, assignment):
    sheet = scoring.scoresheet_for(assignment)
    user = assignment.judge.user
    scoring.save(sheet, 1, {world.criteria[0].pk: (3, "")}, "", "", user)
    with pytest.raises(scoring.IncompleteScoresheet) as refused:
        scoring.submit(sheet, 2, user)
    assert refused.value.missing_criteria == world.criteria[1:]
    assert refused.value.missing_recommendation
    assert "Criterion 2, Criterion 3, your recommendation" in refused.value.message
    sheet.refresh_from_db()
    assert sheet.status == ScoresheetStatus.DRAFT and sheet.version == 2


def test_submit_locks_the_sheet_and_is_logged(world, assignment):
    sheet = scoring.scoresheet_for(assignment)
    user = assignment.judge.user
    save_complete(sheet, world, user)
    scoring.submit(sheet, 2, user)
    sheet.refresh_from_db()
    assert sheet.status == ScoresheetStatus.SUBMITTED and sheet.submitted_at
    assert sheet.version == 3
    entry = ModelLogEntry.objects.get(action="judging.submit", object_id=str(sheet.pk))
    assert entry.user_id == user.pk
    with pytest.raises(scoring.ScoresheetLocked, match="submitted"):
        scoring.save(sheet, 3, full_scores(world, (1, 1, 1)), "", "", user)
    with pytest.raises(scoring.ScoresheetLocked):
        scoring.submit(sheet, 3, user)
    assert sheet.scores.get(criterion=world.criteria[0]).score == 5


def test_a_stale_submit_is_refused(world, assignment):
    sheet = scoring.scoresheet_for(assignment)
    user = assignment.judge.user
    save_complete(sheet, world, user)
    with pytest.raises(scoring.StaleScoresheet):
        scoring.submit(sheet, 1, user)
    sheet.refresh_from_db()
    assert sheet.status == ScoresheetStatus.DRAFT


def test_nothing_changes_after_the_round_closes(world, assignment):
    sheet = scoring.scoresheet_for(assignment)
    user = assignment.judge.user
    save_complete(sheet, world, user)
    after_close = world.round.closes_at + timedelta(seconds=1)
    with pytest.raises(scoring.ScoresheetLocked, match="round closed"):
        scoring.save(sheet, 2, full_scores(world, (1, 1, 1)), "", "", user, now=after_close)
    with pytest.raises(scoring.ScoresheetLocked, match="round closed"):
        scoring.submit(sheet, 2, user, now=after_close)
    sheet.refresh_from_db()
    assert sheet.version == 2 and sheet.status == ScoresheetStatus.DRAFT


def test_nothing_is_saved_before_the_round_opens(world, assignment):
    sheet = scoring.scoresheet_for(assignment)
    before = world.round.opens_at - timedelta(minutes=1)
    with pytest.raises(scoring.ScoresheetLocked, match="Scoring opens"):
        scoring.save(sheet, 1, {}, "Early", "", assignment.judge.user, now=before)


def test_reopen_goes_back_to_draft_and_is_logged(world, assignment, admin_user):
    sheet = scoring.scoresheet_for(assignment)
    user = assignment.judge.user
    save_complete(sheet, world, user)
    scoring.submit(sheet, 2, user)
    scoring.reopen(sheet, admin_user, "Criterion 2 was scored on the wrong scale.")
    sheet.refresh_from_db()
    assert sheet.status == ScoresheetStatus.DRAFT and sheet.submitted_at is None
    assert sheet.version == 4
    entry = ModelLogEntry.objects.get(action="judging.reopen", object_id=str(sheet.pk))
    assert entry.user_id == admin_user.pk
    assert entry.data["reason"] == "Criterion 2 was scored on the wrong scale."
    # The judge can change it again, from the new version only.
    with pytest.raises(scoring.StaleScoresheet):
        scoring.save(sheet, 3, full_scores(world, (4, 4, 4)), "", "yes", user)
    scoring.save(sheet, 4, full_scores(world, (4, 4, 4)), "", "yes", user)
    with pytest.raises(scoring.ScoringError, match="not submitted"):
        scoring.reopen(sheet, admin_user, "Again")


def test_reopen_is_refused_after_the_round_closes(world, assignment, admin_user):
    sheet = scoring.scoresheet_for(assignment)
    save_complete(sheet, world, assignment.judge.user)
    scoring.submit(sheet, 2, assignment.judge.user)
    with pytest.raises(scoring.ScoresheetLocked):
        scoring.reopen(
            sheet, admin_user, "Too late", now=world.round.closes_at + timedelta(hours=1)
        )
    sheet.refresh_from_db()
    assert sheet.is_submitted
    assert not ModelLogEntry.objects.filter(
        action="judging.reopen", object_id=str(sheet.pk)
    ).exists()


def test_weighted_score_by_hand(world, assignment):
    sheet = scoring.scoresheet_for(assignment)
    user = assignment.judge.user
    assert scoring.weighted_score(sheet) is None  # nothing scored yet
    # Scale 1-5, weights 50/30/20: 5 -> 100% of 50, 3 -> 50% of 30, 1 -> 0% of 20.
    save_complete(sheet, world, user, values=(5, 3, 1))
    assert scoring.weighted_score(sheet) == 65.0
    scoring.save(sheet, 2, full_scores(world, (2, 4, 5)), "", "yes", user)
    # 0.25 * 50 + 0.75 * 30 + 1 * 20 = 12.5 + 22.5 + 20
    assert scoring.weighted_score(sheet) == 55.0


def test_weighted_score_on_a_zero_to_ten_scale(world, assignment):
    rubric = RubricFactory(name="Ten", weights=(70, 30), scale=(0, 10))
    CategoryRubricFactory(round=world.round, category=assignment.nomination.category, rubric=rubric)
    assignment = Assignment.objects.get(pk=assignment.pk)
    sheet = scoring.scoresheet_for(assignment)
    criteria = list(rubric.criteria.all())
    scoring.save(
        sheet, 1, {criteria[0].pk: (7, ""), criteria[1].pk: (0, "")}, "", "", assignment.judge.user
    )
    assert scoring.weighted_score(sheet) == 49.0  # 0.7 * 70 + 0 * 30


@pytest.mark.parametrize(
    ("rule", "own_submitted", "closed", "visible"),
    [
        (ScoreVisibility.NEVER, True, True, False),
        (ScoreVisibility.AFTER_OWN, False, False, False),
        (ScoreVisibility.AFTER_OWN, True, False, True),
        (ScoreVisibility.AFTER_CLOSE, True, False, False),
        (ScoreVisibility.AFTER_CLOSE, False, True, True),
    ],
)
def test_others_visible(world, assignment, rule, own_submitted, closed, visible):
    world.round.score_visibility = rule
    world.round.save()
    if own_submitted:
        sheet = scoring.scoresheet_for(assignment)
        save_complete(sheet, world, assignment.judge.user)
        scoring.submit(sheet, 2, assignment.judge.user)
    assignment = Assignment.objects.select_related("round").get(pk=assignment.pk)
    now = world.round.closes_at + timedelta(minutes=1) if closed else timezone.now()
    assert scoring.others_visible(assignment, now=now) is visible


def test_status_of_an_assignment(world, assignment):
    assert scoring.status_of(assignment) == scoring.NOT_STARTED
    sheet = scoring.scoresheet_for(assignment)
    assert scoring.status_of(Assignment.objects.get(pk=assignment.pk)) == ScoresheetStatus.DRAFT
    save_complete(sheet, world, assignment.judge.user)
    scoring.submit(sheet, 2, assignment.judge.user)
    fresh = Assignment.objects.select_related("scoresheet").get(pk=assignment.pk)
    assert scoring.status_of(fresh) == ScoresheetStatus.SUBMITTED
