"""Published figures of a service point, an agency or a country, read from the daily roll-ups
(never from the answers): by default the last 12 months, in one aggregate query. A list of
agencies (or points, or countries) with their figures is one grouped aggregate query too
(`measures_by`), and a monthly trend is one query grouped by month (`monthly`)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Sum
from django.db.models.functions import TruncMonth
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


def sums():
    return {name: Sum(name) for name in SUMS}


def measures_by(rollups, field):
    """{value of `field`: Measures} for these roll-ups grouped by `field` (say
    "point__agency"), in one grouped aggregate query, however many groups."""
    grouped = rollups.order_by().values(field).annotate(**sums())
    return {row.pop(field): measures(**row) for row in grouped}


# Monthly trends -------------------------------------------------------------------------------

TREND_MONTHS = 12


@dataclass(frozen=True)
class Month:
    """One month of a trend: its first day and its measures (figures None below 10 answers)."""

    month: date
    measures: Measures

    @property
    def n(self):
        return self.measures.n

    @property
    def enough(self):
        return self.measures.satisfied is not None


def month_starts(today=None, count=TREND_MONTHS):
    """The first days of the last `count` calendar months, this one included, oldest first."""
    today = today or timezone.localdate()
    year, month = today.year, today.month
    starts = []
    for _index in range(count):
        starts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def monthly(rollups, today=None, count=TREND_MONTHS):
    """The measures of each of the last `count` calendar months (this one so far), oldest
    first, a month without answers included, from one query grouped by month."""
    today = today or timezone.localdate()
    starts = month_starts(today, count)
    grouped = (
        rollups.filter(day__gte=starts[0], day__lte=today)
        .annotate(month=TruncMonth("day"))
        .order_by()
        .values("month")
        .annotate(**sums())
    )
    by_month = {_as_date(row.pop("month")): measures(**row) for row in grouped}
    return [Month(start, by_month.get(start) or measures(*[0] * len(SUMS))) for start in starts]


def _as_date(value):
    # TruncMonth of a DateField is a date; some backends hand back a datetime.
    return value.date() if hasattr(value, "date") else value
