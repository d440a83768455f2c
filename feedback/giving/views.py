"""The citizen's pages of a service point: the form (/feedback/<code>/) and its thank-you page.
The rules are in guards.py (token, limits, device key) and recording.py (taking the answer)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from feedback import codes
from feedback.giving import guards, recording
from feedback.giving.forms import FeedbackForm
from feedback.models import ServicePoint

# What the thank-you page says (?answer=...): the answer replaced today's earlier one, or it
# was not taken because an answer from this connection was taken just before.
UPDATED, KEPT = "updated", "kept"


def find_point(code):
    normalised = codes.normalise(code)
    if normalised is None:
        raise Http404
    return get_object_or_404(ServicePoint.objects.select_related("agency"), code=normalised)


def closed(request, point):
    return render(request, "feedback/closed.html", {"point": point})


def thanks_address(point, answer=None):
    address = reverse("feedback:thanks", kwargs={"code": point.code})
    return f"{address}?answer={answer}" if answer else address


@never_cache
def form(request, code):
    """The five questions. A POST with a valid token and answers is taken and answered with a
    redirect to the thank-you page; a forged or expired token shows the form again with the
    answers kept, ready to send with one click."""
    point = find_point(code)
    if code != point.code:
        return redirect("feedback:form", code=point.code)
    if not point.active:
        return closed(request, point)
    expired = False
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_spam:
            return redirect(thanks_address(point))
        token_ok = guards.token_is_valid(request.POST.get("token"), point)
        if form.is_valid() and token_ok:
            if guards.over_rate_limits(request, point):
                return redirect(thanks_address(point, KEPT))
            outcome = recording.take(
                point,
                form.answer(),
                guards.device_key(request, timezone.localdate()),
                language=get_language(),
            )
            return redirect(
                thanks_address(point, UPDATED if outcome == recording.REPLACED else None)
            )
        expired = not token_ok
    else:
        form = FeedbackForm()
    return render(
        request,
        "feedback/form.html",
        {"point": point, "form": form, "token": guards.form_token(point), "expired": expired},
    )


def thanks(request, code):
    point = find_point(code)
    if not point.active:
        return closed(request, point)
    answer = request.GET.get("answer")
    return render(
        request,
        "feedback/thanks.html",
        {"point": point, "updated": answer == UPDATED, "kept": answer == KEPT},
    )
