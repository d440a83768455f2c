"""The reach report's figures, from the day rows only (a fixed number of queries, however many
days, pages and campaigns): per campaign and source, the views, the top referrer domains and the
conversions of each kind; per campaign, the views of each day."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awards_site.reach.kinds import KINDS
from awards_site.reach.models import ConversionDay, ReachDay

TOP_REFERRERS = 3
PERIODS = (7, 30, 90, 365)  # days, today included
DEFAULT_PERIOD = 30
NO_CAMPAIGN = _("(no campaign)")
CONVERSION_PREFIX = "conversions_"


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @classmethod
    def last(cls, days, today=None):
        today = today or timezone.localdate()
        return cls(today - timedelta(days=days - 1), today)

    def days(self):
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]


@dataclass
class CampaignRow:
    campaign: str
    source: str
    views: int = 0
    referrers: list = field(default_factory=list)  # (domain, views), most views first
    conversions: dict = field(default_factory=dict)  # kind: count

    def __getattr__(self, name):
        """`conversions_<kind>`: the count of that kind (the report's columns and export)."""
        if name.startswith(CONVERSION_PREFIX):
            return self.__dict__["conversions"].get(name.removeprefix(CONVERSION_PREFIX), 0)
        raise AttributeError(name)

    @property
    def campaign_label(self):
        return self.campaign or str(NO_CAMPAIGN)

    @property
    def top_referrers(self):
        return ", ".join(f"{domain} ({views})" for domain, views in self.referrers)


def _rows_in(model, period, campaign):
    rows = model.objects.filter(day__range=(period.start, period.end))
    return rows.filter(campaign=campaign) if campaign is not None else rows


def campaign_rows(period, campaign=None):
    """A row per (campaign, source) with views or conversions in `period`: three queries."""
    rows = {}

    def row(campaign_name, source):
        key = (campaign_name, source)
        if key not in rows:
            rows[key] = CampaignRow(campaign_name, source)
        return rows[key]

    views = _rows_in(ReachDay, period, campaign).values("campaign", "source")
    for found in views.annotate(total=Sum("views")).order_by():
        row(found["campaign"], found["source"]).views = found["total"]
    referrers = (
        _rows_in(ReachDay, period, campaign)
        .exclude(referrer="")
        .values("campaign", "source", "referrer")
        .annotate(total=Sum("views"))
        .order_by("-total", "referrer")
    )
    for found in referrers:
        listed = row(found["campaign"], found["source"]).referrers
        if len(listed) < TOP_REFERRERS:
            listed.append((found["referrer"], found["total"]))
    conversions = _rows_in(ConversionDay, period, campaign).values("campaign", "source", "kind")
    for found in conversions.annotate(total=Sum("count")).order_by():
        row(found["campaign"], found["source"]).conversions[found["kind"]] = found["total"]
    return sorted(
        rows.values(),
        key=lambda r: (
            r.campaign == "",
            -r.views,
            -sum(r.conversions.values()),
            r.campaign,
            r.source,
        ),
    )


def daily_views(period, campaigns):
    """{campaign: [(day, views) for every day of `period`]}: one query."""
    days = period.days()
    by_campaign = {name: dict.fromkeys(days, 0) for name in campaigns}
    found = (
        _rows_in(ReachDay, period, None)
        .filter(campaign__in=list(campaigns))
        .values("campaign", "day")
        .annotate(total=Sum("views"))
        .order_by()
    )
    for item in found:
        by_campaign[item["campaign"]][item["day"]] = item["total"]
    return {name: list(counts.items()) for name, counts in by_campaign.items()}


def campaign_names():
    """Every campaign any view or conversion was counted for, in order: one query."""
    views = ReachDay.objects.exclude(campaign="").values_list("campaign", flat=True)
    conversions = ConversionDay.objects.exclude(campaign="").values_list("campaign", flat=True)
    return sorted(set(views.union(conversions)))


def conversion_columns():
    """(attribute, heading) of each kind of conversion, in the vocabulary's order."""
    return [(f"{CONVERSION_PREFIX}{kind.value}", kind.column) for kind in KINDS]
