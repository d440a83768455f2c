"""The monthly roll-ups the published figures read move with the daily ones, answer by answer:
new, replaced, held by the burst detector, released or rejected by staff. Whatever happens, a
month's row holds what its days' rows add up to."""

import importlib
from datetime import datetime, time, timedelta

import pytest
from django.db.models import Sum
from django.utils import timezone

from feedback.choices import AnswerStatus
from feedback.giving import recording
from feedback.giving.recording import Answer
from feedback.models import DailyRollup, MonthlyRollup, Response, RollupSums
from tests.factories.feedback import ServicePointFactory

pytestmark = pytest.mark.django_db

GOOD = Answer(satisfaction=5, effort=7, resolved=True, recommend=10)
POOR = Answer(satisfaction=1, effort=2, resolved=False, recommend=3)


def moment(day):
    return timezone.make_aware(datetime.combine(day, time(10)))


def days_added_up(point, month):
    """The sums of the point's daily roll-ups in the month starting on `month`."""
    following = (month + timedelta(days=32)).replace(day=1)
    rows = DailyRollup.objects.filter(point=point, day__gte=month, day__lt=following)
    return {
        name: value or 0
        for name, value in rows.aggregate(**{n: Sum(n) for n in RollupSums.SUMS}).items()
    }


def month_row(point, month):
    row = MonthlyRollup.objects.filter(point=point, month=month).values(*RollupSums.SUMS).first()
    return row or dict.fromkeys(RollupSums.SUMS, 0)


def test_a_months_rollup_is_what_its_days_add_up_to_after_every_kind_of_change():
    point = ServicePointFactory()
    this_month = timezone.localdate().replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    days = [last_month, last_month + timedelta(days=9), this_month]
    for number, day in enumerate(days):
        recording.take(point, GOOD, f"device-{number}", now=moment(day))
    recording.take(point, POOR, "device-0", now=moment(days[0]))  # replaces the earlier answer
    held = Response.objects.filter(point=point, device_key__in=["device-1", "device-2"])
    assert recording.hold(held, "burst") == 2
    recording.release(Response.objects.get(device_key="device-1"), AnswerStatus.COUNTED)
    recording.release(Response.objects.get(device_key="device-2"), AnswerStatus.REJECTED)

    for month in (last_month, this_month):
        assert month_row(point, month) == days_added_up(point, month)
    # Last month: the replaced poor answer and the released good one; this month: nothing.
    assert month_row(point, last_month)["n"] == 2
    assert month_row(point, last_month)["satisfied"] == 1
    assert month_row(point, this_month)["n"] == 0


def test_the_migration_adds_up_the_months_of_a_database_that_had_daily_rollups_only():
    """feedback 0005 on a live database: its answers were counted into daily roll-ups only."""
    from django.apps import apps

    migration = importlib.import_module("feedback.migrations.0005_monthly_rollups")
    point = ServicePointFactory()
    this_month = timezone.localdate().replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    for number, day in enumerate([last_month, last_month + timedelta(days=3), this_month]):
        recording.take(point, GOOD if number else POOR, f"device-{number}", now=moment(day))
    MonthlyRollup.objects.all().delete()

    migration.add_up_the_months(apps, schema_editor=None)

    for month in (last_month, this_month):
        assert month_row(point, month) == days_added_up(point, month)
    assert month_row(point, last_month)["n"] == 2
