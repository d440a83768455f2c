"""Published figures of a service point, an agency or a country, read from the roll-ups (never
from the answers): by default the last 12 months, from the monthly roll-ups (the points', or the
agencies' own for figures by agency: `by_agency`), in one aggregate query; any other period from
the daily ones. A list of agencies (or points, or countries) with their figures is one grouped
aggregate query too (`measures_by`); a page that shows a total, a list and a monthly trend reads
them all from one query (`overview`)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import connections
from django.db.models import CharField, F, Func, Sum
from django.db.models.functions import Cast, TruncMonth
from django.utils import timezone

from feedback.measures import Measures, measures
from feedback.models import AgencyMonthlyRollup, DailyRollup, MonthlyRollup, RollupSums

SUMS = RollupSums.SUMS
PERIOD_MONTHS = 12


@dataclass(frozen=True)
class Period:
    first: date  # the first day counted
    last: date  # the last day counted (today)


def last_twelve_months(today=None):
    """This month so far and the eleven whole months before it: the period every published
    figure covers, read from the monthly roll-ups."""
    today = today or timezone.localdate()
    months_back = today.year * 12 + today.month - 1 - (PERIOD_MONTHS - 1)
    return Period(first=date(months_back // 12, months_back % 12 + 1, 1), last=today)


def whole_months(period):
    """True when the period's answers are those of whole months: it starts on a month's first
    day and ends on a month's last day, or today (no answer is dated later)."""
    ends_a_month = (period.last + timedelta(days=1)).day == 1
    return period.first.day == 1 and (ends_a_month or period.last >= timezone.localdate())


def no_answers() -> Measures:
    """The measures of a point, agency or country without answers in the period."""
    return measures(**dict.fromkeys(SUMS, 0))


def rollups_in(period):
    """The roll-ups of the period, to narrow to a point, an agency or a country: the monthly
    ones when the period is whole months (about a thirtieth of the rows), else the daily."""
    if whole_months(period):
        return MonthlyRollup.objects.filter(month__gte=period.first, month__lte=period.last)
    return DailyRollup.objects.filter(day__gte=period.first, day__lte=period.last)


def by_agency(period):
    """The roll-ups of the period to group or narrow by agency, and the agency's name in them:
    the agencies' own monthly ones when the period is whole months (a row per agency and month),
    else the points' daily ones. Narrow with f"{name}__country" and the like."""
    if whole_months(period):
        months = AgencyMonthlyRollup.objects.filter(month__gte=period.first, month__lte=period.last)
        return months, "agency"
    return rollups_in(period), "point__agency"


def date_field(rollups):
    """The name of the date of these roll-ups' rows: "day", or "month" (a first day)."""
    return "day" if rollups.model is DailyRollup else "month"


def month_of(rollups):
    """An expression for the first day of each row's month."""
    if rollups.model is DailyRollup:
        return TruncMonth("day")
    return F("month")


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
    """The Overview of `rollups` (`rollups_in(period)` narrowed to a country, an agency...),
    grouped by `field`: ONE query, which reads the roll-ups once and hands back a row per group
    and a row per month (`_sums_by_group_and_by_month`), so a page costs about what one aggregate
    over the same roll-ups costs (bench/feedback.py)."""
    by_group_and_month = (
        rollups.order_by()
        .values(grouped_by=F(field), in_month=MonthOf(date_field(rollups)))
        .annotate(**sums())
    )
    groups, months = {}, {}
    for group, month, sums_of_row in _sums_by_group_and_by_month(by_group_and_month):
        if month is None:
            groups[group] = measures(**sums_of_row)
        else:
            months[_month_start(month)] = sums_of_row
    total = _Tally()
    for sums_of_month in months.values():
        total.add(sums_of_month)
    return Overview(
        total=total.measures(),
        groups=groups,
        months=[
            Month(start, measures(**months[start]) if start in months else no_answers())
            for start in months_in(period.first, period.last)
        ],
    )


def _sums_by_group_and_by_month(by_group_and_month):
    """(group, None, sums) for each group, then (None, "YYYY-MM", sums) for each month, from a
    query of sums grouped by (grouped_by, in_month), added up again by the database.

    Raw SQL because Django has no common table expression (nor GROUPING SETS): the rows by group
    and month are computed once and added up twice. Reading them into Python instead (a row per
    point and month: 1,000 for an 82-point dashboard) was 80% of the dashboard's figures on
    SQLite; two grouped queries joined by UNION ALL read the roll-ups twice, which PostgreSQL does
    with two scans of the monthly table."""
    inner, params = by_group_and_month.query.get_compiler(using=by_group_and_month.db).as_sql()
    quote = connections[by_group_and_month.db].ops.quote_name
    # SUM of a SUM is NUMERIC on PostgreSQL (a Decimal here): back to whole numbers.
    added = ", ".join(f"CAST(SUM({quote(name)}) AS BIGINT)" for name in SUMS)
    group, month = quote("grouped_by"), quote("in_month")
    sql = (
        f"WITH by_group_and_month AS ({inner}) "
        f"SELECT {group}, NULL, {added} FROM by_group_and_month GROUP BY {group} "
        f"UNION ALL SELECT NULL, {month}, {added} FROM by_group_and_month GROUP BY {month}"
    )
    with connections[by_group_and_month.db].cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            yield row[0], row[1], dict(zip(SUMS, row[2:], strict=True))


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
