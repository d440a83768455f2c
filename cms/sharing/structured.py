"""schema.org JSON-LD: an `Event` for CX Day and for the awards ceremony (on the winners page,
when its date is set), the program's `Organization` on the home page, a `NewsArticle` for each
news article. It goes in <script type="application/ld+json">: a data block, which the browser
never runs, so the Content Security Policy (script-src 'self', no inline script) stays as it
is. The JSON is written with <, > and & escaped, so no text can close the element."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from awards_site.site_url import absolute_url
from cms.sharing import cards

CONTEXT = "https://schema.org"
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
ONLINE = "https://schema.org/OnlineEventAttendanceMode"
MIXED = "https://schema.org/MixedEventAttendanceMode"
SCHEDULED = "https://schema.org/EventScheduled"


def as_script_data(data):
    """The JSON text to put inside <script type="application/ld+json">."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None)
    return mark_safe(text.translate(ESCAPES))


def organization(language, site_settings=None):
    """The program as an Organization: its name, address, logo and social profiles."""
    data = {
        "@type": "Organization",
        "name": cards.program_name(language),
        "url": absolute_url("/"),
        "logo": absolute_url("/static/img/logo.svg"),
    }
    if site_settings is not None:
        profiles = [url for _name, url in site_settings.social_links()]
        if profiles:
            data["sameAs"] = profiles
        if site_settings.contact_email:
            data["email"] = site_settings.contact_email
    return data


def for_home_page(page, shared, site_settings=None):
    return {"@context": CONTEXT, **organization(shared.language, site_settings)}


def for_news_article(page, shared):
    published = page.date
    return {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": shared.description,
        "datePublished": published.isoformat(),
        "dateModified": (page.last_published_at or published).isoformat(),
        "inLanguage": shared.language,
        "image": [shared.image_url],
        "mainEntityOfPage": shared.url,
        "url": shared.url,
        "author": organization(shared.language),
        "publisher": organization(shared.language),
    }


def _event(name, shared, starts, ends, location, attendance):
    return {
        "@context": CONTEXT,
        "@type": "Event",
        "name": name,
        "description": shared.description,
        "startDate": starts.isoformat(),
        "endDate": ends.isoformat(),
        "eventStatus": SCHEDULED,
        "eventAttendanceMode": attendance,
        "location": location,
        "image": [shared.image_url],
        "url": shared.url,
        "inLanguage": shared.language,
        "organizer": organization(shared.language),
    }


def for_cx_day(page, shared):
    """CX Day: held in many places at once (each activity a Place) and online (the page)."""
    places = [
        {
            "@type": "Place",
            "name": activity.title,
            "address": {
                "@type": "PostalAddress",
                "addressLocality": activity.city,
                "addressCountry": activity.country,
            },
        }
        for activity in page.activities.all()
    ]
    online = {"@type": "VirtualLocation", "url": shared.url}
    if places:
        return _event(page.title, shared, page.starts, page.ends, [*places, online], MIXED)
    return _event(page.title, shared, page.starts, page.ends, online, ONLINE)


def for_ceremony(page, shared):
    """The awards ceremony of a winners page, once its start is set."""
    starts = page.ceremony_starts_at
    if starts is None:
        return None
    ends = page.ceremony_ends_at or starts
    locations = []
    if page.ceremony_venue:
        locations.append(
            {"@type": "Place", "name": page.ceremony_venue, "address": page.ceremony_venue}
        )
    if page.ceremony_online_url:
        locations.append({"@type": "VirtualLocation", "url": page.ceremony_online_url})
    if not locations:
        locations.append({"@type": "VirtualLocation", "url": shared.url})
    if page.ceremony_venue and page.ceremony_online_url:
        attendance = MIXED
    elif page.ceremony_venue:
        attendance = OFFLINE
    else:
        attendance = ONLINE
    name = gettext("Awards ceremony: %(title)s") % {"title": page.title}
    location = locations[0] if len(locations) == 1 else locations
    return _event(name, shared, starts, ends, location, attendance)


def for_page(page, shared, site_settings=None):
    """[data] of the page's JSON-LD blocks (none for most pages)."""
    from cms.models import CXDayPage, HomePage, NewsArticlePage, WinnersPage

    if isinstance(page, HomePage):
        return [for_home_page(page, shared, site_settings)]
    if isinstance(page, NewsArticlePage):
        return [for_news_article(page, shared)]
    if isinstance(page, CXDayPage):
        return [for_cx_day(page, shared)]
    if isinstance(page, WinnersPage):
        ceremony = for_ceremony(page, shared)
        return [ceremony] if ceremony else []
    return []
