"""What the agency dashboard shows, read from the daily roll-ups however many points, days and
agencies there are: each point's measures, the agency's and its months over the chosen period
from one query (feedback/results.py, `overview`: the sums by point and by month), and the
median of the country's agencies, from a second one over the agencies' monthly roll-ups (a row
per agency and month), kept for FEEDBACK_PAGE_SECONDS (it is the same for every agency of the
country and moves slowly; bench/feedback.py prints the dashboard with and without it kept).

The country's median of agencies: for each measure, the median of the point estimates of the
country's agencies (this one included) that have a figure for the period (at least
MINIMUM_ANSWERS answers); None when no agency has one.
"""

import calendar
import statistics
from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.utils import timezone

from feedback.measures import Measures
from feedback.public.caching import seconds as kept_seconds
from feedback.results import (
    Period,
    by_agency,
    last_twelve_months,
    measures_by,
    month_of,
    no_answers,
    overview,
    rollups_in,
)
from feedback.results import sums as _sums

MEASURE_NAMES = ("satisfied", "effort", "resolved", "nps")


@dataclass(frozen=True)
class PointFigures:
    point: object
    measures: Measures


@dataclass(frozen=True)
class Dashboard:
    agency: object
    period: Period
    points: list  # PointFigures, in the points' order
    total: Measures  # the agency's
    months: list  # feedback.results.Month of the agency, oldest first
    country_median: dict  # measure name -> median value, or None


def month_period(first_month, last_month, today=None):
    """From the first day of `first_month` to the last of `last_month` (today at most)."""
    today = today or timezone.localdate()
    days = calendar.monthrange(last_month.year, last_month.month)[1]
    last = min(today, date(last_month.year, last_month.month, days))
    return Period(first=date(first_month.year, first_month.month, 1), last=last)


def country_median(country, period):
    """The median of the point estimates of the country's agencies with a figure (one query,
    kept FEEDBACK_PAGE_SECONDS)."""
    key = f"feedback-country-median:{country}:{period.first}:{period.last}"
    median = cache.get(key)
    if median is None:
        median = _median_of_agencies(country, period)
        if kept_seconds() > 0:
            cache.set(key, median, kept_seconds())
    return median


def _median_of_agencies(country, period):
    rollups, agency = by_agency(period)
    by_agencies = measures_by(rollups.filter(**{f"{agency}__country": country}), agency)
    median = {}
    for name in MEASURE_NAMES:
        values = [
            getattr(m, name).value for m in by_agencies.values() if getattr(m, name) is not None
        ]
        median[name] = statistics.median(values) if values else None
    return median


def dashboard(agency, period=None):
    """The dashboard's figures for the agency's points (its `points` in the order they show)."""
    period = period or last_twelve_months()
    points = list(agency.points.order_by("name"))
    figures = overview(rollups_in(period).filter(point__agency=agency), "point", period)
    return Dashboard(
        agency=agency,
        period=period,
        points=[
            PointFigures(point, figures.groups.get(point.pk, no_answers())) for point in points
        ],
        total=figures.total,
        months=figures.months,
        country_median=country_median(agency.country, period),
    )


def point_months(agency, period):
    """Each point's sums by month (one query): {(point id, first day of month): sums}."""
    rollups = rollups_in(period).filter(point__agency=agency)
    rows = rollups.values("point", in_month=month_of(rollups)).annotate(**_sums()).order_by()
    return {(row["point"], row["in_month"]): row for row in rows}
