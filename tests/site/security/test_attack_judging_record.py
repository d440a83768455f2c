"""The integrity of the judging record (issue 13, section 5), from the side of what goes wrong:
a judge's scoresheet sent after their session ended is kept, as the nomination wizard keeps its
answers (awards_site/accounts/pending_input.py), and comes back after signing in, to check and
submit.

The other parts of the record are tested where their rules live: every demo decision in the
audit log and the published results' date (tests/judging/demo/test_loader.py), one rounding rule on
both databases (tests/judging/scoring/test_rounding.py), rubric weights a rule of the model
(tests/judging/rubrics/test_rules.py).

Each test fails on the code before the guard it names (checked by removing the guard)."""

import re
import time

import pytest
import time_machine
from django.utils import timezone

from judging.models import Scoresheet, ScoresheetStatus
from tests.factories.accounts import PASSWORD
from tests.factories.judging import (
    AssignmentFactory,
    JudgeProfileFactory,
    RoundFactory,
    RubricFactory,
)
from tests.factories.nominations import AwardCycleFactory, CategoryFactory, NominationFactory

pytestmark = pytest.mark.django_db

# The judges' inactivity limit is two hours (docs/security.md, "Sessions").
AFTER_THE_SESSION_ENDED = 121 * 60


def later(seconds):
    return time_machine.travel(time.time() + seconds, tick=False)


@pytest.fixture
def assignment(db):
    now = timezone.now()
    cycle = AwardCycleFactory(name_en="Record cycle", name_fr="Cycle", code="REC")
    category = CategoryFactory(cycle=cycle, name_en="Digital", name_fr="Numérique")
    rubric = RubricFactory(name="Record rubric", weights=(50, 30, 20))
    round = RoundFactory(cycle=cycle, rubric=rubric, judges_per_entry=1)
    judge = JudgeProfileFactory(email="ngozi@judges.example", cycle=cycle)
    return AssignmentFactory(
        round=round,
        nomination=NominationFactory(cycle=cycle, category=category, number=7001),
        judge=judge,
        due_on=round.scores_due_on,
        conflict_checked_at=now,
    )


def typed_scores(assignment):
    """What the judge typed: 4, 3 and 5 with a comment each, an overall comment, "Recommend"."""
    data = {"version": "1", "overall_comment": "Clear and measured.", "recommendation": "yes"}
    for criterion, score in zip(
        assignment.round.rubric.criteria.order_by("sort_order"), (4, 3, 5), strict=True
    ):
        data[f"score_{criterion.pk}"] = str(score)
        data[f"comment_{criterion.pk}"] = f"Comment on criterion {score}"
    return data


def test_a_scoresheet_sent_after_the_session_ended_comes_back_after_signing_in(client, assignment):
    """Before the guard the judge's scores went nowhere: the portal sent them to sign in and
    the entry page showed an empty scoresheet."""
    url = f"/judging/entries/{assignment.pk}/"
    client.force_login(assignment.judge.user)
    assert client.get(url).status_code == 200  # the page the judge fills in, then leaves open
    typed = typed_scores(assignment)

    with later(AFTER_THE_SESSION_ENDED):
        sent = client.post(url, {**typed, "submit": "1"})
        assert sent.status_code == 302 and sent["Location"].startswith("/accounts/login/")
        assert not Scoresheet.objects.filter(assignment=assignment).exists()

        signed_in = client.post(
            sent["Location"], {"login": assignment.judge.user.email, "password": PASSWORD}
        )
        assert signed_in["Location"] == url

        page = client.get(url).content.decode()
        assert "You were signed out, so the scores you sent were not saved yet" in page
        for name, value in typed.items():
            if name.startswith("score_"):
                checked = re.search(rf'name="{name}" value="{value}"[^>]*checked', page)
                assert checked, name
            elif name.startswith("comment_") or name == "overall_comment":
                assert value in page
        assert re.search(r'name="recommendation" value="yes"[^>]*checked', page)
        assert client.get(url).content.decode().count("You were signed out") == 0  # once

        # The judge checks and submits what the page shows, as the browser sends it.
        to_confirm = client.post(url, {**typed, "submit": "1"})
        assert to_confirm["Location"] == f"/judging/entries/{assignment.pk}/submit/"
        sheet = Scoresheet.objects.get(assignment=assignment)
        done = client.post(to_confirm["Location"], {"version": str(sheet.version)})
        assert done["Location"] == "/judging/"

    sheet = Scoresheet.objects.get(assignment=assignment)
    assert sheet.status == ScoresheetStatus.SUBMITTED
    assert sorted(sheet.scores.values_list("score", flat=True)) == [3, 4, 5]
    assert sheet.overall_comment == "Clear and measured."


def test_kept_scores_reach_no_other_account(client, assignment):
    """Someone else signing in on the same browser does not get the judge's page or input."""
    url = f"/judging/entries/{assignment.pk}/"
    client.force_login(assignment.judge.user)
    client.get(url)
    with later(AFTER_THE_SESSION_ENDED):
        client.post(url, {**typed_scores(assignment), "save": "1"})
        other = JudgeProfileFactory(email="other@judges.example", cycle=assignment.round.cycle)
        client.force_login(other.user)
        assert client.get(url).status_code == 404
