""" "Privacy and your data" (/my-data/): the signed-in person's consents, the download of
everything held about them, and their deletion requests. The rules are in consents.py,
archive.py and deletion.py beside it."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from nominations.models import Consent, DeletionRequest, Nomination
from nominations.privacy import archive, consents, deletion
from nominations.wizard.forms import DeletionRequestForm

logger = logging.getLogger(__name__)


@login_required
def my_data(request):
    user = request.user
    consents = Consent.objects.filter(user=user).select_related("nomination")
    requests = list(DeletionRequest.objects.filter(user=user).select_related("nomination"))
    held = Nomination.objects.for_nominator(user).aggregate(
        nominations=Count("pk", distinct=True), files=Count("evidence")
    )
    return render(
        request,
        "nominations/privacy/my_data.html",
        {
            "consents": consents,
            "deletion_requests": requests,
            "open_request": next((r for r in requests if r.is_open and not r.nomination_id), None),
            "held": held,
        },
    )


@login_required
def download(request):
    """The person's archive: data.json and their evidence files, as one ZIP download."""
    now = timezone.now()
    logger.info("Personal data archive downloaded by user %s", request.user.pk)
    response = FileResponse(
        archive.archive_file(request.user, now),
        as_attachment=True,
        filename=f"cx-awards-my-data-{now:%Y-%m-%d}.zip",
        content_type="application/zip",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def withdraw_consent(request, consent_id):
    consent = get_object_or_404(
        Consent.objects.select_related("nomination"), pk=consent_id, user=request.user
    )
    if consent.withdrawn_at:
        messages.info(request, _("You have already withdrawn this consent."))
        return redirect("nominations:my_data")
    if request.method == "POST":
        result = consents.withdraw_consent(consent.pk, request.user)
        messages.success(request, WITHDRAWAL_MESSAGES[result.outcome]())
        return redirect("nominations:my_data")
    return render(
        request,
        "nominations/privacy/withdraw_consent.html",
        {"consent": consent, "outcome": consents.withdrawal_outcome(consent)},
    )


WITHDRAWAL_MESSAGES = {
    "recorded": lambda: _("Your consent is withdrawn."),
    "draft_withdrawn": lambda: _("Your consent is withdrawn, and so is the draft nomination."),
    "deletion_requested": lambda: _(
        "Your consent is withdrawn. We have asked the awards team to stop using the "
        "nomination and to remove its personal data; you will get an email when it is done."
    ),
}


@login_required
def request_deletion(request):
    existing = deletion.open_deletion_request(request.user)
    if existing:
        messages.info(request, _("You have already asked for deletion; the awards team has it."))
        return redirect("nominations:my_data")
    form = DeletionRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        deletion.request_deletion(request.user, reason=form.cleaned_data["reason"])
        messages.success(
            request,
            _(
                "Your request is sent. The awards team will delete your data and email you "
                "when it is done."
            ),
        )
        return redirect("nominations:my_data")
    return render(request, "nominations/privacy/request_deletion.html", {"form": form})
