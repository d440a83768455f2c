"""A certificate's PDF: an A4 landscape page rendered by WeasyPrint (awards_site.pdf.rendering:
shipped fonts for every script, nothing fetched from the network) from judging/templates/judging/
certificates/certificate.html, in English, French, Portuguese or Arabic (the certificate's own
language, its recipient's, unless another is asked for). An Arabic certificate is laid out right
to left: the page mirrors (the template's CSS uses logical properties).

- The QR code (segno, inline SVG) encodes the public verification URL, `verification_url`,
  the code printed under it in groups of four.
- The recipient's name is set in one of five sizes chosen by its length (`name_size`), so the
  longest organisation names still fit the page.
- Up to three signatories of the cycle (models.Signatory), with their title in the
  certificate's language (the English one when it has none) and their signature image when
  there is one: read from the image's rendition and passed as a data: URI, since the renderer
  reads no file outside static/.
- `ensure_pdf` renders a certificate once per language and stores the PDF in the private
  storage; later downloads read the stored file (`open_pdf`).
"""

import base64
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.safestring import mark_safe

from awards_site.i18n import localised
from awards_site.pdf.rendering import FONT_FACES, render_pdf
from awards_site.site_url import absolute_url
from judging.certificates.kinds import KINDS
from judging.models import Certificate, Signatory, certificate_pdf_path, private_storage

# segno's options for the printed QR code (error correction M: a scratch or a fold still reads).
QR_ERROR = "m"
QR_SVG = {"border": 0, "omitsize": True, "dark": "#1b1b1b"}

# (longest name, CSS class): names longer than the last one are "xs".
NAME_SIZES = [(26, "xl"), (44, "l"), (72, "m"), (120, "s")]
SIGNATURE_RENDITION = "max-480x160|format-png"


def verification_url(certificate, language=None):
    """The public page that checks the certificate, in the PDF's language, as the QR code
    holds it."""
    with translation.override(language or certificate.language):
        path = reverse("judging:certificate_verify", kwargs={"code": certificate.display_code})
    return absolute_url(path)


def qr_code(url):
    import segno

    return segno.make(url, error=QR_ERROR, micro=False)


def qr_svg(url):
    return qr_code(url).svg_inline(**QR_SVG)


def name_size(name):
    length = len(name)
    for longest, size in NAME_SIZES:
        if length <= longest:
            return size
    return "xs"


@dataclass
class PrintedSignatory:
    name: str
    title_en: str
    title_fr: str
    title_pt: str
    title_ar: str
    image: str  # a data: URI, or ""

    def title(self, language):
        """The title in `language` (en, fr, pt or ar), or the English one when it has none."""
        return localised(self, "title", language)


def _data_uri(image):
    try:
        rendition = image.get_rendition(SIGNATURE_RENDITION)
        with rendition.file.open("rb") as file:
            data = file.read()
    except (OSError, ValueError):
        return ""  # a missing image file prints the signatory without it
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def signatories_of(cycle_id):
    """The cycle's printed signatories: the first three by order."""
    return [
        PrintedSignatory(
            name=signatory.name,
            title_en=signatory.title_en,
            title_fr=signatory.title_fr,
            title_pt=signatory.title_pt,
            title_ar=signatory.title_ar,
            image=_data_uri(signatory.signature) if signatory.signature else "",
        )
        for signatory in Signatory.objects.filter(cycle=cycle_id)
        .select_related("signature")
        .order_by("sort_order", "pk")[: Signatory.PRINTED]
    ]


class SignatoryCache(dict):
    """Signatories by cycle, read once for a whole batch."""

    def __missing__(self, cycle_id):
        self[cycle_id] = signatories_of(cycle_id)
        return self[cycle_id]


def certificate_html(certificate, signatories=None, language=None):
    """The certificate's document in `language` (by default its own)."""
    if signatories is None:
        signatories = SignatoryCache()
    signatories = signatories[certificate.cycle_id]
    language = language or certificate.language
    url = verification_url(certificate, language)
    kind = KINDS[certificate.kind]
    with translation.override(language):
        issued = date_format(timezone.localtime(certificate.issued_at), "DATE_FORMAT")
        return render_to_string(
            "judging/certificates/certificate.html",
            {
                "certificate": certificate,
                "presented": kind.presented,
                "statement": kind.statement_for(certificate),
                "language": language,
                "font_faces": mark_safe(FONT_FACES),  # our own constant
                "qr_svg": mark_safe(qr_svg(url)),  # segno's SVG of our URL
                "verification_url": url,
                # Printed under the code: where to type it ("example.org/certificates/verify/").
                "verify_at": url.split("://", 1)[-1].removesuffix(f"{certificate.display_code}/"),
                "name_size": name_size(certificate.recipient_name),
                "issued": issued,
                "signatories": [
                    {"name": s.name, "title": s.title(language), "image": s.image}
                    for s in signatories
                ],
            },
        )


def render_certificate(certificate, signatories=None, language=None):
    """The PDF (bytes), in `language` (by default the certificate's own)."""
    return render_pdf(certificate_html(certificate, signatories, language))


def store_pdf(certificate, language, signatories=None):
    """Render the certificate in `language` and save the file; returns its storage name. The
    certificate does not point at it until `claim_pdfs`."""
    data = render_certificate(certificate, signatories, language)
    return private_storage().save(
        certificate_pdf_path(certificate, f"{certificate.code}-{language}.pdf"), ContentFile(data)
    )


def claim_pdfs(stored):
    """Point each certificate at its stored file, [(certificate, language, name)], in one
    transaction, unless another process stored one first: then that one is kept and ours
    deleted."""
    storage = private_storage()
    with transaction.atomic():
        for certificate, language, name in stored:
            size = storage.size(name)
            field, size_field = f"pdf_{language}", f"pdf_size_{language}"
            if Certificate.objects.filter(pk=certificate.pk, **{field: ""}).update(
                **{field: name, size_field: size}
            ):
                setattr(certificate, field, name)
                setattr(certificate, size_field, size)
            else:
                transaction.on_commit(lambda name=name: storage.delete(name))
                certificate.refresh_from_db(fields=[field, size_field])


def ensure_pdf(certificate, language=None, signatories=None):
    """Render the certificate's PDF in `language` (by default its own) and store it, unless it
    has one already. Two processes rendering the same certificate at once keep the first
    stored file."""
    language = language or certificate.language
    if not certificate.pdf(language):
        claim_pdfs([(certificate, language, store_pdf(certificate, language, signatories))])
    return certificate


def open_pdf(certificate, language=None):
    """The stored PDF in `language` (by default the certificate's own), open for reading;
    rendered again if its file went missing."""
    language = language or certificate.language
    certificate = ensure_pdf(certificate, language)
    try:
        return certificate.pdf(language).open("rb")
    except FileNotFoundError:
        field, size_field = f"pdf_{language}", f"pdf_size_{language}"
        Certificate.objects.filter(pk=certificate.pk).update(**{field: "", size_field: None})
        setattr(certificate, field, "")
        return ensure_pdf(certificate, language).pdf(language).open("rb")
