"""Share links on campaign pages: plain links to each network with the page's address and
title, a "copy link" that is a link to the page, no third-party script."""

from urllib.parse import parse_qs, urlsplit

import pytest

from tests.cms.sharing.helpers import read

pytestmark = pytest.mark.django_db

SITE = "http://testserver"


def share_links(client, path):
    head = read(client.get(path))
    return {
        anchor["class"].split("--")[-1]: anchor
        for anchor in head.anchors
        if "share-links__link" in anchor.get("class", "")
    }


def query(href):
    return {key: values[0] for key, values in parse_qs(urlsplit(href).query).items()}


@pytest.mark.parametrize(
    "slug",
    ["open-letter", "pledge", "public-sector-cx-day", "2026-winners", "open-letter-published"],
)
def test_campaign_pages_have_every_share_link(client, page_by_slug, slug):
    page = page_by_slug(slug)
    links = share_links(client, page.url)
    assert set(links) == {"whatsapp", "linkedin", "x", "facebook", "email", "copy"}
    url = SITE + page.url
    assert links["whatsapp"]["href"].startswith("https://wa.me/?")
    assert query(links["whatsapp"]["href"])["text"] == f"{page.title} {url}"
    assert query(links["linkedin"]["href"]) == {"url": url}
    assert links["linkedin"]["href"].startswith("https://www.linkedin.com/sharing/share-offsite/")
    assert query(links["x"]["href"])["url"] == url
    assert query(links["x"]["href"])["text"] == page.title
    assert query(links["facebook"]["href"]) == {"u": url}
    assert links["email"]["href"].startswith("mailto:?")
    assert query(links["email"]["href"])["subject"] == page.title
    assert url in query(links["email"]["href"])["body"]
    assert links["copy"]["href"] == url and "data-copy-link" in links["copy"]
    for network in ("whatsapp", "linkedin", "x", "facebook"):
        assert "noopener" in links[network]["rel"].split()
        assert " " not in links[network]["href"]  # encoded
    for anchor in links.values():
        assert anchor["aria-label"]


def test_the_home_page_is_the_call_for_nominations_and_has_them(client):
    links = share_links(client, "/")
    assert query(links["x"]["href"])["hashtags"]  # the site's hashtag
    assert query(links["linkedin"]["href"]) == {"url": SITE + "/"}


def test_share_links_are_translated(client):
    links = share_links(client, "/fr/lettre-ouverte/")
    assert query(links["linkedin"]["href"]) == {"url": SITE + "/fr/lettre-ouverte/"}


def test_other_pages_have_none(client):
    assert share_links(client, "/about/") == {}
    assert share_links(client, "/search/") == {}


def test_no_third_party_script_or_pixel(client):
    html = client.get("/open-letter/").content.decode()
    for host in ("facebook.net", "platform.twitter.com", "platform.linkedin.com", "wa.me/js"):
        assert f'src="https://{host}' not in html
    assert '<script src="/static/js/share.js" defer></script>' in html
