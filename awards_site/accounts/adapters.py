"""django-allauth's account adapter with the site's rules (ACCOUNT_ADAPTER): security, where
each role lands after signing in, and emails that carry the site's name and address."""

from types import SimpleNamespace
from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils.translation import gettext
from wagtail import hooks

from awards_site.accounts.sessions import end_all_sessions
from awards_site.security import log as security_log
from awards_site.site_url import absolute_url, site_domain, site_url

# Each app says where its people start: a hook returns a URL for the user, or None. The first
# answer wins, in the hooks' order; administrators and editors (the Wagtail admin) come first.
LOGIN_START_PAGE_HOOK = "login_start_page"


def start_page(user):
    """Where `user` lands after signing in when no `next` was given: editors and administrators
    on the admin, judges on their entries, sponsors on their reports (the apps' hooks), everyone
    else on "My nominations" (LOGIN_REDIRECT_URL)."""
    if user.has_perm("wagtailadmin.access_admin"):
        return reverse("wagtailadmin_home")
    for hook in hooks.get_hooks(LOGIN_START_PAGE_HOOK):
        url = hook(user)
        if url:
            return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        """allauth asks this only when no safe `next` came with the log-in: a `next` on this
        site still wins (allauth checks it with is_safe_url)."""
        return start_page(request.user)

    # Emails: the site's name and the address people reach (SITE_URL), not the request's host
    # ("Hello from 127.0.0.1!") nor django.contrib.sites' "example.com".
    def send_mail(self, template_prefix, email, context):
        context = {
            **context,
            "current_site": SimpleNamespace(
                name=gettext("Africa Public Sector CX Awards"), domain=site_domain()
            ),
            "site_url": site_url(),
        }
        if template_prefix in (
            "account/email/account_already_exists",
            "account/email/unknown_account",
        ):
            context["signup_url"] = absolute_url(reverse("account_signup"))
            context["password_reset_url"] = absolute_url(reverse("account_reset_password"))
        super().send_mail(template_prefix, email, context)

    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key):
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))

    def pre_authenticate(self, request, **credentials):
        """allauth refuses a log-in once the `login_failed` limit is reached: log the refusal."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError:
            security_log.login_refused_rate_limited(request, credentials)
            raise

    def authentication_failed(self, request, **credentials):
        security_log.login_failed(request, credentials)

    def logout(self, request):
        """The log-out page can also end the account's sessions on every other device."""
        user = request.user
        if request.method == "POST" and request.POST.get("everywhere") and user.is_authenticated:
            end_all_sessions(
                user,
                keep=request.session.session_key,
                reason="sign_out_everywhere",
                request=request,
            )
        super().logout(request)
