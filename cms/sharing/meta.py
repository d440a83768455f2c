"""What a shared link shows, for any response that extends base.html: the Open Graph and card
tags (title, description, image, address, locale and its alternates), the canonical address and
the hreflang alternates (every translation of the page, and x-default).

A Wagtail page gives its own; any other public view (the nomination form, the feedback form,
search...) gets the site's defaults: the program's name and summary, the site's card, and the
same address in each language (`translate_url`). Addresses are absolute, on SITE_URL
(awards_site/site_url.py), never the Host a request came with."""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, to_locale
from wagtail.models import Locale

from awards_site.caching.memo import until_content_changes
from awards_site.site_url import absolute_url
from awards_site.templatetags.site_tags import _translation_urls as translation_urls
from cms.sharing import cards

# Open Graph wants language_TERRITORY: the territory a language's readers are most often in
# here; another language gets Django's locale name ("sw" -> "sw").
OG_TERRITORIES = {"en": "en_GB", "fr": "fr_FR", "pt": "pt_PT", "ar": "ar_AR"}
DESCRIPTION_LENGTH = 200
IMAGE_SPEC = "fill-1200x630"


def og_locale(code):
    code = code.lower()
    return OG_TERRITORIES.get(code) or to_locale(code)


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def full(url):
    """An address as people reach it: a path on SITE_URL; an absolute one (S3) as it is."""
    if not url:
        return ""
    return url if url.startswith(("http://", "https://")) else absolute_url(url)


@dataclass
class Shared:
    title: str
    description: str
    url: str
    image_url: str
    language: str
    og_type: str = "website"
    image_alt: str = ""
    image_width: int = cards.WIDTH
    image_height: int = cards.HEIGHT
    alternates: dict = field(default_factory=dict)  # {language code: absolute URL}

    @property
    def locale(self):
        return og_locale(self.language)

    @property
    def other_locales(self):
        return [og_locale(code) for code in self.alternates if code != self.language]

    @property
    def x_default(self):
        return self.alternates.get(settings.LANGUAGE_CODE, "")

    @property
    def hreflang_links(self):
        """[(hreflang, url)] of every translation, x-default last (when the default language
        has one)."""
        links = list(self.alternates.items())
        if self.x_default:
            links.append(("x-default", self.x_default))
        return links


# Descriptions ------------------------------------------------------------------------------------


def first_paragraph(page):
    """The text of the first paragraph block of the page's body, or ""."""
    body = getattr(page, "body", None)
    if not body:
        return ""
    for block in body:
        if block.block_type == "paragraph":
            text = " ".join(strip_tags(str(block.value)).split())
            if text:
                return text
    return ""


def page_description(page):
    """The search description, else the introduction, else the first paragraph: shortened."""
    text = (
        getattr(page, "search_description", "")
        or getattr(page, "intro", "")
        or first_paragraph(page)
    )
    return Truncator(" ".join(str(text).split())).chars(DESCRIPTION_LENGTH)


def site_description():
    return gettext(
        "The Africa Public Sector CX Awards recognise the public offices, agencies and teams "
        "that give people a good experience of public services."
    )


# Images ---------------------------------------------------------------------------------------


def card_url(page_id, language, title):
    return absolute_url(
        reverse(
            "share_card",
            kwargs={
                "page_id": page_id,
                "language": language,
                "digest": cards.digest(title, language),
            },
        )
    )


def social_rendition(page):
    """The 1200x630 rendition of the page's social image, or None."""
    if not getattr(page, "social_image_id", None):
        return None
    image = page.social_image
    if image is None:
        return None
    return image.get_rendition(IMAGE_SPEC)


# For a page, for a view ---------------------------------------------------------------------


def share_title(page):
    """The title a shared link shows: the page's SEO title, the home page's headline, or its
    title (the home page's title, "Home", says nothing once shared)."""
    return page.seo_title or getattr(page, "hero_title", "") or page.title


def page_language(page):
    """The page's language, without a query once known (locales change with public content)."""
    if not page.locale_id:
        return get_language()
    locale_id = page.locale_id

    def look_up():
        return Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True).first()

    return until_content_changes(("locale code", locale_id), look_up) or get_language()


def for_page(page, request=None):
    from cms.models import HomePage, NewsArticlePage

    language = page_language(page)
    title = share_title(page)
    shared = Shared(
        title=title,
        description=page_description(page),
        url=full(page.get_url(request)),
        image_url=card_url(page.pk or cards.SITE_CARD, language, title),
        image_alt=title,
        language=language,
        og_type="article" if isinstance(page, NewsArticlePage) else "website",
    )
    if isinstance(page, HomePage):
        shared.description = shared.description or site_description()
    rendition = social_rendition(page)
    if rendition is not None:
        shared.image_url = full(rendition.url)
        shared.image_width, shared.image_height = rendition.width, rendition.height
        shared.image_alt = page.social_image.default_alt_text or title
    if page.pk:
        shared.alternates = {
            code: full(url)
            for code, url in sorted(translation_urls(page).items(), key=_in_settings_order)
            if url
        }
    return shared


def for_view(request, title=""):
    """The site's defaults, at the request's address (without its query) in each language."""
    language = get_language() or settings.LANGUAGE_CODE
    program = cards.program_name(language)
    path = request.path
    return Shared(
        title=title or program,
        description=site_description(),
        url=absolute_url(path),
        image_url=card_url(cards.SITE_CARD, language, cards.site_card_title(language)),
        image_alt=program,
        language=language,
        alternates={code: absolute_url(translate_url(path, code)) for code in language_codes()},
    )


def _in_settings_order(item):
    codes = language_codes()
    return codes.index(item[0]) if item[0] in codes else len(codes)
