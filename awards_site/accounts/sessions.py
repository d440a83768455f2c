"""How long a signed-in session lasts, and ending sessions.

- At most `SESSION_COOKIE_AGE` (12 hours) after signing in, however active the session is.
- Ended after `SESSION_IDLE_TIMEOUT_STAFF` (30 minutes) without a request for people who can
  reach the Wagtail admin (administrators, editors), `SESSION_IDLE_TIMEOUT` (2 hours) for
  everyone else. Judges get the longer limit although they use two-step verification: they
  read and score an entry for long stretches without a request, and must not lose the scores
  they are typing.

The clock starts at every log-in (Django's `user_logged_in`, so any log-in path). The time of
the last request is written at most once a minute, so an active session does not write to the
session store on every request. An ended session is logged out before the view runs: the view
sees an anonymous visitor (pages that need an account send them to the log-in page, the
nomination wizard keeps what was typed) and a message says why.

Sessions are also ended all at once when an account is deactivated (`is_active` set to False
and saved, by an administrator in the Wagtail or Django admin), and on request from the
log-out page ("sign out on every device").
"""

import logging
import time
from importlib import import_module

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

from awards_site.security.log import client_ip

logger = logging.getLogger("awards_site.security")

SIGNED_IN_AT = "awards_signed_in_at"
LAST_SEEN = "awards_last_seen"
STAFF = "awards_staff_session"
# Seconds between two writes of the last-seen time (and re-reads of the user's role).
LAST_SEEN_RESOLUTION = 60


def _is_staff_role(user):
    return user.has_perm("wagtailadmin.access_admin")


def start_clock(request, user):
    now = int(time.time())
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now
    request.session[STAFF] = _is_staff_role(user)


def on_logged_in(sender, request, user, **kwargs):
    """Django's `user_logged_in`: every log-in, whatever the path, starts a fresh clock."""
    if request is not None and hasattr(request, "session"):
        start_clock(request, user)


def idle_limit(session):
    if session.get(STAFF):
        return settings.SESSION_IDLE_TIMEOUT_STAFF
    return settings.SESSION_IDLE_TIMEOUT


def expiry_reason(session, now):
    """Why the session is over ("idle" or "age"), or None while it lasts."""
    signed_in_at = session.get(SIGNED_IN_AT)
    last_seen = session.get(LAST_SEEN)
    if signed_in_at is None or last_seen is None:
        return None
    if now - signed_in_at >= settings.SESSION_COOKIE_AGE:
        return "age"
    if now - last_seen >= idle_limit(session):
        return "idle"
    return None


def _minutes(seconds):
    return max(1, round(seconds / 60))


class SessionLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in: leave the session (and Vary) untouched.
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            user = getattr(request, "user", None)
            if user is not None and user.is_authenticated:
                self.check(request, user)
        return self.get_response(request)

    def check(self, request, user):
        session = request.session
        now = int(time.time())
        if session.get(SIGNED_IN_AT) is None or session.get(LAST_SEEN) is None:
            # A session from before these limits: its clock starts now.
            start_clock(request, user)
            return
        reason = expiry_reason(session, now)
        if reason is None:
            if abs(now - session[LAST_SEEN]) >= LAST_SEEN_RESOLUTION:
                session[LAST_SEEN] = now
                session[STAFF] = _is_staff_role(user)
            return
        limit = idle_limit(session)
        logger.info(
            "session.expired user=%s reason=%s ip=%s path=%s",
            user.pk,
            reason,
            client_ip(request),
            request.path,
        )
        logout(request)
        if reason == "idle":
            message = _(
                "You were signed out because there was no activity for %(minutes)s minutes. "
                "Sign in again to continue."
            ) % {"minutes": _minutes(limit)}
        else:
            message = _(
                "You were signed out because you signed in more than %(hours)s hours ago. "
                "Sign in again to continue."
            ) % {"hours": round(settings.SESSION_COOKIE_AGE / 3600)}
        messages.warning(request, message)


# Ending sessions ------------------------------------------------------------------------------
def _session_store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def end_all_sessions(user, *, keep=None, reason, request=None, quiet=False):
    """End every session of `user` (but `keep`, a session key), at once. Returns how many.
    `quiet`: write no security-log line when there was none to end.

    Sessions made by an allauth log-in are listed by allauth.usersessions; with a database
    session engine, sessions it does not list (made before it was installed, or by another
    log-in path) are found by reading the session table as well."""
    from allauth.usersessions.models import UserSession

    ended = set()
    for user_session in UserSession.objects.filter(user_id=user.pk):
        if user_session.session_key == keep:
            continue
        user_session.end()
        ended.add(user_session.session_key)
    if settings.SESSION_ENGINE in (
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    ):
        from django.contrib.sessions.models import Session
        from django.utils import timezone

        store_class = _session_store()
        user_id = str(user.pk)
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
            if session.session_key in ended or session.session_key == keep:
                continue
            if str(session.get_decoded().get("_auth_user_id")) == user_id:
                store_class().delete(session.session_key)
                ended.add(session.session_key)
    if quiet and not ended:
        return 0
    logger.warning(
        "sessions.ended user=%s count=%s reason=%s ip=%s",
        user.pk,
        len(ended),
        reason,
        client_ip(request),
    )
    return len(ended)


def forget_user_session(sender, request, user, **kwargs):
    """Django's `user_logged_out`: the session is flushed by log-out; drop its usersessions row
    too, so the list of sessions shows only live ones."""
    from allauth.usersessions.models import UserSession

    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        UserSession.objects.filter(session_key=key).delete()


def remember_is_active(sender, instance, **kwargs):
    """post_init of the user model: what `is_active` was when the row was read (None when the
    query deferred it: reading it here would cost a query per row)."""
    instance._loaded_is_active = instance.__dict__.get("is_active")


def end_sessions_on_deactivation(sender, instance, created, **kwargs):
    """post_save of the user model: an account just made inactive loses every session."""
    was_active = getattr(instance, "_loaded_is_active", None)
    is_active = instance.__dict__.get("is_active")
    instance._loaded_is_active = is_active
    # Unknown before (deferred in the query) counts as active: ending no session is worse.
    if created or was_active is False or is_active is not False:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields is not None and "is_active" not in update_fields:
        return
    end_all_sessions(instance, reason="deactivated")
