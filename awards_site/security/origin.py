"""Cross-site request forgery refused by the browser's own headers, for public forms whose page
is shared between visitors (awards_site/caching/pages.py) and so cannot carry a per-visitor CSRF
token: the open letter and the pledge (docs/security.md, "Forms on shared pages").

Every browser in use says where a POST comes from: `Sec-Fetch-Site` (Chromium, Firefox, Safari
since 2023) and `Origin` (all of them, on every POST). A POST that a browser sends from another
site says so in one or the other, and is refused as Django refuses a missing token. A request
with neither comes from no browser (a script), which could send the form directly anyway: a
forgery needs a victim's browser. The OWASP CSRF cheat sheet's "Fetch Metadata" and "verifying
origin with standard headers" defences."""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.middleware.csrf import REASON_BAD_ORIGIN
from django.utils.module_loading import import_string
from django.views.decorators.csrf import csrf_exempt

SAME_SITE_FETCHES = {"same-origin", "none"}


def _own_origin(request, origin):
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return True
    parts = urlsplit(origin)
    return parts.scheme == request.scheme and parts.netloc == request.get_host()


def from_another_site(request):
    """Whether the browser says this request was sent from another site's page."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in SAME_SITE_FETCHES:
        return True
    origin = request.headers.get("Origin")
    return origin is not None and not _own_origin(request, origin)


def same_site_posts_only(view):
    """In place of Django's token check (the view is csrf_exempt): a POST from another site
    gets the site's CSRF failure page (403), and the view never runs."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and from_another_site(request):
            failure = import_string(settings.CSRF_FAILURE_VIEW)
            return failure(request, reason=REASON_BAD_ORIGIN % request.headers.get("Origin", ""))
        return view(request, *args, **kwargs)

    return wrapped
