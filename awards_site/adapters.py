"""django-allauth's account adapter with the site's security rules (ACCOUNT_ADAPTER)."""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError

from . import security_log
from .sessions import end_all_sessions


class AccountAdapter(DefaultAccountAdapter):
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
