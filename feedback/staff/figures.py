"""What the agency dashboard shows, read from the daily roll-ups in three aggregate queries
however many points, days and agencies there are: each point's measures and the agency's over
the chosen period, the agency's measures by month, and the median of the country's agencies.

The country's median of agencies: for each measure, the median of the point estimates of the
country's agencies (this one included) that have a figure for the period (at least
MINIMUM_ANSWERS answers); None when no agency has one.
"""

import calendar
import statistics
from dataclasses import dataclass
from datetime import date

from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from feedback.measures import Measures, measures
from feedback.results import SUMS, Period, last_twelve_months, rollups_in

MEASURE_NAMES = ("satisfied", "effort", "resolved", "nps")


def _sums():
    return {name: Sum(name) for name in SUMS}


def _measures(row):
    return measures(**{name: row.get(name) for name in SUMS})


def _added(rows):
    return measures(**{name: sum(row.get(name) or 0 for row in rows) for name in SUMS})


@dataclass(frozen=True)
class PointFigures:
    point: object
    measures: Measures


@dataclass(frozen=True)
class MonthFigures:
    month: date  # its first day
    measures: Measures


@dataclass(frozen=True)
class Dashboard:
    agency: object
    period: Period
    points: list  # PointFigures, in the points' order
    total: Measures  # the agency's
    months: list  # MonthFigures of the agency, oldest first
    country_median: dict  # measure name -> median value, or None


def months_between(first, last):
    """The first days of the months from `first`'s to `last`'s."""
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def month_period(first_month, last_month, today=None):
    """From the first day of `first_month` to the last of `last_month` (today at most)."""
    today = today or timezone.localdate()
    days = calendar.monthrange(last_month.year, last_month.month)[1]
    last = min(today, date(last_month.year, last_month.month, days))
    return Period(first=date(first_month.year, first_month.month, 1), last=last)


def point_rows(points, period):
    """Each point's sums over the period (one query): point id -> sums."""
    rows = (
        rollups_in(period).filter(point__in=points).values("point").annotate(**_sums()).order_by()
    )
    return {row["point"]: row for row in rows}


def monthly_rows(rollups):
    """Sums by month of these roll-ups (one query): [(first day of the month, sums)]."""
    rows = rollups.annotate(month=TruncMonth("day")).values("month").annotate(**_sums())
    return [(row["month"], row) for row in rows.order_by("month")]


def country_median(country, period):
    """The median of the point estimates of the country's agencies with a figure (one query)."""
    rows = (
        rollups_in(period)
        .filter(point__agency__country=country)
        .values("point__agency")
        .annotate(**_sums())
        .order_by()
    )
    of_agencies = [_measures(row) for row in rows]
    median = {}
    for name in MEASURE_NAMES:
        values = [getattr(m, name).value for m in of_agencies if getattr(m, name) is not None]
        median[name] = statistics.median(values) if values else None
    return median


def dashboard(agency, period=None):
    """The dashboard's figures for the agency's points (its `points` in the order they show)."""
    period = period or last_twelve_months()
    points = list(agency.points.order_by("name"))
    by_point = point_rows(points, period)
    monthly = dict(monthly_rows(rollups_in(period).filter(point__agency=agency)))
    return Dashboard(
        agency=agency,
        period=period,
        points=[PointFigures(point, _measures(by_point.get(point.pk, {}))) for point in points],
        total=_added(by_point.values()),
        months=[
            MonthFigures(month, _measures(monthly.get(month, {})))
            for month in months_between(period.first, period.last)
        ],
        country_median=country_median(agency.country, period),
    )


def point_months(agency, period):
    """Each point's sums by month (one query): {(point id, first day of month): sums}."""
    rows = (
        rollups_in(period)
        .filter(point__agency=agency)
        .annotate(month=TruncMonth("day"))
        .values("point", "month")
        .annotate(**_sums())
        .order_by()
    )
    return {(row["point"], row["month"]): row for row in rows}
