"""The public pages of subscriptions: asking for the news, confirming, unsubscribing
(cms/campaigns/subscribing.py holds the rules)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from awards_site.reach.conversions import CONVERSIONS, record_conversion
from awards_site.views import rate_limited
from cms.campaigns import subscribing
from cms.campaigns.forms import SubscribeForm
from cms.page_base import mailbox_rate_limited, public_form_rate_limited

CHECK_EMAIL = gettext_lazy(
    "Thank you. Check your email: we have sent you a link to confirm your subscription. "
    "We send you nothing else until you confirm."
)


@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "POST":
        if public_form_rate_limited(request):
            return rate_limited(request)
        form = SubscribeForm(request.POST)
        if form.is_spam:  # answer a bot as if it succeeded, and store nothing
            return redirect("subscribe")
        if form.is_valid():
            # An address gets a few emails an hour at most, whoever types it: nobody floods a
            # stranger's mailbox from many networks. The answer is the same either way.
            if not mailbox_rate_limited(request, form.cleaned_data["email"]):
                form.save()
            # Counted for the campaign whose link brought the visitor (docs/reach.md).
            record_conversion(request, CONVERSIONS.SUBSCRIBED)
            # The same answer for a new, waiting or subscribed address: the mailbox is told.
            messages.success(request, CHECK_EMAIL)
            return redirect("subscribe")
    else:
        email = request.user.email if request.user.is_authenticated else ""
        form = SubscribeForm(initial={"email": email, "language": get_language()})
    return TemplateResponse(request, "cms/campaigns/subscribe.html", {"form": form})


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The emailed link: shows what is confirmed, and confirms on the button (mail scanners
    follow links)."""
    subscriber = subscribing.subscriber_to_confirm(token)
    if subscriber is not None and request.method == "POST":
        subscribing.confirm(subscriber)
        messages.success(request, _("Your subscription is confirmed. Welcome!"))
        return redirect("subscribe")
    return TemplateResponse(
        request, "cms/campaigns/subscription_confirm.html", {"subscriber": subscriber}
    )


@csrf_exempt  # RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click", with no token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """Every campaign email's link. A POST unsubscribes at once (the mail program's button, or
    the page's); a GET only asks, so a link scanner unsubscribes no one. The signed token is
    the whole authority: it names one subscriber and cannot be guessed."""
    subscriber = subscribing.subscriber_to_unsubscribe(token)
    done = False
    if subscriber is not None and request.method == "POST":
        subscribing.unsubscribe(subscriber)
        done = True
    return TemplateResponse(
        request,
        "cms/campaigns/unsubscribe.html",
        {"subscriber": subscriber, "done": done},
    )
