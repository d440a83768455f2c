"""The words of the access-control matrix, and how a response reads in them:

OK    200
LOG   redirect to the site's log-in page (/accounts/login/?next=...)
ADM   redirect to the admin's log-in (/admin/login/?next=...): no admin access at all
A403  Wagtail's "permission denied": admin access, but not to this screen (a redirect to
      the admin home with a message)
3XX   any other redirect (e.g. to the page to use instead)
403, 404, 405   those statuses (405: a GET of a view that takes only POST)
"""

from urllib.parse import urlsplit

from tests.site.security.access_matrix.world import ROLES

OK = "OK"
LOGIN = "LOG"
ADMIN_LOGIN = "ADM"
ADMIN_DENIED = "A403"
REDIRECT = "3XX"
DENIED = "403"
NOT_FOUND = "404"
METHOD = "405"
ALLOWED = "-"  # POSTS only: this role may post; what it does is tested by the app's tests
OUTCOMES = {OK, LOGIN, ADMIN_LOGIN, ADMIN_DENIED, REDIRECT, DENIED, NOT_FOUND, METHOD}
REFUSALS = {LOGIN, ADMIN_LOGIN, ADMIN_DENIED, DENIED, NOT_FOUND, METHOD}
STATUSES = {200: OK, 403: DENIED, 404: NOT_FOUND, 405: METHOD}
# Both admins' log-in pages send on to the site's (awards_site/views.py); being sent there
# means "no admin access".
LOGIN_PAGES = {
    "/accounts/login/": LOGIN,
    "/admin/login/": ADMIN_LOGIN,
    "/django-admin/login/": ADMIN_LOGIN,
}


# What wagtail.admin.auth.permission_denied says (in English: the tests ask in English).
WAGTAIL_PERMISSION_DENIED = "Sorry, you do not have permission to access this area."


def messages_added(response):
    """The messages this request added (not those left unread by earlier ones)."""
    storage = response.wsgi_request._messages
    return [str(message).strip() for message in storage._queued_messages]


def outcome_of(response):
    """The response in the table's words; any other status comes back as its number."""
    if response.status_code in (301, 302, 303, 307, 308):
        target = urlsplit(response["Location"]).path
        if target in LOGIN_PAGES:
            return LOGIN_PAGES[target]
        if target == "/admin/" and WAGTAIL_PERMISSION_DENIED in messages_added(response):
            return ADMIN_DENIED
        return REDIRECT
    return STATUSES.get(response.status_code, str(response.status_code))


def section(prefix, rows, allowed=OUTCOMES):
    """Rows whose URL names start with `prefix`; each row is one outcome per role, in order."""
    table = {}
    for name, cells in rows.items():
        outcomes = tuple(cells.split())
        assert len(outcomes) == len(ROLES), f"{prefix}{name}: one outcome per role"
        assert set(outcomes) <= allowed, f"{prefix}{name}: unknown outcome in {outcomes}"
        table[prefix + name] = dict(zip(ROLES, outcomes, strict=True))
    return table


def screens(prefix, names, row, **exceptions):
    """Several URL names that answer alike (the screens of one admin viewset): `row` for each,
    and the `exceptions` (URL name after the prefix -> row) for those that do not."""
    return section(prefix, {**dict.fromkeys(names, row), **exceptions})
