"""The "send it again" buttons (nominations/sending/resend.py): the email-address confirmation and a
sent nomination's confirmation. POST only; each goes back to a page of this site."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nominations.access import own_nomination
from nominations.sending import resend


def _back(request, default):
    """The page the button was on, when it is a path of this site; anything else (another
    site, "//evil.example", "javascript:", a view name) goes to `default`."""
    target = request.POST.get("next", "")
    if (
        target.startswith("/")
        and not target.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
    ):
        return target
    return default


def _tell(request, result, sent_message, limited_message, **values):
    values["email"] = result.email
    if result.sent:
        messages.success(request, sent_message % values)
    elif result.limited:
        messages.warning(request, limited_message % values)


@require_POST
@login_required
def resend_verification(request):
    """A new code to confirm the account's email address (needed to send a nomination)."""
    result = resend.resend_email_confirmation(request)
    if result.sent:
        # The code is typed on allauth's page, in this browser.
        return HttpResponseRedirect(reverse("account_email_verification_sent"))
    if result.just_sent:
        limited = _(
            "We sent a code to %(email)s a few minutes ago. Check your inbox and spam folder, "
            "or ask again in a few minutes."
        )
    else:
        limited = _(
            "We have already sent several codes to %(email)s. Check your inbox and spam "
            "folder, or ask again in an hour."
        )
    if result.limited:
        messages.warning(request, limited % {"email": result.email})
    return HttpResponseRedirect(_back(request, reverse("nominations:my_nominations")))


@require_POST
@login_required
def resend_submission(request, uuid):
    """The confirmation of a sent nomination, with its reference, to the nominator again."""
    nomination = own_nomination(request, uuid)
    result = resend.resend_submission_confirmation(request, nomination)
    _tell(
        request,
        result,
        _("We have sent the confirmation of %(reference)s to %(email)s again."),
        _(
            "We have already sent the confirmation of %(reference)s several times to "
            "%(email)s. Check your inbox and spam folder, or ask again in an hour."
        ),
        reference=nomination.reference,
    )
    return redirect("nominations:detail", uuid=nomination.uuid)
