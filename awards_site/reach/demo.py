"""The demo's reach figures (the `load_demo_part` hook, awards_site/wagtail_hooks.py): the last
fourteen days of two campaigns, "cx-day-2027" (LinkedIn and the newsletter) and
"nominations-open" (WhatsApp and email), beside the visits that came without a campaign, so the
Campaign reach report has something to show after `make run`. Made-up but plausible numbers,
the same on every run (a seeded generator); nothing is added when the demo's rows exist."""

import random
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page, Site

from awards_site.reach.kinds import CONVERSIONS
from awards_site.reach.models import ConversionDay, ReachDay

DAYS = 14
# campaign, source, referrer domain, the pages its links lead to, views a day at its peak.
CAMPAIGNS = [
    ("cx-day-2027", "linkedin", "www.linkedin.com", ["/public-sector-cx-day/", "/pledge/"], 120),
    ("cx-day-2027", "newsletter", "", ["/public-sector-cx-day/", "/"], 60),
    ("nominations-open", "whatsapp", "", ["/nominate/", "/"], 90),
    ("nominations-open", "email", "mail.google.com", ["/nominate/"], 40),
]
# Visits without a campaign: referrer domain, views a day.
DIRECT = [("", 150), ("www.google.com", 80), ("www.bing.com", 10), ("t.co", 12)]
DIRECT_PAGES = ["/", "/about/", "/news/", "/open-letter/", "/pledge/", "/nominate/"]
# Conversions per 100 views of each campaign's pages.
RATES = {
    CONVERSIONS.NOMINATION_STARTED: 2.0,
    CONVERSIONS.NOMINATION_SENT: 0.8,
    CONVERSIONS.SIGNED: 3.0,
    CONVERSIONS.ENQUIRY_SENT: 0.3,
    CONVERSIONS.SUBSCRIBED: 1.5,
}


def _peaked(peak, day_number, generator):
    """A launch on the fourth day, then a slow decline, with some noise."""
    shape = 0.2 if day_number < 3 else max(0.15, 1 - 0.08 * (day_number - 3))
    return max(0, round(peak * shape * generator.uniform(0.8, 1.2)))


def _page_ids(paths):
    """{path: the English page's id} for the paths that are pages of the default site."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return {}
    prefix = site.root_page.url_path
    found = Page.objects.filter(url_path__in=[prefix + path.lstrip("/") for path in paths])
    return {
        "/" + url_path.removeprefix(prefix): pk
        for pk, url_path in found.values_list("pk", "url_path")
    }


def load():
    if ReachDay.objects.filter(campaign__in=[c[0] for c in CAMPAIGNS]).exists():
        return
    pages = _page_ids({*DIRECT_PAGES, *(path for c in CAMPAIGNS for path in c[3])})
    generator = random.Random(2027)
    today = timezone.localdate()
    views, conversions = [], {}
    for number in range(DAYS):
        day = today - timedelta(days=DAYS - 1 - number)
        for campaign, source, referrer, paths, peak in CAMPAIGNS:
            total = _peaked(peak, number, generator)
            for index, path in enumerate(paths):
                share = total * (0.7 if index == 0 else 0.3) if len(paths) > 1 else total
                views.append(
                    ReachDay(
                        day=day,
                        path=path,
                        page_id=pages.get(path),
                        referrer=referrer,
                        campaign=campaign,
                        source=source,
                        views=max(1, round(share)),
                    )
                )
            for kind, rate in RATES.items():
                count = round(total * rate / 100 * generator.uniform(0.5, 1.5))
                if count:
                    key = (day, kind.value, campaign, source)
                    conversions[key] = conversions.get(key, 0) + count
        for referrer, daily in DIRECT:
            for path in DIRECT_PAGES:
                count = round(daily / len(DIRECT_PAGES) * generator.uniform(0.6, 1.4))
                if count:
                    views.append(
                        ReachDay(
                            day=day,
                            path=path,
                            page_id=pages.get(path),
                            referrer=referrer,
                            views=count,
                        )
                    )
        for kind in (CONVERSIONS.SIGNED, CONVERSIONS.NOMINATION_STARTED, CONVERSIONS.SUBSCRIBED):
            conversions[(day, kind.value, "", "")] = generator.randint(1, 4)
    ReachDay.objects.bulk_create(views)
    ConversionDay.objects.bulk_create(
        ConversionDay(day=day, kind=kind, campaign=campaign, source=source, count=count)
        for (day, kind, campaign, source), count in conversions.items()
    )
