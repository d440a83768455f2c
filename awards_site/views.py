from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from awards_site.security import log as security_log


def rate_limited(request, exception=None):
    """Shown when a public form is sent too often from one address (django-ratelimit)."""
    return render(
        request,
        "429.html",
        {
            "message": _(
                "You have sent this form many times in a short while. "
                "Please wait an hour and try again, or write to us by email."
            )
        },
        status=429,
    )


def account_rate_limited(request, exception=None):
    """Shown when an account form (sign-up, password reset, …) is used too often: allauth
    calls the URLconf's `handler429`."""
    security_log.rate_limited(request)
    return render(
        request,
        "429.html",
        {
            "message": _(
                "There have been too many attempts in a short while. "
                "Please wait a few minutes and try again."
            )
        },
        status=429,
    )


def _safe_next(request, default):
    target = request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def admin_login(request):
    """/admin/login/ (Wagtail) and /django-admin/login/: every log-in goes through the site's
    own log-in page, where the rate limits and two-step verification apply."""
    admin_home = "/django-admin/" if request.path.startswith("/django-admin/") else "/admin/"
    target = _safe_next(request, admin_home)
    if request.user.is_authenticated:
        if request.user.has_perm("wagtailadmin.access_admin") or (
            admin_home == "/django-admin/" and request.user.has_perm("awards_site.use_django_admin")
        ):
            return redirect(target)
        # Signed in without admin access: the admin already said so (a message); no loop
        # between the admin and the log-in page.
        return redirect("/")
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")


def site_login(request):
    """Wagtail's log-in for private pages (/_util/login/) goes to the site's log-in page."""
    target = _safe_next(request, "/")
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")


def admin_logout(request):
    """/admin/logout/ and /django-admin/logout/: the site's log-out (allauth's), where a GET
    shows the page asking to sign out (and changes nothing) and a POST signs out: the session
    ends on the server."""
    from allauth.account.views import logout

    if request.method == "POST":
        return logout(request)
    return redirect("account_logout")


def password_change_elsewhere(request):
    """The Django admin's password change: passwords change under Account security, which asks
    for the current password, is rate limited and writes the security log."""
    return redirect("account_change_password")
