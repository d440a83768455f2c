"""When the database connection fails while a view runs (the server restarted, the network
dropped, SQLite was locked too long), the person gets a page that says so, with status 503,
instead of the generic error page.

Nothing half-done is left behind: every act that writes (a nomination sent, a scoresheet saved
or submitted, with its audit log entry) is one transaction, rolled back when the connection
fails in the middle. So what the person sent can simply be sent again. After a POST the page
keeps it: a "Send again" button posts the same answers to the same address (files and
passwords excepted, which are never echoed back: the page then asks to go back instead).

The page is rendered without the database (no user, no site settings, no menu), since the
database may still be unreachable.
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme

logger = logging.getLogger("awards_site.database")

CONNECTION_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
# Posted fields never written back into a page.
SECRET_FIELD_WORDS = ("password", "secret", "token", "otp", "code")


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, CONNECTION_ERRORS):
            return None
        logger.error(
            "Database unavailable during %s %s: %s",
            request.method,
            request.path,
            exception,
            exc_info=exception,
        )
        return unavailable_response(request)


def unavailable_response(request):
    posted = request.method == "POST"
    resend = _resendable(request) if posted else None
    context = {
        "posted": posted,
        "resend_fields": resend,
        "had_files": posted and bool(request.FILES),
        "action": request.get_full_path(),
        "back_url": _back_url(request),
        "csrf_token": get_token(request) if resend is not None else "",
    }
    response = HttpResponse(render_to_string("database_unavailable.html", context), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # The page may hold what the person typed: never keep it in a cache.
    response["Cache-Control"] = "no-store"
    return response


def _resendable(request):
    """The posted fields as (name, value) pairs to post again, or None when they cannot be sent
    again from a page (files, or a secret field)."""
    if request.FILES:
        return None
    fields = []
    for name, values in request.POST.lists():
        if name == "csrfmiddlewaretoken":
            continue
        if any(word in name.lower() for word in SECRET_FIELD_WORDS):
            return None
        fields += [(name, value) for value in values]
    return fields


def _back_url(request):
    referer = request.headers.get("referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return ""
