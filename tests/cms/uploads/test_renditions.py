"""Images on the public pages (cms/uploads/renditions.py, cms/templatetags/pictures.py):
renditions in AVIF and WebP at the size the page shows them and twice that, never the upload
itself; width and height on every <img>, so the page keeps their place before they arrive; lazy
below the fold, not the first image a page shows; made by the demo loader before anyone
visits."""

import io
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.images.models import Rendition

from cms.models import NewsArticlePage, Partner, StandardPage
from cms.uploads import renditions

pytestmark = pytest.mark.django_db

# What the browser is offered besides the <img>'s own WebP.
SOURCE_TYPES = {f"image/{name}" for name in renditions.FORMATS if name != "webp"}


class Pictures(HTMLParser):
    """Each <img> of the page's main region, with the <source>s of its <picture>."""

    def __init__(self):
        super().__init__()
        self.images, self.sources, self.in_main = [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True
        elif tag == "picture":
            self.sources = []
        elif tag == "source":
            self.sources.append(attrs)
        elif tag == "img":
            self.images.append({**attrs, "sources": self.sources, "main": self.in_main})
            self.sources = []

    def handle_endtag(self, tag):
        if tag == "main":
            self.in_main = False


def images_on(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parser = Pictures()
    parser.feed(response.content.decode())
    return parser.images


def candidates(srcset):
    return [item.strip().split(" ") for item in srcset.split(",")]


def stored_size(url):
    path = unquote(url).removeprefix(settings.MEDIA_URL)
    with default_storage.open(path) as handle, PillowImage.open(handle) as picture:
        return picture.format, picture.size


def uploaded(width, height, name="photo"):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), (180, 90, 40)).save(buffer, format="JPEG")
    return get_image_model().objects.create(title=name, file=ImageFile(buffer, name=f"{name}.jpg"))


def test_home_page_images_keep_their_place_and_come_as_webp_or_avif(client):
    images = images_on(client, "/")
    for image in images:
        assert image["width"].isdigit() and image["height"].isdigit(), image
    logos = [image for image in images if image["src"].startswith(settings.MEDIA_URL)]
    assert sorted(logo["alt"] for logo in logos) == sorted(
        Partner.objects.exclude(logo=None).values_list("name", flat=True)
    )
    assert len(logos) >= 6
    for logo in logos:
        assert logo["src"].endswith(".webp")
        assert {source["type"] for source in logo["sources"]} == SOURCE_TYPES
        # The partner strip comes after the hero, the nominations' status and the text.
        assert logo["loading"] == "lazy"


def test_logos_are_made_for_their_box_at_1x_and_2x(client):
    logos = [image for image in images_on(client, "/") if image["src"].startswith("/media/")]
    for logo in logos:
        width, height = int(logo["width"]), int(logo["height"])
        assert width <= 192 and height <= 64 and (width == 192 or height == 64)
        assert stored_size(logo["src"]) == ("WEBP", (width, height))
        (one, one_x), (two, two_x) = candidates(logo["srcset"])
        assert (one, one_x) == (logo["src"], "1x")
        assert float(two_x.removesuffix("x")) > 1.5
        assert stored_size(two)[1][0] > width
        for source in logo["sources"]:
            (first, _), (second, _) = candidates(source["srcset"])
            assert stored_size(first)[1] == (width, height)
            assert stored_size(first)[0] in {"AVIF", "WEBP"}


def test_partners_page_shows_its_first_tier_at_once_and_the_others_lazily(client):
    logos = [image for image in images_on(client, "/partners/") if image["main"]]
    first_tier = Partner.objects.order_by("sort_order").first()
    firsts = [logo for logo in logos if logo["alt"] == first_tier.name]
    assert firsts and all("loading" not in logo for logo in firsts)
    assert {logo.get("loading") for logo in logos if logo not in firsts} == {"lazy"}


def test_the_first_visitor_finds_the_renditions_made(client):
    before = Rendition.objects.count()
    for url in ["/", "/partners/", "/fr/", "/fr/partenaires/"]:
        images_on(client, url)
    assert Rendition.objects.count() == before > 0


def test_news_article_image_first_and_the_images_in_its_text_lazily(client):
    article = NewsArticlePage.objects.live().filter(locale__language_code="en").first()
    article.image, article.image_alt = uploaded(2000, 1000), "A queue at a service centre"
    article.body = [
        ("image", {"image": uploaded(1600, 1200, "second"), "alt_text": "Forms", "caption": ""}),
        ("image", {"image": uploaded(1600, 1200, "third"), "alt_text": "Desk", "caption": ""}),
    ]
    article.save()
    lead, *text = [image for image in images_on(client, article.url) if image["main"]]
    assert lead["alt"] == "A queue at a service centre" and "loading" not in lead
    assert (lead["width"], lead["height"]) == ("672", "336")
    assert lead["sizes"] == renditions.CONTENT_SIZES
    assert [width for _, width in candidates(lead["srcset"])] == ["672w", "480w", "1008w", "1344w"]
    assert {source["type"] for source in lead["sources"]} == SOURCE_TYPES
    assert [image["alt"] for image in text] == ["Forms", "Desk"]
    assert {image["loading"] for image in text} == {"lazy"}


def test_a_page_without_its_own_image_shows_the_first_image_of_its_text_at_once(client):
    page = StandardPage.objects.live().filter(locale__language_code="en").first()
    page.body = [
        ("paragraph", "<p>Before the images.</p>"),
        ("image", {"image": uploaded(1600, 1200), "alt_text": "First", "caption": ""}),
        ("image", {"image": uploaded(1600, 1200), "alt_text": "Second", "caption": ""}),
    ]
    page.save()
    first, second = [image for image in images_on(client, page.url) if image["main"]]
    assert (first["alt"], "loading" in first) == ("First", False)
    assert (second["alt"], second["loading"]) == ("Second", "lazy")


def test_a_small_upload_is_never_enlarged_nor_offered_twice(client):
    page = StandardPage.objects.live().filter(locale__language_code="en").first()
    page.body = [("image", {"image": uploaded(300, 200), "alt_text": "Small", "caption": ""})]
    page.save()
    (image,) = [image for image in images_on(client, page.url) if image["main"]]
    assert (image["width"], image["height"]) == ("300", "200")
    assert "srcset" not in image  # one file: its src
    assert stored_size(image["src"]) == ("WEBP", (300, 200))
