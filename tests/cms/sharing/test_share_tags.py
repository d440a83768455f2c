"""Every page shares well (issue 18): Open Graph and card tags, canonical and hreflang links,
its image at 1200x630 (the editor's social image, or the generated card), in every language."""

import io

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from cms.sharing import cards
from tests.cms.sharing.helpers import local_path, read

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
OG_TAGS = [
    "og:title",
    "og:description",
    "og:image",
    "og:image:width",
    "og:image:height",
    "og:url",
    "og:type",
    "og:locale",
]


def fetched_png(client, url):
    response = client.get(local_path(url))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    body = b"".join(response.streaming_content) if response.streaming else response.content
    with PillowImage.open(io.BytesIO(body)) as picture:
        return picture.format, picture.size


@pytest.mark.parametrize(
    "path",
    ["/", "/fr/", "/public-sector-cx-day/", "/open-letter/", "/fr/lettre-ouverte/", "/news/"],
)
def test_every_page_has_open_graph_and_card_tags(client, path):
    head = read(client.get(path))
    for tag in OG_TAGS:
        assert head.one(tag), tag
    assert head.one("twitter:card") == "summary_large_image"
    assert head.one("og:url") == SITE + path
    assert head.one("og:image").startswith(SITE + "/")
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "630")


def test_a_shared_page_shows_a_generated_card_of_1200_by_630(client):
    head = read(client.get("/open-letter/"))
    assert fetched_png(client, head.one("og:image")) == ("PNG", (1200, 630))


def test_an_arabic_title_gets_a_card_too():
    png = cards.draw_card("جوائز تجربة العملاء في القطاع العام", "ar")
    with PillowImage.open(io.BytesIO(png)) as picture:
        assert picture.size == (1200, 630)
    assert cards.script_faces("جوائز")[1] == "NotoNaskhArabic-Bold.ttf"
    assert cards.script_faces("Awards")[1] == "NotoSans-Bold.ttf"


def test_a_long_title_fits_the_card():
    font, lines = cards.fit_title("A very long title " * 20, "NotoSans-Bold.ttf")
    assert len(lines) <= cards.MOST_LINES
    assert lines[-1].endswith("…")
    assert all(font.getlength(line) <= cards.TITLE_BOX[0] for line in lines)


def test_the_card_is_kept_and_a_new_title_makes_a_new_card(client, page_by_slug):
    page = page_by_slug("pledge")
    before = read(client.get("/pledge/")).one("og:image")
    response = client.get(local_path(before))
    assert (
        "immutable" in response["Cache-Control"] and "max-age=31536000" in response["Cache-Control"]
    )
    stored = cards.path(page.pk, "en", page.title)
    from django.core.files.storage import default_storage

    assert default_storage.exists(stored)

    page.title = "Take the public service pledge today"
    page.save_revision().publish()
    after = read(client.get("/pledge/")).one("og:image")
    assert after != before
    assert fetched_png(client, after) == ("PNG", (1200, 630))
    # The old address leads to the current card.
    old = client.get(local_path(before))
    assert old.status_code == 302 and old["Location"].endswith(local_path(after))


def test_no_card_for_a_page_that_is_not_live_or_a_made_up_one(client, page_by_slug):
    page = page_by_slug("pledge")
    digest = cards.digest(page.title, "en")
    assert client.get(f"/share/card/{page.pk}-xx-{digest}.png").status_code == 404
    assert client.get(f"/share/card/999999-en-{digest}.png").status_code == 404
    page.unpublish()
    assert client.get(f"/share/card/{page.pk}-en-{digest}.png").status_code == 404


def test_a_page_with_a_social_image_shares_its_1200x630_rendition(client, page_by_slug):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (2400, 1600), (180, 90, 40)).save(buffer, format="JPEG")
    image = get_image_model().objects.create(
        title="CX Day crowd", file=ImageFile(buffer, name="crowd.jpg")
    )
    page = page_by_slug("public-sector-cx-day")
    page.social_image = image
    page.save_revision().publish()

    head = read(client.get("/public-sector-cx-day/"))
    url = head.one("og:image")
    assert "/share/card/" not in url
    assert (head.one("og:image:width"), head.one("og:image:height")) == ("1200", "630")
    path = local_path(url).removeprefix(settings.MEDIA_URL)
    from django.core.files.storage import default_storage

    with default_storage.open(path) as handle, PillowImage.open(handle) as picture:
        assert picture.size == (1200, 630)


