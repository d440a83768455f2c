"""The judge portal under hostile input: the scoresheet (save and submit, from tabs with other
versions), its submission, conflicts with an entry and with an organisation."""

import pytest
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from judging.models import Conflict, CriterionScore, Scoresheet, ScoresheetStatus
from nominations.models import AwardCycle
from tests.factories.judging import (
    AssignmentFactory,
    JudgeProfileFactory,
    PanelMembershipFactory,
    RoundFactory,
    RubricFactory,
    ScoresheetFactory,
)
from tests.factories.nominations import AwardCycleFactory, CategoryFactory, NominationFactory
from tests.site.security.fuzz.checks import (
    CONTROL_CHARACTER_MESSAGE,
    FUZZ,
    answered,
    clean_text,
    one_example,
    refused_with_message,
    row_counts,
    signed_in,
    typed,
)
from tests.site.security.fuzz.strategies import hostile_value, last, mutated

pytestmark = pytest.mark.django_db


# The judge portal: scoresheet, submission and conflicts (judging) ----------------------------
@pytest.fixture
def judging(db):
    """An open round with a 1-5 rubric and one entry, assigned to one judge who has already
    confirmed having no conflict with it."""
    now = timezone.now()
    cycle = AwardCycleFactory(name_en="Fuzz cycle", code="FZZ")
    category = CategoryFactory(cycle=cycle, name_en="Digital", name_fr="Numérique")
    round = RoundFactory(cycle=cycle, rubric=RubricFactory(), judges_per_entry=1)
    judge = JudgeProfileFactory(email="fuzz.judge@judges.example", cycle=cycle)
    entry = NominationFactory(cycle=cycle, category=category, number=1)
    return AssignmentFactory(
        round=round,
        judge=judge,
        nomination=entry,
        due_on=round.scores_due_on,
        conflict_checked_at=now,
    )


def scoresheet_post(assignment, button):
    data = {"version": "1", "overall_comment": "A strong entry.", "recommendation": "yes"}
    for number, criterion in enumerate(assignment.round.rubric.criteria.all(), start=1):
        data[f"score_{criterion.pk}"] = str(number + 2)
        data[f"comment_{criterion.pk}"] = f"Comment {number}."
    data[button] = "1"
    return data


def assert_sheet_as_typed(sheet, data):
    assert sheet.overall_comment == typed(data.get("overall_comment"))
    assert sheet.recommendation == last(data.get("recommendation", ""))
    for score in sheet.scores.all():
        sent_score = last(data.get(f"score_{score.criterion_id}", ""))
        assert score.score == (int(sent_score) if sent_score else None)
        assert score.comment == typed(data.get(f"comment_{score.criterion_id}"))
        assert clean_text(score.comment)
    assert clean_text(sheet.overall_comment)


# Versions near the right one: an older or newer version is a save from another tab.
NEAR_VERSIONS = {"version": st.integers(min_value=-2, max_value=4).map(str)}


@FUZZ
@given(data=st.data(), button=st.sampled_from(["save", "submit"]))
def test_scoresheet(judging, data, button):
    valid = scoresheet_post(judging, button)
    sent = data.draw(mutated(valid, fixed=(button,), replacements=NEAR_VERSIONS), label="post")
    url = f"/judging/entries/{judging.pk}/"
    with one_example():
        response = signed_in(judging.judge.user).post(url, sent)
        sheet = Scoresheet.objects.filter(assignment=judging).first()
        if response.status_code == 302:
            assert sheet.version == 2
            assert_sheet_as_typed(sheet, sent)
        elif sheet is not None and sheet.version == 2:
            # "Submit" with something missing: saved as a draft, and the page says what to add.
            refused_with_message(response)
            assert button == "submit"
            assert "Your scores are saved as a draft." in response.content.decode()
            assert_sheet_as_typed(sheet, sent)
        else:
            refused_with_message(response)
            assert sheet is None
            assert not CriterionScore.objects.filter(scoresheet__assignment=judging).exists()


def test_scoresheet_comment_with_control_characters(judging):
    data = scoresheet_post(judging, "save")
    data["overall_comment"] = "Strong\x00 entry"
    response = signed_in(judging.judge.user).post(f"/judging/entries/{judging.pk}/", data)
    refused_with_message(response)
    assert CONTROL_CHARACTER_MESSAGE in response.content.decode()
    assert not Scoresheet.objects.filter(assignment=judging).exists()


def test_stale_save_of_a_new_scoresheet_stores_nothing(judging):
    """A save based on another version is refused; when the judge had saved nothing yet, no
    empty scoresheet is left behind (the dashboard would call it a draft)."""
    data = {**scoresheet_post(judging, "save"), "version": "7"}
    response = signed_in(judging.judge.user).post(f"/judging/entries/{judging.pk}/", data)
    refused_with_message(response)
    assert "changed in another tab or window" in response.content.decode()
    assert not Scoresheet.objects.filter(assignment=judging).exists()


@pytest.fixture
def complete_draft(judging):
    criteria = judging.round.rubric.criteria.all()
    return ScoresheetFactory(
        assignment=judging,
        scores=[(criterion, 4, "Fine.") for criterion in criteria],
        recommendation="yes",
    )


@FUZZ
@given(version=st.one_of(NEAR_VERSIONS["version"], hostile_value))
def test_scoresheet_submission(complete_draft, version):
    assignment = complete_draft.assignment
    with one_example():
        response = signed_in(assignment.judge.user).post(
            f"/judging/entries/{assignment.pk}/submit/", {"version": version, "confirm": "1"}
        )
        answered(response, 302, 409)
        complete_draft.refresh_from_db()
        submitted = complete_draft.status == ScoresheetStatus.SUBMITTED
        assert submitted == (response.status_code == 302)
        if submitted:
            assert int(last(version)) == 1


ENTRY_CONFLICT = {"reason": "I advised this agency last year.", "conflict": "1"}


@FUZZ
@given(data=mutated(ENTRY_CONFLICT, fixed=("conflict",)))
def test_entry_conflict(judging, data):
    with one_example():
        before = row_counts(Conflict)
        response = signed_in(judging.judge.user).post(
            f"/judging/entries/{judging.pk}/conflict/", data
        )
        if response.status_code == 302:
            conflict = Conflict.objects.get(judge=judging.judge, nomination=judging.nomination)
            assert conflict.reason == typed(data.get("reason"))
            assert clean_text(conflict.reason)
        else:
            refused_with_message(response)
            assert row_counts(Conflict) == before


CYCLE_CONFLICT = {"organisation": "Kenya Revenue Authority", "country": "KE", "reason": "Family."}


@pytest.fixture
def current_panel_judge(judging):
    PanelMembershipFactory(judge=judging.judge, cycle=AwardCycle.objects.current())
    return judging


@FUZZ
@given(data=mutated(CYCLE_CONFLICT))
def test_cycle_conflict(current_panel_judge, data):
    judging = current_panel_judge
    with one_example():
        before = row_counts(Conflict)
        response = signed_in(judging.judge.user).post("/judging/conflicts/", data)
        if response.status_code == 302:
            conflict = Conflict.objects.filter(judge=judging.judge).latest("pk")
            # Runs of spaces inside the name become one (how conflicts are matched).
            assert conflict.organisation == " ".join(typed(data.get("organisation")).split())
            assert conflict.country == last(data.get("country", ""))
            assert clean_text(conflict.organisation) and clean_text(conflict.reason)
        else:
            refused_with_message(response)
            assert row_counts(Conflict) == before
