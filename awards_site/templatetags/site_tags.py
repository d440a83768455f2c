"""Navigation shared by every public page: the main menu, breadcrumbs and language links,
all driven by the page tree of the active language; `text_direction`, the direction of
user text in PDFs; `language_direction`, the `dir` of a document in a language (rtl for
Arabic); and `language_name`, a language code as its name inside a sentence."""

import unicodedata

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from awards_site.caching import generation
from awards_site.caching.lookups import home_page, public
from awards_site.caching.memo import until_content_changes
from awards_site.i18n import language_name

register = template.Library()


def _home_for_request(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return home_page(site)


def _home_urls(request):
    """{language code: URL} of the site's home page in each language it is translated into."""
    site = Site.find_for_request(request)
    if site is None:
        return {}

    def look_up():
        homes = Page.objects.filter(translation_key=site.root_page.translation_key)
        return {p.locale.language_code: p.url for p in homes.select_related("locale")}

    return until_content_changes(("home urls", site.pk), look_up)


def _translation_urls(page):
    """{language code: URL} of the live translations of the page, itself included."""

    def look_up():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return {p.locale.language_code: p.url for p in translations}

    return until_content_changes(("translation urls", page.pk), look_up)


def _menu_entries(home):
    """(label, url, tree path) of the pages shown in the main menu, cached until public content
    changes (awards_site/caching/generation.py)."""
    key = f"main-menu:{home.pk}:{generation.current()}"
    entries = cache.get(key)
    if entries is None:
        pages = public(home.get_children().live()).in_menu().specific()
        entries = [(getattr(p, "menu_title", "") or p.title, p.url, p.path) for p in pages]
        cache.set(key, entries, 60 * 60)
    return entries


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    home = _home_for_request(request)
    if home is None:
        return {"items": []}
    current = context.get("page")
    current_path = current.path if current else ""
    return {
        "home_url": home.url,
        "items": [
            {
                "label": label,
                "url": url,
                "active": current_path.startswith(path),
                "current": request.path == url,
            }
            for label, url, path in _menu_entries(home)
        ],
        "request": request,
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": []}

    def look_up():
        ancestors = page.get_ancestors().filter(depth__gt=1)
        return [(p.depth, p.title, p.url) for p in ancestors]

    # A preview may show a page not saved yet (no pk) or moved in the editor: looked up afresh.
    previewing = page.pk is None or getattr(context.get("request"), "is_preview", False)
    ancestors = look_up() if previewing else until_content_changes(("ancestors", page.pk), look_up)
    return {"ancestors": ancestors, "page": page}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language to this page in that language (or that language's home page)."""
    request = context["request"]
    page = context.get("page")
    active = get_language()
    links = []
    translations = {}
    if page is not None and getattr(page, "pk", None):
        translations = _translation_urls(page)
    for code, _name in settings.LANGUAGES:
        if code == active:
            continue
        if page is not None:
            url = translations.get(code) or _home_urls(request).get(code) or "/"
        else:
            url = translate_url(request.get_full_path(), code)
        name = get_language_info(code)["name_local"]
        links.append({"code": code, "name": name[:1].upper() + name[1:], "url": url})
    return {"links": links}


@register.simple_tag(takes_context=True)
def footer_pages(context):
    """(title, url) of the footer's pages in the active language, cached like the menu."""
    site_settings = context["settings"]["cms"]["SiteSettings"]
    key = f"footer-pages:{site_settings.pk}:{get_language()}:{generation.current()}"
    pages = cache.get(key)
    if pages is None:
        chosen = [site_settings.accessibility_page, site_settings.privacy_page]
        pages = [(p.localized.title, p.localized.url) for p in chosen if p is not None]
        cache.set(key, pages, 60 * 60)
    return pages


@register.filter(name="language_name")
def language_name_filter(code):
    """A language code ("fr") as its name inside a sentence: "French", « français »."""
    return language_name(code)


@register.filter
def text_direction(text):
    """ "rtl" when the text's first strong letter is written right to left (Arabic, Hebrew,
    N'Ko, Adlam...), else "ltr": the `dir` of an element holding user text in a PDF, where
    WeasyPrint does not support dir="auto" (web pages say dir="auto")."""
    for character in str(text or ""):
        direction = unicodedata.bidirectional(character)
        if direction in ("R", "AL"):
            return "rtl"
        if direction == "L":
            return "ltr"
    return "ltr"


@register.filter
def language_direction(code):
    """ "rtl" for a language written right to left (Arabic), else "ltr": the `dir` of the <html>
    of a page, an email or a PDF in that language (the active one: `LANGUAGE_CODE`)."""
    code = (code or settings.LANGUAGE_CODE).split("-")[0]
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


@register.simple_tag
def alias_language(page):
    """The language of an alias's content: an alias in the French tree (the synced page tree
    makes one for every new English page until it is translated) shows the English page's
    content, so its main region says so. Empty for other pages; one query for an alias."""
    if not getattr(page, "alias_of_id", None):
        return ""
    source = Page.objects.filter(pk=page.alias_of_id).values_list(
        "locale_id", "locale__language_code"
    )
    locale_id, language = source.first() or (page.locale_id, "")
    return "" if locale_id == page.locale_id else language
