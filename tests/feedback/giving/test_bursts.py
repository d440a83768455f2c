"""The burst detector (feedback/giving/bursts.py): answers far above a point's usual rate, or
many copies of one comment, are held and kept out of the figures until staff review them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from feedback.choices import AnswerStatus
from feedback.giving import bursts, recording
from feedback.giving.recording import Answer
from feedback.models import Response
from feedback.results import last_twelve_months, point_measures
from tests.factories.feedback import DailyRollupFactory, ServicePointFactory

pytestmark = pytest.mark.django_db

GOOD = Answer(satisfaction=5, effort=7, resolved=True, recommend=10)


@pytest.fixture
def point(db):
    """A point with a usual day: 12 answers on each of the last 28 days."""
    point = ServicePointFactory(name="Registry Nakuru")
    today = timezone.localdate()
    for days_ago in range(1, 29):
        DailyRollupFactory(point=point, day=today - timedelta(days=days_ago))
    return point


def burst(point, count, start, comment="", prefix="device"):
    for number in range(count):
        answer = Answer(**{**GOOD.__dict__, "comment": comment})
        recording.take(point, answer, f"{prefix}-{number}", now=start + timedelta(seconds=number))


def test_the_threshold_is_the_minimum_for_a_usual_point_and_grows_with_its_traffic(point, settings):
    settings.FEEDBACK_BURST_MIN, settings.FEEDBACK_BURST_FACTOR = 20, 10
    today = timezone.localdate()
    assert bursts.threshold(point, today) == 20  # 12 a day is 0.5 an hour: 10 x 0.5 = 5
    busy = ServicePointFactory()
    for days_ago in range(1, 29):
        DailyRollupFactory(point=busy, day=today - timedelta(days=days_ago), n=120, satisfied=90)
    assert bursts.threshold(busy, today) == 50  # 5 an hour x 10


def test_a_burst_of_50_answers_in_a_minute_is_held_and_leaves_the_figures(point):
    """The attack: 50 answers from 50 devices within a minute."""
    period = last_twelve_months()
    before = point_measures(point, period)
    burst(point, 50, timezone.now() - timedelta(minutes=1))
    assert point_measures(point, period) == before
    answers = Response.objects.filter(point=point)
    assert answers.count() == 50
    assert set(answers.values_list("status", "held_reason")) == {(AnswerStatus.HELD, bursts.BURST)}


def test_answers_at_the_usual_rate_are_counted(point):
    start = timezone.now() - timedelta(hours=5)
    for number in range(10):
        recording.take(point, GOOD, f"device-{number}", now=start + timedelta(minutes=30 * number))
    assert not Response.objects.filter(point=point, status=AnswerStatus.HELD).exists()


def test_releasing_the_burst_counts_each_answer_once_and_does_not_hold_it_again(point):
    period = last_twelve_months()
    before = point_measures(point, period).n
    start = timezone.now() - timedelta(minutes=1)
    burst(point, 30, start)
    held = list(Response.objects.filter(point=point, status=AnswerStatus.HELD))
    for response in held:
        assert recording.release(response, AnswerStatus.COUNTED)
        assert not recording.release(response, AnswerStatus.COUNTED)  # a second click
    assert point_measures(point, period).n == before + 30
    # The burst goes on: the new answer is held, the released ones stay counted.
    recording.take(point, GOOD, "one-more", now=start + timedelta(seconds=40))
    assert Response.objects.get(device_key="one-more").status == AnswerStatus.HELD
    assert point_measures(point, period).n == before + 30


def test_many_copies_of_one_comment_are_held(point, settings):
    settings.FEEDBACK_BURST_SAME_COMMENTS = 3
    start = timezone.now() - timedelta(hours=6)
    text = "This office is the worst, close it now."
    for number in range(3):
        recording.take(
            point,
            Answer(**{**GOOD.__dict__, "comment": text.upper() if number else text}),
            f"device-{number}",
            now=start + timedelta(hours=number),
        )
    assert set(Response.objects.filter(point=point).values_list("status", flat=True)) == {
        AnswerStatus.HELD
    }
    assert point_measures(point, last_twelve_months()).n == 28 * 12


def test_short_comments_may_repeat(point, settings):
    settings.FEEDBACK_BURST_SAME_COMMENTS = 2
    start = timezone.now() - timedelta(hours=6)
    for number in range(3):
        recording.take(
            point,
            Answer(**{**GOOD.__dict__, "comment": "Merci"}),
            f"device-{number}",
            now=start + timedelta(hours=number),
        )
    assert not Response.objects.filter(point=point, status=AnswerStatus.HELD).exists()


def test_a_held_answer_replaced_by_its_device_stays_out_of_the_figures(point):
    period = last_twelve_months()
    before = point_measures(point, period).n
    start = timezone.now() - timedelta(minutes=1)
    burst(point, 25, start)
    recording.take(point, GOOD, "device-3", now=start + timedelta(seconds=50))
    assert point_measures(point, period).n == before
