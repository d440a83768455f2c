"""Public figures pages and open data, kept for visitors who are not signed in.

New answers move roll-ups, not the public content's generation (awards_site/caching), so these
pages are kept for FEEDBACK_PAGE_SECONDS at most (300 by default; 0 turns this off): a new answer
shows within that time. An anonymous GET is answered from the server-side cache, keyed by the
generation, the language and the full address (query string included, so each filter and page of
the API is a key of its own), and carries `Cache-Control: public, max-age=<what is left>`, so a
browser or proxy never keeps it longer than the bound either. Only a 200 that sets no cookie is
kept; a signed-in visitor (a session cookie) is served fresh, with `Cache-Control: private`.
Who counts as anonymous is the site's rule (awards_site/caching/pages.py, `may_be_served_shared`),
so PAGE_CACHE_SECONDS = 0 turns this off too.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from awards_site.caching import generation
from awards_site.caching.pages import may_be_served_shared


def seconds():
    return getattr(settings, "FEEDBACK_PAGE_SECONDS", 300)


def cache_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"feedback-public:{generation.current()}:{get_language()}:{digest}"


def _shared(request):
    return seconds() > 0 and may_be_served_shared(request)


def public_figures(view):
    """Keep the view's answer for anonymous visitors up to FEEDBACK_PAGE_SECONDS."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _shared(request):
            response = view(request, *args, **kwargs)
            if request.method in ("GET", "HEAD"):
                patch_cache_control(response, private=True, max_age=0)
            return response
        key = cache_key(request)
        kept = cache.get(key)
        if kept is not None:
            stored_at, response = kept
            left = max(0, seconds() - int(time.time() - stored_at))
            response.headers.pop("Cache-Control", None)
            patch_cache_control(response, public=True, max_age=left)
            return response
        response = view(request, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        ):
            patch_cache_control(response, public=True, max_age=seconds())
            cache.set(key, (time.time(), response), seconds())
        return response

    return wrapped
