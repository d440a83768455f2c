"""Two-step verification for the roles that can change the awards.

Administrators, editors, judges, superusers, staff and anyone with Wagtail admin access must
protect their account with an authenticator app (allauth.mfa, TOTP plus recovery codes) when
`MFA_REQUIRED_FOR_ROLES` is on (the production default). Until they have set it up, a signed-in
user of such a role can open only the set-up pages, the email pages (an address must be
confirmed before an authenticator can be added) and sign out; every other address sends them to
the set-up with a message saying why. A session of such a user that did not pass a two-step
check (a log-in path that skipped it) is asked for a code before it goes on.

Nominators and sponsors may turn two-step verification on for themselves (/accounts/2fa/).
"""

import logging

from allauth.account.internal.flows.login import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from awards_site.security.log import client_ip

logger = logging.getLogger("awards_site.security")

# Set when an authenticator app is activated in this session: the code typed to activate it
# proves the phone as a log-in code would.
ACTIVATED_HERE = "awards_mfa_activated_here"
# Where the user was going when sent to the set-up, offered again once it is done.
SETUP_NEXT = "awards_mfa_setup_next"

# What a user who must set up two-step verification may still open.
SETUP_URL_NAMES = {
    "mfa_index",
    "mfa_activate_totp",
    "mfa_reauthenticate",
    "mfa_view_recovery_codes",
    "mfa_download_recovery_codes",
    "mfa_generate_recovery_codes",
    "account_reauthenticate",
    "account_logout",
    "account_email",
    "account_email_verification_sent",
    "set_language",
}
# What a user with an authenticator whose session has not passed a code may still open.
CHECK_URL_NAMES = {"mfa_reauthenticate", "account_logout", "set_language"}


def mfa_required_for(user):
    """True for the roles that must use two-step verification (whether or not the rule is on)."""
    return user.has_perm("awards_site.must_use_two_step")


def has_authenticator_app(user):
    return Authenticator.objects.filter(user_id=user.pk, type=Authenticator.Type.TOTP).exists()


def session_passed_mfa(request):
    """Did this session pass a two-step check: a code at log-in or re-authentication, or the
    activation of the authenticator app?"""
    if request.session.get(ACTIVATED_HERE):
        return True
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def remember_activation(request):
    """Called by the activation form once the first code is right."""
    request.session[ACTIVATED_HERE] = True


def forget_activation(sender, request=None, user=None, authenticator=None, **kwargs):
    """allauth.mfa's `authenticator_removed` signal."""
    if request is not None and getattr(authenticator, "type", None) == Authenticator.Type.TOTP:
        request.session.pop(ACTIVATED_HERE, None)


def _next_path(request):
    path = request.get_full_path()
    if request.method == "GET" and url_has_allowed_host_and_scheme(
        path, allowed_hosts={request.get_host()}
    ):
        return path
    return None


class MFARequiredMiddleware:
    """Sends users of the roles that need two-step verification to set it up (or to enter a
    code) before anything else. Off unless settings.MFA_REQUIRED_FOR_ROLES."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            not settings.MFA_REQUIRED_FOR_ROLES
            or settings.SESSION_COOKIE_NAME not in request.COOKIES
        ):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if request.path_info.startswith(settings.STATIC_URL):
            return None
        if not mfa_required_for(user):
            return None
        url_name = request.resolver_match.url_name if request.resolver_match else None
        if has_authenticator_app(user):
            if url_name in CHECK_URL_NAMES:
                return None
            if session_passed_mfa(request):
                if url_name not in SETUP_URL_NAMES and SETUP_NEXT in request.session:
                    del request.session[SETUP_NEXT]  # set up and gone on: no more "continue"
                return None
            logger.warning(
                "mfa.check_required user=%s ip=%s path=%s",
                user.pk,
                client_ip(request),
                request.path,
            )
            messages.warning(
                request,
                _(
                    "Your account is protected by two-step verification. Enter a code from "
                    "your authenticator app (or a recovery code) to continue."
                ),
            )
            url = reverse("mfa_reauthenticate")
            next_path = _next_path(request)
            if next_path:
                url += "?" + urlencode({"next": next_path})
            return redirect(url)
        if url_name in SETUP_URL_NAMES:
            return None
        next_path = _next_path(request)
        if next_path:
            request.session[SETUP_NEXT] = next_path
        logger.info("mfa.setup_required user=%s path=%s", user.pk, request.path)
        messages.warning(
            request,
            _(
                "Judges, editors and administrators must protect their account with two-step "
                "verification before they continue. Set it up now: confirm your password if "
                "asked, scan the code shown with an authenticator app on your phone, then enter "
                "the 6-digit code the app shows. It takes about two minutes."
            ),
        )
        return redirect("mfa_activate_totp")
