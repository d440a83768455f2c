"""Retention of citizens' answers: raw answers past FEEDBACK_RETAIN_ANSWERS_DAYS are deleted and
the text of comments rejected more than FEEDBACK_REJECTED_COMMENT_DAYS ago is blanked; the
published figures (pages and open data), read from the roll-ups, are the same before and after."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from feedback.choices import CommentState
from feedback.giving.recording import Answer, take
from feedback.models import DailyRollup, Response
from feedback.retention import pruning as retention
from feedback.retention import tasks
from tests.factories.feedback import ResponseFactory, ServicePointFactory
from tests.pages import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_figures(settings):
    settings.FEEDBACK_PAGE_SECONDS = 0
    settings.FEEDBACK_RETAIN_ANSWERS_DAYS = 400
    settings.FEEDBACK_REJECTED_COMMENT_DAYS = 30
    # The tests record dozens of answers at one point at once: not a burst to hold here.
    settings.FEEDBACK_BURST_MIN = 1000


def answered(point, days_ago, number):
    """An answer recorded as the form records it (its roll-up moved), `days_ago` days ago."""
    now = timezone.now() - timedelta(days=days_ago)
    answer = Answer(satisfaction=4 + number % 2, effort=5, resolved=True, recommend=9, comment="")
    return take(point, answer, f"device-{days_ago}-{number}", now=now)


def published(client, point):
    pages = [
        f"/feedback/{point.code}/results/",
        f"/feedback/agencies/{point.agency.slug}/",
        "/feedback/open-data/monthly.csv",
    ]
    return [page_text(client.get(page)) for page in pages]


def test_old_answers_go_and_the_figures_stay(client, settings):
    # Kept 50 days here: the answers of 100 days ago go too, while the pages still show them.
    settings.FEEDBACK_RETAIN_ANSWERS_DAYS = 50
    point = ServicePointFactory()
    for number in range(12):
        answered(point, 420, number)  # in the open data's months only
        answered(point, 100, number)  # in the pages' last 12 months too
        answered(point, 10, number)  # kept
    before = published(client, point)
    rollups_before = list(DailyRollup.objects.filter(point=point).values())
    result = retention.prune()
    assert result.answers >= 24  # the demo's older answers go too
    assert Response.objects.filter(point=point).count() == 12
    assert "From 24 answers" in before[0]
    assert list(DailyRollup.objects.filter(point=point).values()) == rollups_before
    assert published(client, point) == before
    assert retention.prune() == retention.Pruned(0, 0)  # nothing more the second time


def test_rejected_comments_lose_their_text_after_30_days():
    now = timezone.now()
    old = ResponseFactory(
        comment="Refused long ago",
        comment_status=CommentState.REJECTED,
        moderated_at=now - timedelta(days=31),
    )
    recent = ResponseFactory(
        comment="Refused yesterday",
        comment_status=CommentState.REJECTED,
        moderated_at=now - timedelta(days=1),
    )
    kept = ResponseFactory(
        comment="Published long ago",
        comment_status=CommentState.PUBLISHED,
        moderated_at=now - timedelta(days=60),
    )
    assert retention.prune(dry_run=True).rejected_comments == 1
    assert (
        Response.objects.get(pk=old.pk).comment == "Refused long ago"
    )  # a dry run changes nothing
    assert retention.prune().rejected_comments == 1
    old.refresh_from_db(), recent.refresh_from_db(), kept.refresh_from_db()
    assert (old.comment, old.comment_status) == ("", CommentState.REJECTED)
    assert recent.comment == "Refused yesterday" and kept.comment == "Published long ago"


def test_the_command_the_task_and_the_framework_run_it(capsys):
    point = ServicePointFactory()
    answered(point, 500, 1)
    call_command("prune_feedback_answers", "--dry-run")
    assert "Would delete 1 answer(s)" in capsys.readouterr().out
    assert Response.objects.filter(point=point).count() == 1
    call_command("anonymise_expired_data", "--dry-run")
    assert "1 citizen feedback answers past retention would be removed" in capsys.readouterr().out
    call_command("prune_feedback_answers", "--queue")  # the immediate backend runs it at once
    assert Response.objects.filter(point=point).count() == 0
    answered(point, 500, 2)
    assert tasks.prune_feedback_answers.enqueue().return_value == {
        "answers": 1,
        "rejected_comments": 0,
    }
