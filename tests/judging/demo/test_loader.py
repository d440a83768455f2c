"""The judging demo (loaded by `load_demo`): rubrics from the programme's criteria, six judges,
an open screening round for 2027 with work in every state for each demo judge, and a closed
2026 cycle with full results, winners and published results. Running it again adds nothing
but the signatories' titles a database loaded before them lacks."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from wagtail.models import ModelLogEntry

from judging.assignment import run as assignment_run
from judging.demo import loader as judging_demo
from judging.models import (
    Assignment,
    Conflict,
    ConflictClearance,
    CriterionScore,
    JudgeProfile,
    PanelMembership,
    PublishedResults,
    Round,
    RoundDecision,
    RoundKind,
    Rubric,
    Scoresheet,
    ScoresheetStatus,
    Signatory,
)
from judging.rubrics.rules import levels_problem, weights_problem
from nominations.choices import NominationStatus
from nominations.models import AwardCycle, Nomination

pytestmark = pytest.mark.django_db

DEMO_JUDGES = ["judge1@demo.test", "judge2@demo.test", "judge3@demo.test"]


def open_round():
    return Round.objects.get(cycle__code="CX27", kind=RoundKind.SCREENING)


def test_rubrics_are_valid_and_bilingual():
    for name in (judging_demo.SCREENING_RUBRIC, judging_demo.FINAL_RUBRIC):
        rubric = Rubric.objects.get(name=name)
        criteria = list(rubric.criteria.all())
        levels = list(rubric.levels.all())
        assert len(criteria) == 5
        assert weights_problem([c.weight for c in criteria]) is None
        assert (
            levels_problem(rubric.scale_min, rubric.scale_max, [lv.value for lv in levels]) is None
        )
        assert all(c.name_fr and c.guidance_en and c.guidance_fr for c in criteria)
        assert all(level.descriptor_fr for level in levels)
    assert Rubric.objects.get(name=judging_demo.FINAL_RUBRIC).levels.count() == 11


def test_each_demo_judge_has_submitted_draft_and_untouched_work_in_the_open_round():
    round = open_round()
    assert round.is_open() and round.judges_per_entry == 3 and round.entrant_feedback
    assert round.hide_nominator and not round.results_published
    criteria = round.rubric.criteria.count()
    for email in DEMO_JUDGES:
        assignments = Assignment.objects.filter(round=round, judge__user__email=email)
        submitted = assignments.filter(scoresheet__status=ScoresheetStatus.SUBMITTED)
        drafts = assignments.filter(scoresheet__status=ScoresheetStatus.DRAFT)
        untouched = assignments.filter(scoresheet__isnull=True, conflict_checked_at__isnull=True)
        assert submitted.exists() and drafts.exists() and untouched.exists(), email
        for assignment in submitted:
            sheet = assignment.scoresheet
            assert assignment.conflict_checked_at and sheet.submitted_at and sheet.recommendation
            scores = list(sheet.scores.values_list("score", flat=True))
            assert len(scores) == criteria and None not in scores
        for assignment in drafts:
            assert assignment.scoresheet.scores.count() == criteria
            assert assignment.scoresheet.submitted_at is None


def test_open_round_assignments_respect_conflicts_and_give_every_entry_three_judges():
    round = open_round()
    assert assignment_run.conflicted_assignments(round) == []
    entries = list(round.entries())
    assert len(entries) >= 10
    for entry in entries:
        assert Assignment.objects.filter(round=round, nomination=entry).count() == 3, entry
    # Declared conflicts are kept: the judge from Ghana judges no Ghanaian entry.
    conflict = Conflict.objects.get(cycle=round.cycle, country="GH")
    assert not Assignment.objects.filter(
        round=round, judge=conflict.judge, nomination__country="GH"
    ).exists()


def test_the_demo_nominators_entry_is_judged_by_judges_cleared_of_the_shared_domain():
    round = open_round()
    entry = round.entries().get(nominator__email="nominator@demo.test")
    judges = Assignment.objects.filter(round=round, nomination=entry).values_list(
        "judge", flat=True
    )
    assert len(judges) == 3
    for judge in judges:
        clearance = ConflictClearance.objects.get(judge=judge, nomination=entry)
        assert clearance.note and clearance.cleared_by.email == "admin@demo.test"
    # Other demo entrants no longer share the judges' domain.
    assert not (
        round.entries().filter(nominator__email__endswith="@demo.test").exclude(pk=entry.pk)
    ).exists()


def test_closed_2026_cycle_has_full_results_winners_and_published_rounds():
    cycle = AwardCycle.objects.get(code="CX26")
    assert not cycle.is_current and AwardCycle.objects.current().code == "CX27"
    rounds = list(cycle.rounds.all())
    assert [r.kind for r in rounds] == [RoundKind.SCREENING, RoundKind.FINAL]
    for round in rounds:
        assert round.is_closed() and round.results_published and round.entrant_feedback
        assert assignment_run.conflicted_assignments(round) == []
        sheets = Scoresheet.objects.filter(assignment__round=round)
        assert sheets.count() == round.assignments.count() > 0
        assert not sheets.exclude(status=ScoresheetStatus.SUBMITTED).exists()
        assert not CriterionScore.objects.filter(
            scoresheet__assignment__round=round, score__isnull=True
        ).exists()
    categories = cycle.categories.count()
    nominations = Nomination.objects.filter(cycle=cycle)
    assert nominations.count() >= 20
    assert all(n.reference.startswith("CX26-") for n in nominations)
    for status in (NominationStatus.WINNER, NominationStatus.MERIT, NominationStatus.FINALIST):
        placed = nominations.filter(status=status)
        assert placed.count() == categories
        assert placed.values("category").distinct().count() == categories
    final = rounds[1]
    for decision in RoundDecision.objects.filter(round=final).select_related("nomination"):
        assert decision.nomination.status == decision.outcome
    shortlisted = RoundDecision.objects.filter(round=rounds[0]).values_list("nomination", flat=True)
    assert set(final.assignments.values_list("nomination", flat=True)) == set(shortlisted)


def judging_counts():
    models = [
        Rubric,
        JudgeProfile,
        PanelMembership,
        Conflict,
        ConflictClearance,
        Round,
        Assignment,
        Scoresheet,
        CriterionScore,
        RoundDecision,
        AwardCycle,
        Nomination,
        get_user_model(),
    ]
    return {model.__name__: model.objects.count() for model in models}


def test_loading_again_changes_nothing():
    before = judging_counts()
    judging_demo.load()
    assert judging_counts() == before
    assert JudgeProfile.objects.filter(user__email__endswith="@demo.test").count() == 6


def test_loading_again_gives_the_signatories_the_titles_they_lack():
    """A demo database loaded before the Portuguese and Arabic titles gets them; a title
    written since is kept."""
    signatories = Signatory.objects.filter(cycle__code__in=["CX26", "CX27"])
    assert signatories.count() == 6
    signatories.update(title_pt="", title_ar="")
    signatories.filter(name="Amina Diallo", cycle__code="CX27").update(title_pt="Presidente")
    judging_demo.load()
    assert not signatories.filter(title_pt="").exists()
    assert not signatories.filter(title_ar="").exists()
    amina = {s.cycle.code: s for s in signatories.filter(name="Amina Diallo")}
    assert amina["CX27"].title_pt == "Presidente"
    assert (amina["CX26"].title_pt, amina["CX26"].title_ar) == (
        "Presidente do júri",
        "رئيسة لجنة التحكيم",
    )
    assert signatories.count() == 6


def test_added_judges_sign_in_with_the_demo_password(client, settings):
    for email in ["judge4@demo.test", "judge5@demo.test", "judge6@demo.test"]:
        assert client.login(username=email, password=settings.DEMO_PASSWORD), email
        client.logout()


# The audit log tells the demo's story ---------------------------------------------------------
def logged(action, model=None):
    """{object id: [log entries]} of an action (on one model, when given)."""
    entries = ModelLogEntry.objects.filter(action=action)
    if model is not None:
        entries = entries.filter(content_type=ContentType.objects.get_for_model(model))
    found = {}
    for entry in entries:
        found.setdefault(int(entry.object_id), []).append(entry)
    return found


def test_every_decision_of_the_demo_is_in_the_audit_log_at_its_date():
    """The demo loads through the services that write the audit log (it wrote rows directly,
    and its log was empty): each decision, each publishing, each submitted scoresheet, each
    conflict and clearance and each eligibility decision has its entry, dated when the demo
    says it happened."""
    decisions = logged("judging.decision", Nomination)
    for decision in RoundDecision.objects.all():
        (entry,) = [
            e for e in decisions[decision.nomination_id] if e.data["round"] == decision.round_id
        ]
        assert entry.data["outcome"] == decision.outcome
        assert entry.timestamp == decision.decided_at
    published = Round.objects.filter(results_published_at__isnull=False)
    assert published.count() == 2
    publishing = logged("judging.publish", Round)
    for round in published:
        assert [e.timestamp for e in publishing[round.pk]] == [round.results_published_at]
    submissions = logged("judging.submit", Scoresheet)
    for sheet in Scoresheet.objects.filter(status=ScoresheetStatus.SUBMITTED):
        assert [e.timestamp for e in submissions[sheet.pk]] == [sheet.submitted_at]
    assert set(logged("judging.conflict", Conflict)) == set(
        Conflict.objects.values_list("pk", flat=True)
    )
    assert set(logged("judging.clear_conflict", ConflictClearance)) == set(
        ConflictClearance.objects.values_list("pk", flat=True)
    )
    eligibility = logged("nominations.decision", Nomination)
    decided = Nomination.objects.exclude(
        status__in=[NominationStatus.DRAFT, NominationStatus.SUBMITTED, NominationStatus.WITHDRAWN]
    )
    assert decided.count() > 30
    for nomination in decided:
        assert nomination.pk in eligibility, nomination


def test_published_results_say_when_they_were_published_not_when_the_demo_was_loaded():
    for record in PublishedResults.objects.select_related("round"):
        assert record.published_at == record.round.results_published_at
        assert record.published_at.year == 2026
