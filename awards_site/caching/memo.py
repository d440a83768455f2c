"""Per-request memoisation. A public page asks for the active locale from many places (the menu,
the language links, every link block's `.localized`, Wagtail's routing): one query each. Within a
request the answer cannot change, so it is looked up once.

The memo lives in a context variable that RequestMemoMiddleware sets for the request and drops
after it; outside a request (a task, a shell) nothing is memoised."""

from contextvars import ContextVar

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


def memoise_locale_lookups():
    """Wagtail looks a Locale up by language code (`Locale.get_active`, `Page.localized`) with a
    query each time and offers no hook to keep it: the manager's method is wrapped, once, at
    start-up. A Locale changed within the request (the admin's locale screens) is looked up anew:
    those screens save through `Locale.save`, which clears the memo."""
    from wagtail.models import Locale
    from wagtail.models.i18n import LocaleManager

    if getattr(LocaleManager.get_for_language, "memoised", False):
        return
    original = LocaleManager.get_for_language

    def get_for_language(self, language_code):
        return memoised(("locale", language_code), lambda: original(self, language_code))

    get_for_language.memoised = True
    LocaleManager.get_for_language = get_for_language

    from django.db.models.signals import post_delete, post_save

    for signal in (post_save, post_delete):
        signal.connect(forget, sender=Locale, dispatch_uid=f"memo-locale-{signal!r}")


def forget(**_signal_arguments):
    memo = _memo.get()
    if memo is not None:
        memo.clear()
