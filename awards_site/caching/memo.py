"""Per-request memoisation. A public page asks for the active locale from many places (the menu,
the language links, every link block's `.localized`, Wagtail's routing): one query each. Within a
request the answer cannot change, so it is looked up once.

The memo lives in a context variable that RequestMemoMiddleware sets for the request and drops
after it; outside a request (a task, a shell) nothing is memoised.

Every page also asks for the request's Wagtail Site, the active Locale and the site's settings
(the menu, the footer): public content, so they are kept across requests too, in the cache
under the public content's generation (`shared`), which any change to them moves on."""

from contextvars import ContextVar

from django.core.cache import cache

from awards_site.caching import generation

_memo = ContextVar("request_memo", default=None)


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def memoised(key, compute):
    """compute(), or what it returned for the same key earlier in this request."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def shared(key, compute):
    """compute(), kept across requests until public content changes (generation.py), and
    within the request as `memoised` does. For public content only: sites, locales, settings."""

    def from_cache():
        full_key = f"shared-memo:{key}:{generation.current()}"
        found = cache.get(full_key)
        if found is None:
            found = (compute(),)  # a tuple, so a None answer is kept too
            cache.set(full_key, found, 60 * 60)
        return found[0]

    return memoised(("shared", key), from_cache)


def memoise_site_lookups():
    """Wagtail finds the request's Site with a query on every request (`Site.find_for_request`
    keeps it on the request only): kept across requests, per host and port."""
    from wagtail.models import Site

    original = Site._find_for_request
    if getattr(original, "memoised", False):
        return

    def find(request):
        key = f"site:{request._get_raw_host()}:{request.get_port()}"
        return shared(key, lambda: original(request))

    find.memoised = True
    Site._find_for_request = staticmethod(find)
    from django.db.models.signals import post_delete, post_save

    for signal in (post_save, post_delete):
        signal.connect(forget, sender=Site, dispatch_uid=f"memo-site-{signal!r}")


def memoise_locale_lookups():
    """Wagtail looks a Locale up by language code (`Locale.get_active`, `Page.localized`) with a
    query each time and offers no hook to keep it: the manager's method is wrapped, once, at
    start-up, and its answer kept until public content changes (`shared`). A Locale changed
    within the request (the admin's locale screens) is looked up anew:
    those screens save through `Locale.save`, which clears the memo."""
    from wagtail.models import Locale
    from wagtail.models.i18n import LocaleManager

    if getattr(LocaleManager.get_for_language, "memoised", False):
        return
    original = LocaleManager.get_for_language

    def get_for_language(self, language_code):
        return shared(f"locale:{language_code}", lambda: original(self, language_code))

    get_for_language.memoised = True
    LocaleManager.get_for_language = get_for_language

    from django.db.models.signals import post_delete, post_save

    for signal in (post_save, post_delete):
        signal.connect(forget, sender=Locale, dispatch_uid=f"memo-locale-{signal!r}")


def forget(**_signal_arguments):
    memo = _memo.get()
    if memo is not None:
        memo.clear()
