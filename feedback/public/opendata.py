"""The open data: monthly aggregates per agency (with its country), read from the daily roll-ups
in one grouped query, as rows the CSV file and the JSON API share (docs/open-data.md).

Only counts from the roll-ups are published, and the figures derived from them (the % and
intervals, only from MINIMUM_ANSWERS answers, as on the pages). No comment text and nothing of a
single answer is in the open data: comments are published one by one after moderation, with the
agency's reply beside them, under the platform's conditions; a file anyone can copy and keep
could not follow a comment being withdrawn, and free text may still say who someone is."""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from awards_site.vocabularies.countries import country_name
from feedback.models import Agency, AgencyMonthlyRollup
from feedback.results import SUMS, measures

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = (
    "Citizen feedback data of the Africa Public Sector CX Awards, licensed under CC BY 4.0"
)

# The columns of a row, in the order of the CSV file; docs/open-data.md describes each.
COUNTS = ("answers", "satisfied", "resolved", "promoters", "detractors")
DERIVED = (
    "satisfied_percent",
    "satisfied_low",
    "satisfied_high",
    "resolved_percent",
    "resolved_low",
    "resolved_high",
    "ces",
    "ces_low",
    "ces_high",
    "nps",
    "nps_low",
    "nps_high",
)
COLUMNS = (
    "month",
    "country",
    "country_name",
    "agency",
    "agency_slug",
    *COUNTS,
    "effort_mean",
    *DERIVED,
)

MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class BadFilter(ValueError):
    """A filter the API cannot use; its message says what to send instead."""


@dataclass(frozen=True)
class Filters:
    country: str | None = None
    agency: str | None = None
    first: datetime.date | None = None  # the first month counted
    last: datetime.date | None = None  # the first day of the last month counted


def _month(name, value):
    match = MONTH.match(value)
    if not match or not 1 <= int(match[2]) <= 12:
        raise BadFilter(
            _("“%(name)s” must be a month written YYYY-MM, such as 2025-03; “%(value)s” is not.")
            % {"name": name, "value": value[:20]}
        )
    return datetime.date(int(match[1]), int(match[2]), 1)


def parse_filters(query):
    """Filters from a query string (a QueryDict); BadFilter names what is wrong."""
    country = query.get("country", "").strip().upper() or None
    if country is not None and not re.fullmatch(r"[A-Z]{2}", country):
        raise BadFilter(_("“country” must be a two-letter country code (ISO 3166-1), such as KE."))
    agency = query.get("agency", "").strip() or None
    if agency is not None and not re.fullmatch(r"[-a-zA-Z0-9_]{1,80}", agency):
        raise BadFilter(_("“agency” must be an agency’s slug, as the agencies list gives it."))
    first = _month("from", query["from"].strip()) if query.get("from", "").strip() else None
    last = _month("to", query["to"].strip()) if query.get("to", "").strip() else None
    if first and last and first > last:
        raise BadFilter(_("“from” must be a month before or equal to “to”."))
    return Filters(country=country, agency=agency, first=first, last=last)


def _next_month(day):
    return datetime.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def monthly_aggregates(filters=Filters()):
    """The grouped query: one row of sums per month and agency, oldest month first, from the
    agencies' monthly roll-ups (the filters name whole months)."""
    rollups = AgencyMonthlyRollup.objects.all()
    if filters.country:
        rollups = rollups.filter(agency__country=filters.country)
    if filters.agency:
        rollups = rollups.filter(agency__slug=filters.agency)
    if filters.first:
        rollups = rollups.filter(month__gte=filters.first)
    if filters.last:
        rollups = rollups.filter(month__lt=_next_month(filters.last))
    return (
        rollups.order_by()
        .values(
            "month",
            "agency__country",
            "agency__name",
            "agency__slug",
        )
        .annotate(**{name: Sum(name) for name in SUMS})
        .order_by("month", "agency__country", "agency__slug")
    )


def _rounded(value, places=1):
    return None if value is None else round(value, places)


def _figure(figure, places=1):
    if figure is None:
        return None, None, None
    return (
        _rounded(figure.value, places),
        _rounded(figure.low, places),
        _rounded(figure.high, places),
    )


def row_of(sums):
    """An open-data row (a dict in COLUMNS order) from one grouped row of sums."""
    month = sums["month"]
    month = month.date() if isinstance(month, datetime.datetime) else month
    counts = {name: sums[name] or 0 for name in SUMS}
    figures = measures(**counts)
    n = counts["n"]
    row = {
        "month": month.strftime("%Y-%m"),
        "country": sums["agency__country"],
        "country_name": str(country_name(sums["agency__country"])),
        "agency": sums["agency__name"],
        "agency_slug": sums["agency__slug"],
        "answers": n,
        "satisfied": counts["satisfied"],
        "resolved": counts["resolved"],
        "promoters": counts["promoters"],
        "detractors": counts["detractors"],
        "effort_mean": _rounded(counts["effort_sum"] / n, 2) if n else None,
    }
    for name, figure, places in (
        ("satisfied_percent", figures.satisfied, 1),
        ("resolved_percent", figures.resolved, 1),
        ("ces", figures.effort, 2),
        ("nps", figures.nps, 1),
    ):
        prefix = name.removesuffix("_percent")
        value, low, high = _figure(figure, places)
        row.update({name: value, f"{prefix}_low": low, f"{prefix}_high": high})
    return {column: row[column] for column in COLUMNS}


def agencies():
    """The agencies, as the API lists them (one query)."""
    return Agency.objects.order_by("country", "name").values("name", "slug", "country")


def countries():
    """{country code: number of agencies} of the countries that have agencies (one query)."""
    grouped = Agency.objects.order_by().values("country").annotate(agencies=Count("pk"))
    return {row["country"]: row["agencies"] for row in grouped}
