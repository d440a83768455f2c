"""Prints what each public page of the demo site weighs on first view: the HTML, CSS, JS and
icons gzip-compressed as served, plus the images a browser fetches (the renditions, as stored:
WebP and AVIF do not compress further), chosen as Chromium chooses them, once for a screen of
1 CSS pixel per device pixel and once for 2 (phones, retina laptops). Lazy images count too: a
visitor who scrolls fetches them. Budget: 100 KB a page; the home page: 25 KB in all.

    .venv/bin/python bench/page_weight.py      (after `make run` has loaded the demo once)
"""

import gzip
import os
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "awards_site.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.files.storage import default_storage  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Page  # noqa: E402

KB = 1024
BUDGET = 100 * KB
HOME_TARGET = 25 * KB
# What Chromium decodes; a <source> of another type is passed over.
SUPPORTED_TYPES = {"", "image/avif", "image/webp", "image/png", "image/jpeg", "image/gif"}


def candidates(srcset, src="", slot_width=None):
    """(density, url) pairs of a srcset; a width descriptor is read against the width the
    image is laid out at (its width attribute), as `sizes` says for the demo's images."""
    pairs = []
    for item in filter(None, (part.strip() for part in srcset.split(","))):
        url, _, descriptor = item.partition(" ")
        descriptor = descriptor.strip() or "1x"
        if descriptor.endswith("x"):
            density = float(descriptor[:-1])
        else:
            density = int(descriptor[:-1]) / (slot_width or int(descriptor[:-1]))
        pairs.append((density, url))
    if src and not any(density == 1 for density, _ in pairs):
        pairs.append((1.0, src))
    return pairs


def chosen(pairs, dpr):
    """The smallest candidate that covers the screen's density, else the largest there is."""
    enough = [pair for pair in pairs if pair[0] >= dpr]
    return min(enough)[1] if enough else max(pairs)[1]


class FirstView(HTMLParser):
    """The static files a page loads and, for each image, its candidates in the format the
    browser takes (the first <source> of a type it supports, else the <img>)."""

    def __init__(self):
        super().__init__()
        self.assets = []
        self.images = []  # lists of (density, url)
        self.sources = None  # inside a <picture>: its <source>s so far

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload", "manifest"}:
            self.assets.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.assets.append(attrs["src"])
        elif tag == "picture":
            self.sources = []
        elif tag == "source" and self.sources is not None:
            self.sources.append(attrs)
        elif tag == "img":
            width = int(attrs["width"]) if attrs.get("width", "").isdigit() else None
            source = next(
                (
                    s
                    for s in self.sources or []
                    if s.get("type", "") in SUPPORTED_TYPES and not s.get("media")
                ),
                None,
            )
            if source:
                pairs = candidates(source["srcset"], slot_width=width)
            else:
                pairs = candidates(attrs.get("srcset", ""), attrs.get("src", ""), width)
            if attrs.get("src", "").startswith(settings.STATIC_URL):
                self.assets.append(attrs["src"])
            elif pairs:
                self.images.append(pairs)

    def handle_endtag(self, tag):
        if tag == "picture":
            self.sources = None


def static_size(url):
    with open(finders.find(urlsplit(url).path.removeprefix(settings.STATIC_URL)), "rb") as f:
        return len(gzip.compress(f.read()))


def image_size(url):
    return default_storage.size(unquote(urlsplit(url).path.removeprefix(settings.MEDIA_URL)))


def weigh(client, url):
    response = client.get(url)
    view = FirstView()
    view.feed(response.content.decode())
    text = len(gzip.compress(response.content)) + sum(static_size(u) for u in set(view.assets))
    images = {
        dpr: sum(image_size(u) for u in {chosen(pairs, dpr) for pairs in view.images})
        for dpr in (1, 2)
    }
    return text, images


def main():
    client = Client(HTTP_HOST="localhost")
    rows = []
    for page in Page.objects.filter(depth__gt=1).live().order_by("path"):
        text, images = weigh(client, page.url)
        rows.append((page.url, text, images[1], images[2]))
    width = max(len(r[0]) for r in rows)
    print(f"{'page':<{width}}  {'text':>6}  {'img 1x':>6}  {'img 2x':>6}  {'total 2x':>8}  budget")
    for url, text, one, two in rows:
        total = text + two
        print(f"{url:<{width}}  {text:>6}  {one:>6}  {two:>6}  {total:>8}  {total / BUDGET:6.1%}")
    heaviest = max(r[1] + r[3] for r in rows)
    print(f"heaviest: {heaviest} bytes = {heaviest / BUDGET:.1%} of 100 KB")
    url, text, one, two = next(r for r in rows if r[0] == "/")
    for label, images in (("1x", one), ("2x", two)):
        total = text + images
        verdict = "within" if total <= HOME_TARGET else "OVER"
        print(
            f"home page, {label} screen: {text} text + {images} images = {total} bytes "
            f"({total / KB:.1f} KB), {verdict} the 25 KB target"
        )


if __name__ == "__main__":
    main()
