"""Whole public pages, shared between the visitors who are not signed in.

A response is stored only when all of these hold, so nothing personal is ever shared:
- its view is Wagtail's page view or says it is `shareable` (/nominate/, search...);
- the request is a GET or HEAD without a session or messages cookie (no one signed in, no
  message waiting) and without credentials, and not a Wagtail preview;
- the response is a 200 that sets no cookie (so no CSRF token was used in it), is not private
  and was not streamed.

It is kept under the public content's generation (generation.py), so any change shows on the next
request, for PAGE_CACHE_SECONDS at most (5 minutes by default; 0 turns this cache off), and never
past the next moment an app declared that pages change by themselves (`changes_at`: a cycle's
nominations opening or closing). It carries an ETag: with ConditionalGetMiddleware above it, a
repeat visit is a 304 without a body.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import patch_response_headers, set_response_etag

from awards_site.caching import generation

_moments = []


def shareable(view):
    """A view whose answer to a visitor who is not signed in is the same for all of them (it
    may still use a form: a response that set the CSRF cookie is never stored)."""
    view.shareable = True
    return view


def is_shareable(view):
    from wagtail import views as wagtail_views

    # Every page of the site; a page with a form, or behind a password or a log-in, answers
    # with a cookie or a redirect, and is not stored.
    return view is wagtail_views.serve or getattr(view, "shareable", False)


def changes_at(moment):
    """Declare a function returning the next time (an aware datetime, or None) at which public
    pages change without anyone saving anything: no page is kept past it."""
    if moment not in _moments:
        _moments.append(moment)


def seconds_to_keep(now=None, longest=None):
    """How long what public pages show may be kept from now: `longest` (PAGE_CACHE_SECONDS by
    default), cut short at the next moment pages change by themselves."""
    now = now or timezone.now()
    seconds = settings.PAGE_CACHE_SECONDS if longest is None else longest
    for moment in _moments:
        when = moment()
        if when is not None:
            seconds = min(seconds, max(0, int((when - now).total_seconds())))
    return seconds


def _private_cookies():
    return {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages")}


def may_be_served_shared(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not _private_cookies() & set(request.COOKIES)
        and "HTTP_AUTHORIZATION" not in request.META
        and not getattr(request, "is_dummy", False)
    )


def may_be_stored(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        getattr(request, "shareable_view", False)
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
    )


def cache_key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{generation.current()}:{digest}"


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_be_served_shared(request):
            return self.get_response(request)
        key = cache_key(request)
        response = cache.get(key)
        if response is not None:
            # The reach figures count it (awards_site/reach/middleware.py): no view runs.
            request.served_shared_copy = True
            return response
        response = self.get_response(request)
        if may_be_stored(request, response):
            seconds = seconds_to_keep()
            if seconds > 0:
                set_response_etag(response)
                # Browsers revalidate (max-age=0): the 304 is cheap and nothing stale is shown.
                patch_response_headers(response, cache_timeout=0)
                cache.set(key, response, seconds)
        return response

    def process_view(self, request, view, args, kwargs):
        request.shareable_view = is_shareable(view)
