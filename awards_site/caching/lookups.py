"""Wagtail's lookups that every page makes, kept until public content changes (memo.py): the
request's site, the home page of each language, the locales, and whether any page is
restricted at all. Each is public content (generation.connect_wagtail), so a change to one is
seen by the next lookup."""

from wagtail.models import Locale, PageViewRestriction, Site

from awards_site.caching.memo import until_content_changes


class SiteMemoMiddleware:
    """Wagtail finds the request's site with a query each request and keeps it on the request
    (`Site.find_for_request` reads `request._wagtail_site`): it is set here from what this
    process kept, keyed by the host and port the request names, as Wagtail matches them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = ("site", request._get_raw_host(), request.get_port())
        request._wagtail_site = until_content_changes(key, lambda: Site._find_for_request(request))
        return self.get_response(request)


def home_page(site):
    """The site's home page in the active language (specific), as Wagtail's routing finds it
    (`site.root_page.localized.specific`)."""
    locale = Locale.get_active()
    return until_content_changes(
        ("home", site.pk, locale.pk), lambda: site.root_page.localized.specific
    )


def any_page_restricted():
    """Whether any page of any site is behind a password, a log-in or a group. Most sites
    restrict none: then no page needs its restrictions looked up."""
    return until_content_changes(("any view restriction",), PageViewRestriction.objects.exists)


def public(pages):
    """The pages of the queryset a visitor who is not signed in may see (Wagtail's `public()`,
    without its query when no page is restricted)."""
    return pages.public() if any_page_restricted() else pages


def memoise_locale_lookups():
    """Wagtail looks a Locale up by language code (`Locale.get_active`, `Page.localized`) with a
    query each time and offers no hook to keep it: the manager's method is wrapped, once, at
    start-up."""
    from wagtail.models.i18n import LocaleManager

    if getattr(LocaleManager.get_for_language, "kept", False):
        return
    original = LocaleManager.get_for_language

    def get_for_language(self, language_code):
        return until_content_changes(
            ("locale", language_code), lambda: original(self, language_code)
        )

    get_for_language.kept = True
    LocaleManager.get_for_language = get_for_language
