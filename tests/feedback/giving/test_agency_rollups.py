"""An agency's monthly roll-ups (what the country's median, the country page and the open data
read) hold what its points' months add up to, whatever happens: answers new, replaced, held,
released or rejected at several points, a point given to another agency, a point deleted; and
on a live database, the migration that made them adds up the points' months already there."""

import importlib
from datetime import datetime, time, timedelta

import pytest
from django.db.models import Sum
from django.utils import timezone

from feedback.choices import AnswerStatus
from feedback.giving import recording
from feedback.giving.recording import Answer
from feedback.models import AgencyMonthlyRollup, MonthlyRollup, Response, RollupSums
from tests.factories.feedback import AgencyFactory, ServicePointFactory

pytestmark = pytest.mark.django_db

GOOD = Answer(satisfaction=5, effort=7, resolved=True, recommend=10)
POOR = Answer(satisfaction=1, effort=2, resolved=False, recommend=3)
THIS_MONTH = timezone.localdate().replace(day=1)
LAST_MONTH = (THIS_MONTH - timedelta(days=1)).replace(day=1)


def moment(day):
    return timezone.make_aware(datetime.combine(day, time(10)))


def points_added_up(agency, month):
    rows = MonthlyRollup.objects.filter(point__agency=agency, month=month)
    return {
        name: value or 0
        for name, value in rows.aggregate(**{n: Sum(n) for n in RollupSums.SUMS}).items()
    }


def agency_row(agency, month):
    rows = AgencyMonthlyRollup.objects.filter(agency=agency, month=month)
    return rows.values(*RollupSums.SUMS).first() or dict.fromkeys(RollupSums.SUMS, 0)


def assert_in_step(*agencies):
    for agency in agencies:
        for month in (LAST_MONTH, THIS_MONTH):
            assert agency_row(agency, month) == points_added_up(agency, month), (agency, month)


def answered(point, *days, answer=GOOD):
    for number, day in enumerate(days):
        recording.take(point, answer, f"{point.code}-{number}", now=moment(day))


def test_an_agencys_month_is_what_its_points_months_add_up_to_after_every_kind_of_change():
    agency = AgencyFactory()
    office, phone_line = ServicePointFactory(agency=agency), ServicePointFactory(agency=agency)
    answered(office, LAST_MONTH, LAST_MONTH + timedelta(days=9), THIS_MONTH)
    answered(phone_line, LAST_MONTH, THIS_MONTH)
    recording.take(office, POOR, f"{office.code}-0", now=moment(LAST_MONTH))  # replaced
    held = Response.objects.filter(device_key__in=[f"{office.code}-1", f"{office.code}-2"])
    assert recording.hold(held, "burst") == 2
    recording.release(Response.objects.get(device_key=f"{office.code}-1"), AnswerStatus.COUNTED)
    recording.release(Response.objects.get(device_key=f"{office.code}-2"), AnswerStatus.REJECTED)

    assert_in_step(agency)
    # Last month: the office's replaced poor answer and released good one, the line's answer.
    assert agency_row(agency, LAST_MONTH)["n"] == 3
    assert agency_row(agency, LAST_MONTH)["satisfied"] == 2
    assert agency_row(agency, THIS_MONTH)["n"] == 1  # the line's; the office's was rejected


def test_a_point_given_to_another_agency_takes_its_answers_with_it():
    first, second = AgencyFactory(), AgencyFactory()
    moving, staying = ServicePointFactory(agency=first), ServicePointFactory(agency=first)
    answered(moving, LAST_MONTH, THIS_MONTH)
    answered(staying, THIS_MONTH)

    moving.agency = second
    moving.save()

    assert_in_step(first, second)
    assert agency_row(second, THIS_MONTH)["n"] == 1
    assert agency_row(first, LAST_MONTH)["n"] == 0
    recording.take(moving, GOOD, "after-the-move", now=moment(THIS_MONTH))
    assert_in_step(first, second)
    assert agency_row(second, THIS_MONTH)["n"] == 2


def test_a_deleted_point_leaves_its_agencys_months():
    agency = AgencyFactory()
    closing, staying = ServicePointFactory(agency=agency), ServicePointFactory(agency=agency)
    answered(closing, LAST_MONTH, THIS_MONTH)
    answered(staying, THIS_MONTH)

    closing.delete()

    assert_in_step(agency)
    assert agency_row(agency, THIS_MONTH)["n"] == 1


def test_the_migration_adds_up_the_agencies_of_a_database_that_had_points_months_only():
    """feedback 0006 on a live database: its answers were counted into points' roll-ups only."""
    from django.apps import apps

    migration = importlib.import_module("feedback.migrations.0006_agency_monthly_rollups")
    agency = AgencyFactory()
    answered(ServicePointFactory(agency=agency), LAST_MONTH, THIS_MONTH)
    answered(ServicePointFactory(agency=agency), THIS_MONTH, answer=POOR)
    AgencyMonthlyRollup.objects.all().delete()

    migration.add_up_the_agencies(apps, schema_editor=None)

    assert_in_step(agency)
    assert agency_row(agency, THIS_MONTH)["n"] == 2
