"""The measured trend of a case study's agency, before and after the change: the monthly figures
of feedback's results (feedback/results.py, `overview`: one query over the daily roll-ups) and
its bar chart (feedback/public/trends.py), never computed here. From six months before the
month of the change to this month (24 months at most). Kept for the public figures' time
(FEEDBACK_PAGE_SECONDS, feedback/public/caching.py): a new answer shows within it, as on the
agency's own figures page."""

from dataclasses import dataclass
from datetime import date

from django.core.cache import cache
from django.utils import timezone

from feedback.models import DailyRollup
from feedback.public.caching import seconds
from feedback.public.trends import chart
from feedback.results import Period, overview

MONTHS_BEFORE = 6
MOST_MONTHS = 24


@dataclass(frozen=True)
class Trend:
    change_month: date
    before: list  # feedback.results.Month, oldest first
    after: list

    @property
    def months(self):
        return [*self.before, *self.after]

    @property
    def chart(self):
        return chart(self.months)


def _months_back(month, count):
    year, number = month.year, month.month - count
    while number < 1:
        year, number = year - 1, number + 12
    return date(year, number, 1)


def _compute(agency_id, change_date, today):
    change_month = change_date.replace(day=1)
    first = _months_back(change_month, MONTHS_BEFORE)
    if today < first:
        return None
    figures = overview(
        DailyRollup.objects.filter(point__agency_id=agency_id), "point", Period(first, today)
    )
    if not figures.total.n:
        return None
    months = figures.trend(MOST_MONTHS)
    return Trend(
        change_month=change_month,
        before=[m for m in months if m.month < change_month],
        after=[m for m in months if m.month >= change_month],
    )


def measured_trend(page, today=None):
    """The Trend of the page's agency around its change, or None (no agency, no date of the
    change, or no answers in the period)."""
    if page.agency_id is None or page.change_date is None:
        return None
    today = today or timezone.localdate()
    if seconds() <= 0:
        return _compute(page.agency_id, page.change_date, today)
    key = f"library-case-trend:{page.agency_id}:{page.change_date}:{today}"
    kept = cache.get(key)
    if kept is None:
        kept = (_compute(page.agency_id, page.change_date, today),)
        cache.set(key, kept, seconds())
    return kept[0]
