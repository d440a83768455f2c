"""Published figures of a service point, an agency or a country, read from the daily roll-ups
(never from the answers): by default the last 12 months, in one aggregate query. A list of
agencies (or points, or countries) with their figures is one grouped aggregate query too
(`measures_by`); a page that shows a total, a list and a monthly trend reads them all from one
query (`overview`)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import CharField, Func, Sum
from django.db.models.functions import Cast, TruncMonth
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


def no_answers() -> Measures:
    """The measures of a point, agency or country without answers in the period."""
    return measures(**dict.fromkeys(SUMS, 0))


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


# A page's figures in one read --------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    """What a page shows of some roll-ups over a period: the total, the figures of each group
    (agency, point...), and the figures of each month of the period, oldest first."""

    total: Measures
    groups: dict  # value of the grouping field -> Measures
    months: list  # Month for every month of the period, the first one partial

    def trend(self, count=TREND_MONTHS):
        """The last `count` months."""
        return self.months[-count:]


class MonthOf(Func):
    """The "YYYY-MM" of a date, in the database's own function: SQLite's TruncMonth calls back
    into Python for every row, which made a country page three times its one query."""

    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="substr(%(expressions)s, 1, 7)", **extra)

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="to_char(%(expressions)s, 'YYYY-MM')", **extra
        )

    def as_sql(self, compiler, connection, template=None, **extra):
        if template is None:  # other databases: Django's portable truncation, as text
            return Cast(TruncMonth(*self.get_source_expressions()), CharField()).as_sql(
                compiler, connection
            )
        return super().as_sql(compiler, connection, template=template, **extra)


def overview(rollups, field, period):
    """The Overview of `rollups` (already narrowed to a country, an agency...) over `period`,
    grouped by `field`: ONE query grouped by (field, month), read once and added up here, so a
    page costs about what one aggregate over the same roll-ups costs (bench/feedback.py)."""
    rows = (
        rollups.filter(day__gte=period.first, day__lte=period.last)
        .annotate(month=MonthOf("day"))
        .order_by()
        .values(field, "month")
        .annotate(**sums())
    )
    total, groups, months = _Tally(), defaultdict(_Tally), defaultdict(_Tally)
    for row in rows:
        group, month = row.pop(field), _month_start(row.pop("month"))
        for tally in (total, groups[group], months[month]):
            tally.add(row)
    return Overview(
        total=total.measures(),
        groups={group: tally.measures() for group, tally in groups.items()},
        months=[
            Month(start, months[start].measures()) for start in months_in(period.first, period.last)
        ],
    )


class _Tally:
    def __init__(self):
        self.sums = dict.fromkeys(SUMS, 0)

    def add(self, row):
        for name in SUMS:
            self.sums[name] += row[name] or 0

    def measures(self):
        return measures(**self.sums)


def months_in(first, last):
    """The first days of the months from `first`'s to `last`'s."""
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _month_start(text):
    year, month = text[:7].split("-")
    return date(int(year), int(month), 1)