def test_the_description_falls_back_to_the_introduction(client, page_by_slug):
    page = page_by_slug("open-letter")
    head = read(client.get("/open-letter/"))
    assert head.one("og:description") == page.intro[:200].rstrip() or head.one(
        "og:description"
    ).startswith(page.intro[:100])
    page.search_description = "Sign the open letter for better public services."
    page.save_revision().publish()
    head = read(client.get("/open-letter/"))
    assert head.one("og:description") == "Sign the open letter for better public services."


def test_locale_and_its_alternates_follow_the_languages(client):
    head = read(client.get("/fr/lettre-ouverte/"))
    assert head.one("og:locale") == "fr_FR"
    assert head.meta["og:locale:alternate"] == ["en_GB", "pt_PT", "ar_AR"]
    head = read(client.get("/ar/"))
    assert head.one("og:locale") == "ar_AR"
    assert head.meta["og:locale:alternate"] == ["en_GB", "fr_FR", "pt_PT"]


def test_canonical_and_hreflang_for_every_translation_and_x_default(client):
    head = read(client.get("/fr/lettre-ouverte/"))
    assert [link["href"] for link in head.links_with(rel="canonical")] == [
        SITE + "/fr/lettre-ouverte/"
    ]
    alternates = {link["hreflang"]: link["href"] for link in head.links if link.get("hreflang")}
    assert alternates == {
        "en": SITE + "/open-letter/",
        "fr": SITE + "/fr/lettre-ouverte/",
        "pt": SITE + "/pt/open-letter/",
        "ar": SITE + "/ar/open-letter/",
        "x-default": SITE + "/open-letter/",
    }


def test_a_view_that_is_not_a_page_gets_the_defaults_in_every_language(client):
    head = read(client.get("/search/?q=awards"))
    assert head.one("og:url") == SITE + "/search/"  # without the query
    assert head.one("og:title")
    alternates = {link["hreflang"]: link["href"] for link in head.links if link.get("hreflang")}
    assert alternates == {
        "en": SITE + "/search/",
        "fr": SITE + "/fr/search/",
        "pt": SITE + "/pt/search/",
        "ar": SITE + "/ar/search/",
        "x-default": SITE + "/search/",
    }
    assert fetched_png(client, head.one("og:image")) == ("PNG", (1200, 630))


def test_every_page_links_its_languages_news_feeds(client):
    head = read(client.get("/fr/"))
    atom = head.links_with(rel="alternate", type="application/atom+xml")
    rss = head.links_with(rel="alternate", type="application/rss+xml")
    assert [link["href"] for link in atom] == [SITE + "/fr/feeds/news.atom"]
    assert [link["href"] for link in rss] == [SITE + "/fr/feeds/news.rss"]


def test_the_tags_cost_a_fixed_small_number_of_queries(client, django_assert_max_num_queries):
    """However many pages, the tags look up nothing but each page's translations (kept until
    public content changes) and, with a social image, its image and rendition."""
    from django.template import Context, Template
    from django.test import RequestFactory

    from cms.models import NewsArticlePage

    request = RequestFactory().get("/news/")
    template = Template("{% load sharing_tags %}{% share_head %}")
    articles = list(NewsArticlePage.objects.live().filter(locale__language_code="en"))
    assert len(articles) >= 3
    # The first page: the site, the language, its translations' addresses (two queries).
    with django_assert_max_num_queries(5):
        template.render(Context({"page": articles[0], "request": request}))
    for article in articles[1:]:
        with django_assert_max_num_queries(2):  # its translations, the first time only
            template.render(Context({"page": article, "request": request}))
    with django_assert_max_num_queries(0):
        for article in articles:
            template.render(Context({"page": article, "request": request}))
