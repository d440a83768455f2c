"""A certificate's PDF: an A4 landscape page rendered by WeasyPrint (awards_site.pdf: shipped
fonts, nothing fetched from the network) from judging/templates/judging/certificates/
certificate.html, in the certificate's language.

- The QR code (segno, inline SVG) encodes the public verification URL, `verification_url`,
  the code printed under it in groups of four.
- The recipient's name is set in one of five sizes chosen by its length (`name_size`), so the
  longest organisation names still fit the page.
- Up to three signatories of the cycle (models.Signatory), with their signature image when
  there is one: read from the image's rendition and passed as a data: URI, since the renderer
  reads no file outside static/.
- `ensure_pdf` renders a certificate once and stores the PDF in the private storage; later
  downloads read the stored file (`open_pdf`).
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

from awards_site.pdf import FONT_FACES, render_pdf
from awards_site.site_url import absolute_url

from .models import Certificate, Signatory, certificate_pdf_path, private_storage

# segno's options for the printed QR code (error correction M: a scratch or a fold still reads).
QR_ERROR = "m"
QR_SVG = {"border": 0, "omitsize": True, "dark": "#1b1b1b"}

# (longest name, CSS class): names longer than the last one are "xs".
NAME_SIZES = [(26, "xl"), (44, "l"), (72, "m"), (120, "s")]
SIGNATURE_RENDITION = "max-480x160|format-png"


def verification_url(certificate):
    """The public page that checks the certificate, in its language, as the QR code holds it."""
    with translation.override(certificate.language):
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
    image: str  # a data: URI, or ""

    def title(self, language):
        return self.title_fr if language == "fr" and self.title_fr else self.title_en


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
            signatory.name,
            signatory.title_en,
            signatory.title_fr,
            _data_uri(signatory.signature) if signatory.signature else "",
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


def certificate_html(certificate, signatories=None):
    if signatories is None:
        signatories = SignatoryCache()
    signatories = signatories[certificate.cycle_id]
    url = verification_url(certificate)
    language = certificate.language
    with translation.override(language):
        issued = date_format(timezone.localtime(certificate.issued_at), "j F Y")
        return render_to_string(
            "judging/certificates/certificate.html",
            {
                "certificate": certificate,
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


def render_certificate(certificate, signatories=None):
    """The PDF (bytes)."""
    return render_pdf(certificate_html(certificate, signatories))


def store_pdf(certificate, signatories=None):
    """Render the certificate and save the file; returns its storage name. The certificate
    does not point at it until `claim_pdfs`."""
    data = render_certificate(certificate, signatories)
    return private_storage().save(
        certificate_pdf_path(certificate, f"{certificate.code}.pdf"), ContentFile(data)
    )


def claim_pdfs(stored):
    """Point each certificate at its stored file, [(certificate, name)], in one transaction,
    unless another process stored one first: then that one is kept and ours deleted."""
    storage = private_storage()
    with transaction.atomic():
        for certificate, name in stored:
            size = storage.size(name)
            if Certificate.objects.filter(pk=certificate.pk, pdf="").update(
                pdf=name, pdf_size=size
            ):
                certificate.pdf, certificate.pdf_size = name, size
            else:
                transaction.on_commit(lambda name=name: storage.delete(name))
                certificate.refresh_from_db(fields=["pdf", "pdf_size"])


def ensure_pdf(certificate, signatories=None):
    """Render the certificate's PDF and store it, unless it has one already. Two processes
    rendering the same certificate at once keep the first stored file."""
    if not certificate.pdf:
        claim_pdfs([(certificate, store_pdf(certificate, signatories))])
    return certificate


def open_pdf(certificate):
    """The stored PDF, open for reading; rendered again if its file went missing."""
    certificate = ensure_pdf(certificate)
    try:
        return certificate.pdf.open("rb")
    except FileNotFoundError:
        Certificate.objects.filter(pk=certificate.pk).update(pdf="", pdf_size=None)
        certificate.pdf = ""
        return ensure_pdf(certificate).pdf.open("rb")
