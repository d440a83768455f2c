"""Measured results in a nomination: the figures of the citizen feedback platform, frozen into
`Nomination.measured_results` when the nominator attaches them (docs/feedback.md, "Into the
awards").

Nominations never imports the platform (docs/architecture.md): the platform registers a source
under the Wagtail hook `SOURCES_HOOK` (feedback/wagtail_hooks.py). A source is an object with

    choices(user)                     [(value, label), ...]: what this user may attach (the
                                      agencies they are staff of); empty for anyone else
    snapshot(user, value, period)     the frozen figures (a JSON-ready dict, `SNAPSHOT KEYS`
                                      below), or raises `NotYours` when `value` is not among
                                      the user's choices

This module chooses the period, asks the sources, and turns a stored snapshot into what pages,
the PDF and the exports show (`shown`, `export_values`). The nominator never types a figure: the
form posts a choice and a period only.

Snapshot keys: source_name, source_slug, country, period_key, first, last (ISO dates), answers,
measures ({"satisfied"|"effort"|"resolved"|"nps": {"value", "low", "high", "n"} or None}),
method (a note on how the figures are computed), taken_at (ISO time).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

SOURCES_HOOK = "measured_results_sources"
LABEL = _("Measured by the citizen feedback platform")

LAST_12 = "last12"
LAST_6 = "last6"
BEFORE_OPENING = "cycle"
MEASURES = (
    ("satisfied", _("Satisfied"), "%"),
    ("effort", _("Customer Effort Score (1-7)"), ""),
    ("resolved", _("Resolved at the first contact"), "%"),
    ("nps", _("Net Promoter Score"), ""),
)


class NotYours(Exception):
    """The chosen source is not one the user may attach (another agency's, or made up)."""


@dataclass(frozen=True)
class Period:
    key: str
    first: date
    last: date


def _months_back(day, months):
    """The same day `months` months earlier (the month's last day when it has no such day)."""
    month = day.month - months
    year = day.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    for last_day in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=last_day)
        except ValueError:
            continue
    raise ValueError(day)


def _months_to(last, months):
    """`months` months ending on `last`: from the day after the same date `months` earlier."""
    return _months_back(last, months) + timedelta(days=1), last


def period_choices(cycle, today=None):
    """(key, label) of the periods a nominator may choose. The twelve months before the cycle
    opened to nominations are offered when they are not the last twelve months already."""
    today = today or timezone.localdate()
    choices = [(LAST_12, _("The last 12 months")), (LAST_6, _("The last 6 months"))]
    opened = timezone.localdate(cycle.nominations_open_at) if cycle else None
    if opened and opened <= today and opened != today:
        choices.append((BEFORE_OPENING, _("The 12 months before nominations opened")))
    return choices


def period(key, cycle, today=None):
    """The Period of a choice (ValueError for a key that is not offered)."""
    today = today or timezone.localdate()
    if key not in dict(period_choices(cycle, today)):
        raise ValueError(key)
    if key == LAST_12:
        return Period(key, *_months_to(today, 12))
    if key == LAST_6:
        return Period(key, *_months_to(today, 6))
    last = timezone.localdate(cycle.nominations_open_at) - timedelta(days=1)
    return Period(key, *_months_to(last, 12))


def sources():
    return list(hooks.get_hooks(SOURCES_HOOK))


def choices_for(user):
    """Every (value, label) the user may attach, from every registered source."""
    if not user.is_authenticated:
        return []
    return [choice for source in sources() for choice in source.choices(user)]


def take_snapshot(user, value, period):
    """The frozen figures of `value` for the period; NotYours when no source gives it to this
    user."""
    for source in sources():
        if value in dict(source.choices(user)):
            return source.snapshot(user, value, period)
    raise NotYours(value)


# Reading a stored snapshot ----------------------------------------------------------------------
@dataclass(frozen=True)
class ShownMeasure:
    name: str
    label: str
    value: float | None
    low: float | None
    high: float | None
    n: int | None
    unit: str

    @property
    def enough(self):
        return self.value is not None

    def _number(self, number):
        return f"{number:.1f}" if self.name == "effort" else f"{number:.0f}"

    @property
    def text(self):
        if not self.enough:
            return ""
        return f"{self._number(self.value)}{self.unit}"

    @property
    def interval(self):
        if not self.enough:
            return ""
        return f"{self._number(self.low)}–{self._number(self.high)}{self.unit}"


@dataclass(frozen=True)
class Shown:
    label: str
    source_name: str
    country: str
    first: date
    last: date
    answers: int
    measures: list
    method: str
    taken_at: datetime | None


def shown(snapshot):
    """A stored snapshot as pages show it (None for none)."""
    if not snapshot:
        return None
    figures = snapshot.get("measures") or {}
    measures = []
    for name, label, unit in MEASURES:
        figure = figures.get(name) or {}
        measures.append(
            ShownMeasure(
                name,
                str(label),
                figure.get("value"),
                figure.get("low"),
                figure.get("high"),
                figure.get("n"),
                unit,
            )
        )
    taken = snapshot.get("taken_at")
    return Shown(
        label=str(LABEL),
        source_name=snapshot.get("source_name", ""),
        country=snapshot.get("country", ""),
        first=date.fromisoformat(snapshot["first"]),
        last=date.fromisoformat(snapshot["last"]),
        answers=snapshot.get("answers", 0),
        measures=measures,
        method=snapshot.get("method", ""),
        taken_at=datetime.fromisoformat(taken) if taken else None,
    )


def export_headers():
    """The exports' columns for measured results (after the nomination's own)."""
    return [
        str(_("Measured: source")),
        str(_("Measured: period")),
        str(_("Measured: answers")),
        str(_("Measured: satisfied [interval]")),
        str(_("Measured: CES [interval]")),
        str(_("Measured: resolved [interval]")),
        str(_("Measured: NPS [interval]")),
    ]


def export_values(snapshot):
    """The cells of `export_headers` for one nomination (empty when it has no snapshot)."""
    view = shown(snapshot)
    if view is None:
        return [""] * len(export_headers())
    cells = [
        view.source_name,
        f"{view.first.isoformat()} – {view.last.isoformat()}",
        view.answers,
    ]
    for measure in view.measures:
        cells.append(f"{measure.text} [{measure.interval}]" if measure.enough else "")
    return cells
