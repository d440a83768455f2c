"""Low bandwidth: every demo page, in both languages, costs at most 100 KB over the wire on first
view (HTML, CSS, JS, icons and fonts, gzip-compressed as served; content images aside), and asks
no other origin for anything."""

import gzip
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles import finders
from wagtail.models import Page

BUDGET = 100 * 1024
pytestmark = pytest.mark.django_db


class ResourceCollector(HTMLParser):
    """The URLs a browser fetches to show the page (not the links a person may follow)."""

    def __init__(self):
        super().__init__()
        self.assets = []  # counted in the budget
        self.content_images = []  # left out of the budget, but must be same-origin

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload", "manifest"}:
            self.assets.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.assets.append(attrs["src"])
        elif tag in {"img", "source", "iframe", "video", "audio", "embed", "object"}:
            url = attrs.get("src") or attrs.get("data") or attrs.get("srcset", "").split(" ")[0]
            if url:
                target = self.assets if url.startswith("/static/") else self.content_images
                target.append(url)


def gzipped_size(data):
    return len(gzip.compress(data, compresslevel=6))


def static_size(url):
    path = finders.find(urlsplit(url).path.removeprefix("/static/"))
    assert path, f"{url} is not a static file of the project"
    with open(path, "rb") as handle:
        return gzipped_size(handle.read())


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_page_within_budget_and_first_party_only(client, language):
    pages = Page.objects.filter(depth__gt=1, locale__language_code=language).live()
    assert pages.count() >= 26
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200
        collector = ResourceCollector()
        collector.feed(response.content.decode())
        for url in collector.assets + collector.content_images:
            parts = urlsplit(url)
            assert not parts.netloc and not url.startswith("//"), (
                f"{page.url} loads {url} from elsewhere"
            )
        total = gzipped_size(response.content) + sum(static_size(u) for u in set(collector.assets))
        assert total <= BUDGET, f"{page.url} weighs {total} bytes"
