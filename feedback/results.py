"""Published figures of a service point, an agency or a country, read from the daily roll-ups
(never from the answers): by default the last 12 months, in one aggregate query."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Sum
from django.utils import timezone

from feedback.measures import Measures, measures
from feedback.models import DailyRollup

SUMS = ("n", "satisfied", "effort_sum", "effort_squares", "resolved", "promoters", "detractors")
PERIOD_MONTHS = 12


@dataclass(frozen=True)
class Period:
    first: date  # the first day counted
    last: date  # the last day counted (today)


def last_twelve_months(today=None):
    """From the day after the same date a year ago to today."""
    today = today or timezone.localdate()
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    return Period(first=date.fromordinal(year_ago.toordinal() + 1), last=today)


def rollups_in(period):
    """The daily roll-ups of the period, to narrow to a point, an agency or a country."""
    return DailyRollup.objects.filter(day__gte=period.first, day__lte=period.last)


def measures_of(rollups) -> Measures:
    """The measures of these roll-ups, added up in one aggregate query."""
    return measures(**rollups.aggregate(**{name: Sum(name) for name in SUMS}))


def point_measures(point, period) -> Measures:
    return measures_of(rollups_in(period).filter(point=point))


def agency_measures(agency, period) -> Measures:
    return measures_of(rollups_in(period).filter(point__agency=agency))


def country_measures(country, period) -> Measures:
    return measures_of(rollups_in(period).filter(point__agency__country=country))
