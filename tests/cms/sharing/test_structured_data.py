"""schema.org JSON-LD: CX Day and the awards ceremony as Events, the program as an
Organization, news as NewsArticles; a data block the Content Security Policy need not allow."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.cms.sharing.helpers import read

pytestmark = pytest.mark.django_db

EVENT_PROPERTIES = {
    "name",
    "startDate",
    "endDate",
    "location",
    "eventAttendanceMode",
    "organizer",
    "url",
}


def blocks_of(client, path, kind):
    return [data for data in read(client.get(path)).json_ld if data["@type"] == kind]


def test_cx_day_is_an_event_in_many_places_and_online(client, page_by_slug):
    page = page_by_slug("public-sector-cx-day")
    (event,) = blocks_of(client, "/public-sector-cx-day/", "Event")
    assert event["@context"] == "https://schema.org"
    assert set(event) >= EVENT_PROPERTIES
    assert event["startDate"] == page.starts.isoformat()
    assert event["endDate"] == page.ends.isoformat()
    assert datetime.fromisoformat(event["startDate"]).tzinfo is not None
    assert event["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    kinds = [location["@type"] for location in event["location"]]
    assert "Place" in kinds and "VirtualLocation" in kinds
    place = next(location for location in event["location"] if location["@type"] == "Place")
    assert place["address"]["addressLocality"] and place["address"]["addressCountry"]
    assert event["organizer"]["@type"] == "Organization"
    assert event["organizer"]["name"] == "Africa Public Sector CX Awards"


def test_the_awards_ceremony_is_an_event_once_its_date_is_set(client, page_by_slug):
    page = page_by_slug("2026-winners")
    path = page.url
    assert blocks_of(client, path, "Event") == []
    zone = ZoneInfo("Africa/Nairobi")
    page.ceremony_starts_at = datetime(2027, 11, 20, 18, 0, tzinfo=zone)
    page.ceremony_ends_at = datetime(2027, 11, 20, 21, 0, tzinfo=zone)
    page.ceremony_venue = "Kenyatta International Convention Centre, Nairobi"
    page.save_revision().publish()

    (event,) = blocks_of(client, path, "Event")
    assert set(event) >= EVENT_PROPERTIES
    assert datetime.fromisoformat(event["startDate"]) == page.ceremony_starts_at
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["@type"] == "Place"
    assert event["location"]["name"].startswith("Kenyatta")


def test_an_online_ceremony_has_a_virtual_location(client, page_by_slug):
    page = page_by_slug("2026-winners")
    page.ceremony_starts_at = datetime(2027, 11, 20, 18, 0, tzinfo=ZoneInfo("Africa/Lagos"))
    page.ceremony_online_url = "https://video.example.org/cx-awards"
    page.save_revision().publish()
    (event,) = blocks_of(client, page.url, "Event")
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["location"] == {
        "@type": "VirtualLocation",
        "url": "https://video.example.org/cx-awards",
    }


def test_the_home_page_describes_the_program(client):
    (organization,) = blocks_of(client, "/", "Organization")
    assert organization["name"] == "Africa Public Sector CX Awards"
    assert organization["url"] == "http://testserver/"
    assert organization["logo"].startswith("http://testserver/")
    (french,) = blocks_of(client, "/fr/", "Organization")
    assert french["name"] != organization["name"]  # in French


def test_a_news_article_is_a_news_article(client, page_by_slug):
    page = page_by_slug("open-letter-published")
    (article,) = blocks_of(client, page.url, "NewsArticle")
    assert article["headline"] == page.title
    assert article["datePublished"] == page.date.isoformat()
    assert article["image"][0].startswith("http://testserver/")
    assert article["publisher"]["@type"] == "Organization"
    assert article["inLanguage"] == "en"


def test_text_cannot_close_the_data_block(client, page_by_slug):
    page = page_by_slug("open-letter-published")
    page.title = "News </script><script>alert(1)</script>"
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "</script><script>alert(1)" not in html
    (article,) = blocks_of(client, page.url, "NewsArticle")
    assert article["headline"] == "News </script><script>alert(1)</script>"


@pytest.mark.parametrize("path", ["/", "/public-sector-cx-day/", "/news/"])
def test_the_policy_still_forbids_inline_scripts(client, path):
    header = client.get(path)["Content-Security-Policy"]
    directives = {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}
    script_src = directives.get("script-src", directives["default-src"])
    assert "'unsafe-inline'" not in script_src
    assert "'unsafe-eval'" not in script_src
