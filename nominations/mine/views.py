"""The nominator's own pages: "My nominations", one nomination with its sent versions, the
confirmation after sending, withdrawing, and the downloads (evidence, a PDF copy)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from wagtail import hooks

from nominations.access import own_nomination
from nominations.answers import answer_sections
from nominations.choices import NominationStatus
from nominations.mine import case_study_consent
from nominations.models import EvidenceFile, Nomination, NominationVersion
from nominations.sending import submission, versions
from nominations.wizard import measured
from nominations.wizard.evidence import evidence_response
from nominations.wizard.progress import sections


@login_required
def my_nominations(request):
    nominations = list(
        Nomination.objects.for_nominator(request.user)
        .select_related("cycle", "category")
        .prefetch_related(
            "evidence",
            Prefetch("versions", queryset=NominationVersion.objects.order_by("-number")),
        )
        .order_by("-created_at")
    )
    for nomination in nominations:
        sent = list(nomination.versions.all())
        nomination.latest_version = sent[0] if sent else None
        nomination.has_unsent_changes = bool(sent) and versions.unsent_changes(nomination, sent[0])
    return render(request, "nominations/my_nominations.html", {"nominations": nominations})


@login_required
def detail(request, uuid):
    nomination = own_nomination(request, uuid)
    context = {
        "nomination": nomination,
        "can_change": nomination.accepts_changes(),
        "evidence": nomination.evidence.all(),
    }
    if nomination.is_draft:
        context["sections"] = sections(nomination)
        context["next_step"] = next(
            (s.step for s in context["sections"] if not s.complete), "check"
        )
    else:
        context["answer_sections"] = answer_sections(nomination, None)
        rows = versions.history(nomination)
        latest = rows[-1].version if rows else None
        context["version_rows"] = list(reversed(rows))
        context["latest_version"] = latest
        context["unsent"] = versions.unsent_differences(nomination, latest)
        shown = _version_asked(request, rows)
        if shown is not None:
            # One version as it was sent ("Read version 1").
            context["shown_version"] = shown
            context["answer_sections"] = answer_sections(
                versions.as_nomination(shown, nomination), None
            )
            context["evidence"] = versions.evidence_of(shown)
    measured_results = (
        context["shown_version"].answers.get(versions.MEASURED)
        if context.get("shown_version")
        else nomination.measured_results
    )
    context["measured"] = measured.shown(measured_results)
    # Links other apps add (e.g. the judges' feedback): each hook returns [(label, url)].
    context["extra_links"] = [
        link
        for hook in hooks.get_hooks("nomination_detail_links")
        for link in hook(request, nomination)
    ]
    return render(request, "nominations/detail.html", context)


def _version_asked(request, rows):
    """The version named by ?version=N among the nomination's, or None."""
    number = request.GET.get("version", "")
    for row in rows:
        if str(row.version.number) == number:
            return row.version
    return None


@login_required
def submitted(request, uuid):
    nomination = own_nomination(request, uuid)
    if nomination.status == NominationStatus.DRAFT:
        return redirect("nominations:detail", uuid=uuid)
    return render(request, "nominations/submitted.html", {"nomination": nomination})


@login_required
def withdraw(request, uuid):
    nomination = own_nomination(request, uuid)
    if request.method == "POST":
        try:
            submission.withdraw(nomination, request.user)
        except submission.SubmissionRefused as refusal:
            messages.error(request, refusal.message)
        else:
            messages.success(request, _("The nomination is withdrawn."))
        return redirect("nominations:my_nominations")
    if not nomination.accepts_changes():
        raise Http404
    return render(request, "nominations/withdraw.html", {"nomination": nomination})


@login_required
def withdraw_case_study_consent(request, uuid):
    """Withdraw the consent to a case study: a confirmation page, then a POST. The library takes
    the case study off the site (nominations/mine/case_study_consent.py)."""
    nomination = own_nomination(request, uuid)
    if not nomination.consent_case_study:
        messages.info(request, _("You have not given consent to a case study of this nomination."))
        return redirect("nominations:detail", uuid=uuid)
    if request.method == "POST":
        case_study_consent.withdraw(nomination)
        messages.success(
            request,
            _(
                "Your consent is withdrawn. Any case study of this initiative is taken off the "
                "site, and the editors are told."
            ),
        )
        return redirect("nominations:detail", uuid=uuid)
    return render(
        request, "nominations/withdraw_case_study_consent.html", {"nomination": nomination}
    )


@login_required
def evidence_download(request, uuid, evidence_id):
    nomination = own_nomination(request, uuid)
    evidence = get_object_or_404(EvidenceFile, pk=evidence_id, nomination=nomination)
    return evidence_response(evidence)


@login_required
def pdf_copy(request, uuid):
    from nominations.pdf import nomination_pdf

    nomination = own_nomination(request, uuid)
    response = HttpResponse(nomination_pdf(nomination, request), content_type="application/pdf")
    name = nomination.reference or "draft"
    response["Content-Disposition"] = f'attachment; filename="nomination-{name}.pdf"'
    return response
