"""The Public Sector CX Day as an iCalendar event people add to their own calendar."""

from icalendar import Calendar, Event

from awards_site.site_url import absolute_url


def cx_day_calendar(page, request):
    calendar = Calendar()
    calendar.add("prodid", "-//Africa Public Sector CX Awards//CX Day//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"cx-day-{page.translation_key}-{page.event_date.isoformat()}@cx-awards")
    event.add("summary", page.title)
    event.add("dtstart", page.starts)
    event.add("dtend", page.ends)
    event.add("dtstamp", page.last_published_at or page.starts)
    url = page.get_url(request)
    # The address people reach (SITE_URL), not the Wagtail site record's host name.
    event.add("url", absolute_url(url) if url.startswith("/") else url)
    if page.intro:
        event.add("description", page.intro)
    calendar.add_component(event)
    return calendar.to_ical()
