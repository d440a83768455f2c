"""A visitor shares the pledge: the Open Graph tags name a 1200x630 card that loads, the share
links go to each network with the page's address, and "copy link" copies it (or, without the
clipboard, is a plain link to the page)."""

import io
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image as PillowImage

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def meta(page, key):
    return page.locator(f'meta[property="{key}"], meta[name="{key}"]').get_attribute("content")


# The site's Permissions-Policy lets pages write to the clipboard, not read it: what is copied is
# recorded as it is written.
RECORD_COPIES = """
const write = navigator.clipboard.writeText.bind(navigator.clipboard);
navigator.clipboard.writeText = (text) => { window.copiedText = text; return write(text); };
"""


def test_a_visitor_shares_the_pledge(page):
    page.add_init_script(RECORD_COPIES)
    page.goto("/pledge/")
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "og:url").endswith("/pledge/")
    image = meta(page, "og:image")
    card = page.request.get(urlsplit(image).path)
    assert card.ok and card.headers["content-type"] == "image/png"
    with PillowImage.open(io.BytesIO(card.body())) as picture:
        assert picture.size == (1200, 630)

    shares = page.get_by_role("complementary", name="Share this page")
    assert shares.is_visible()
    linkedin = shares.get_by_role("link", name="Share on LinkedIn")
    href = linkedin.get_attribute("href")
    assert href.startswith("https://www.linkedin.com/sharing/share-offsite/?")
    assert parse_qs(urlsplit(href).query)["url"][0].endswith("/pledge/")
    for name in ("Share on WhatsApp", "Share on X", "Share on Facebook", "Share by email"):
        assert shares.get_by_role("link", name=name).count() == 1

    copy = shares.get_by_role("link", name="Copy link to this page")
    assert copy.get_attribute("href").endswith("/pledge/")
    page.context.grant_permissions(["clipboard-write"])
    copy.click()
    # On http://127.0.0.1 the page is a secure context: the address is copied, the page stays.
    page.get_by_role("status").get_by_text("Link copied").wait_for()
    assert page.evaluate("window.copiedText").endswith("/pledge/")
    assert urlsplit(page.url).path == "/pledge/"
