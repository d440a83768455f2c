"""Certificates in public: the verification page anyone reaches from a certificate's QR code,
and the downloads of nominators (their nominations' certificates) and judges (their own).

Downloads serve the stored PDF (rendered on the first download when a batch has not rendered it
yet), as attachments, privately cached; a revoked certificate is not served. Asking for a
certificate that is not one's own gets 404, like every nominator and judge URL. The holder
chooses the language (`?language=fr`): by default their account's; the pages offer both."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from judging.certificates.issuing import (
    certificate_language,
    find,
    normalise_code,
    valid_for_nomination,
)
from judging.certificates.kinds import KINDS
from judging.certificates.pdf import open_pdf
from judging.models import CERTIFICATE_LANGUAGES, Certificate, JudgeProfile
from nominations.access import own_nomination

# What a download link says of its language (language names are lower case in French).
IN_LANGUAGE = {
    "en": _("in English"),
    "fr": _("in French"),
    "pt": _("in Portuguese"),
    "ar": _("in Arabic"),
}


def verify_form(request):
    """/certificates/verify/: type the code printed on a certificate (or follow ?code=...)."""
    code = request.GET.get("code", "").strip()
    if code:
        normalised = normalise_code(code)
        if normalised:
            return redirect("judging:certificate_verify", code=normalised)
        return verify(request, code)  # cannot be a code: "unknown" at once
    return render(request, "judging/certificates/verify.html", {"state": "form"})


def verify(request, code):
    """Valid (with what the certificate says), revoked (with the date) or unknown (404)."""
    certificate = find(code)
    if certificate is None:
        state, status = "unknown", 404
    else:
        state, status = ("valid" if certificate.is_valid else "revoked"), 200
    response = render(
        request,
        "judging/certificates/verify.html",
        {
            "state": state,
            "certificate": certificate,
            "code": code[:40],
            "replaced": certificate is not None
            and not certificate.is_valid
            and Certificate.objects.filter(replaces=certificate).exists(),
        },
        status=status,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


def asked_language(request, default):
    """The language of the PDF asked for (?language=fr), else `default`."""
    language = request.GET.get("language", "")
    return language if language in CERTIFICATE_LANGUAGES else certificate_language(default)


def pdf_response(certificate, language):
    response = FileResponse(
        open_pdf(certificate, language),
        as_attachment=True,
        filename=f"certificate-{certificate.display_code}-{language}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _valid(queryset, code):
    return get_object_or_404(
        queryset.filter(revoked_at__isnull=True).select_related("cycle"),
        code=normalise_code(code) or "",
    )


@login_required
def nomination_certificate(request, uuid, code):
    nomination = own_nomination(request, uuid)
    certificate = _valid(Certificate.objects.filter(nomination=nomination), code)
    return pdf_response(certificate, asked_language(request, request.user.language))


@login_required
def judge_certificate(request, code):
    """A judge's own certificate. Unlike the rest of the portal, a judge no longer active keeps
    access to the certificates of the panels they sat on."""
    judge = JudgeProfile.objects.filter(user=request.user).first()
    if judge is None:
        raise Http404
    certificate = _valid(Certificate.objects.filter(judge=judge), code)
    return pdf_response(certificate, asked_language(request, request.user.language))


def downloads(certificate, url, user):
    """[(language, url, "in English (PDF, 20 KB)")] of a certificate, in every language, the
    user's account language first."""
    first = certificate_language(user.language)
    languages = [first] + [language for language in CERTIFICATE_LANGUAGES if language != first]
    return [
        (
            language,
            f"{url}?language={language}",
            f"{IN_LANGUAGE[language]} {certificate.download_label_suffix(language)}",
        )
        for language in languages
    ]


def detail_links(request, nomination):
    """The nominator's page of a nomination links to each of its valid certificates, in each
    language."""
    links = []
    for certificate in valid_for_nomination(nomination):
        url = reverse(
            "judging:nomination_certificate",
            kwargs={"uuid": nomination.uuid, "code": certificate.display_code},
        )
        kind = KINDS.get(certificate.kind)
        label = (kind and kind.download) or certificate.get_kind_display()
        links += [
            (f"{label} {suffix}", link)
            for _language, link, suffix in downloads(certificate, url, request.user)
        ]
    return links
