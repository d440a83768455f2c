"""Security events, written to the "awards_site.security" logger (console by default; see
docs/security.md). One line per event, `event key=value ...`, never a password or a code.

Warnings: failed and refused log-ins, wrong two-step codes, rate limits reached, accounts
deactivated. Information: log-ins, log-outs, ended sessions, password, email and two-step
verification changes.
"""

import logging

from allauth.core.internal.httpkit import get_client_ip

logger = logging.getLogger("awards_site.security")


def client_ip(request):
    if request is None:
        return "-"
    try:
        return get_client_ip(request) or "-"
    except Exception:  # a misconfigured proxy count must not hide the event itself
        return request.META.get("REMOTE_ADDR", "-")


def ratelimit_client_ip(request):
    """The visitor's address for django-ratelimit (RATELIMIT_IP_META_KEY), found as the account
    limits find it: behind TRUSTED_PROXY_COUNT proxies, from X-Forwarded-For."""
    try:
        ip = get_client_ip(request)
    except Exception:  # X-Forwarded-For shorter than the proxy count: a direct request
        ip = None
    return ip or request.META["REMOTE_ADDR"]


def _attempted_login(credentials):
    value = credentials.get("email") or credentials.get("username") or ""
    return str(value)[:254].replace("\n", " ").replace("\r", " ")


def login_failed(request, credentials):
    logger.warning(
        "login.failed login=%r ip=%s path=%s",
        _attempted_login(credentials),
        client_ip(request),
        getattr(request, "path", "-"),
    )


def login_refused_rate_limited(request, credentials):
    logger.warning(
        "login.rate_limited login=%r ip=%s path=%s",
        _attempted_login(credentials),
        client_ip(request),
        getattr(request, "path", "-"),
    )


def rate_limited(request):
    user = getattr(request, "user", None)
    logger.warning(
        "rate_limited path=%s ip=%s user=%s",
        request.path,
        client_ip(request),
        user.pk if user is not None and user.is_authenticated else "-",
    )


# Signal receivers (connected in apps.py) ----------------------------------------------------
def on_logged_in(sender, request, user, **kwargs):
    logger.info("login user=%s ip=%s", user.pk, client_ip(request))


def on_logged_out(sender, request, user, **kwargs):
    if user is not None:
        logger.info("logout user=%s ip=%s", user.pk, client_ip(request))


def on_password_changed(sender, request, user, **kwargs):
    logger.info("password.changed user=%s ip=%s", user.pk, client_ip(request))


def on_password_reset(sender, request, user, **kwargs):
    logger.info("password.reset user=%s ip=%s", user.pk, client_ip(request))


def on_email_changed(sender, request, user, from_email_address=None, to_email_address=None, **kw):
    logger.info(
        "email.primary_changed user=%s from=%r to=%r ip=%s",
        user.pk,
        getattr(from_email_address, "email", None),
        getattr(to_email_address, "email", None),
        client_ip(request),
    )


def on_email_added(sender, request, user, email_address, **kwargs):
    logger.info(
        "email.added user=%s email=%r ip=%s", user.pk, email_address.email, client_ip(request)
    )


def on_email_removed(sender, request, user, email_address, **kwargs):
    logger.info(
        "email.removed user=%s email=%r ip=%s", user.pk, email_address.email, client_ip(request)
    )


def on_authenticator_added(sender, request, user, authenticator, **kwargs):
    logger.info("mfa.added user=%s type=%s ip=%s", user.pk, authenticator.type, client_ip(request))


def on_authenticator_removed(sender, request, user, authenticator, **kwargs):
    logger.warning(
        "mfa.removed user=%s type=%s ip=%s", user.pk, authenticator.type, client_ip(request)
    )


def on_authenticator_reset(sender, request, user, authenticator, **kwargs):
    logger.info("mfa.reset user=%s type=%s ip=%s", user.pk, authenticator.type, client_ip(request))


def on_authenticator_used(sender, request, user, authenticator, **kwargs):
    logger.info(
        "mfa.used user=%s type=%s reauthentication=%s ip=%s",
        user.pk,
        authenticator.type,
        bool(kwargs.get("reauthenticated")),
        client_ip(request),
    )


def on_mfa_failed(sender, request, user, authenticator, **kwargs):
    logger.warning(
        "mfa.failed user=%s reauthentication=%s ip=%s",
        user.pk,
        bool(kwargs.get("reauthentication")),
        client_ip(request),
    )
