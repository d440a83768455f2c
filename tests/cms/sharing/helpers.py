"""Reading what a shared link shows: the <head>'s meta and link elements, the JSON-LD blocks."""

import json
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}  # property or name -> [content]
        self.links = []  # attribute dicts of <link>
        self.json_ld = []
        self.anchors = []
        self._in_json = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json = True
        elif tag == "a":
            self.anchors.append(attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json = False

    def handle_data(self, data):
        if self._in_json:
            self.json_ld.append(json.loads(data))

    def one(self, key):
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def links_with(self, **wanted):
        return [link for link in self.links if all(link.get(k) == v for k, v in wanted.items())]


def read(response):
    assert response.status_code == 200, response.status_code
    parser = Head()
    parser.feed(response.content.decode())
    return parser


def local_path(url):
    """An absolute address on SITE_URL as the test client asks for it."""
    site = settings.SITE_URL.rstrip("/")
    assert url.startswith(site + "/"), url
    return urlsplit(url).path
