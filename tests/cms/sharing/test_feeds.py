"""The news feeds, Atom and RSS, one per language, parsed as a feed reader would."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Locale

from cms.models import NewsArticlePage

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def parsed(client, path, content_type):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    return ET.fromstring(response.content)


def live_news(language):
    return NewsArticlePage.objects.live().filter(locale__language_code=language)


def test_the_atom_feed_lists_the_news_newest_first(client):
    feed = parsed(client, "/feeds/news.atom", "application/atom+xml")
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    newest = live_news("en").order_by("-date", "-pk")
    assert [entry.find(f"{ATOM}title").text for entry in entries] == [
        article.title for article in newest[:20]
    ]
    first = entries[0]
    assert first.find(f"{ATOM}link").get("href") == "http://testserver" + newest[0].url
    assert first.find(f"{ATOM}published").text.startswith(newest[0].date.isoformat())
    assert first.find(f"{ATOM}summary").text


def test_the_rss_feed_in_french_lists_the_french_news(client):
    rss = parsed(client, "/fr/feeds/news.rss", "application/rss+xml")
    channel = rss.find("channel")
    assert channel.find("language").text == "fr"
    links = [item.find("link").text for item in channel.findall("item")]
    assert links and all(link.startswith("http://testserver/fr/") for link in links)
    assert len(links) == live_news("fr").count()
    assert channel.find("link").text == "http://testserver/fr/actualites/"


def test_a_draft_article_is_not_in_the_feed(client, page_by_slug):
    page = page_by_slug("open-letter-published")
    page.unpublish()
    feed = parsed(client, "/feeds/news.atom", "application/atom+xml")
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert page.title not in titles


@override_settings(LANGUAGES=[*settings.LANGUAGES, ("es", "Spanish")])
def test_a_language_without_news_has_an_empty_feed(client):
    """A language the site answers in (LANGUAGES) that has no Wagtail locale, so no pages and
    no news, while the four content languages each have theirs."""
    assert not Locale.objects.filter(language_code="es").exists()
    for language in ("en", "fr", "pt", "ar"):
        assert live_news(language).exists()
    feed = parsed(client, "/es/feeds/news.atom", "application/atom+xml")
    assert feed.findall(f"{ATOM}entry") == []
    assert parsed(client, "/pt/feeds/news.atom", "application/atom+xml").findall(f"{ATOM}entry")


def test_the_sitemap_lists_each_pages_translations(client):
    body = client.get("/sitemap.xml").content.decode()
    assert (
        '<xhtml:link rel="alternate" hreflang="fr" href="http://testserver/fr/lettre-ouverte/"/>'
        in body
    )
    assert (
        '<xhtml:link rel="alternate" hreflang="x-default" href="http://testserver/open-letter/"/>'
        in body
    )
