"""The demo's certificates: three signatories (with generated signature images and a title in
each language) on both cycles, and the 2026 cycle's certificates issued from its final round;
their PDFs are made on first download, not here. Loading again on an existing demo database
adds nothing but the titles its signatories lack (those in Portuguese and Arabic, added later)."""

import io
from datetime import date, datetime, time, timedelta

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from awards_site.pdf.rendering import FONTS_DIR
from judging.certificates import issuing as certificates
from judging.models import (
    Certificate,
    CertificateKind,
    RoundKind,
    Signatory,
)

# Certificates ----------------------------------------------------------------------------------
# (name, title in each language, ink colour of the signature): invented people of the programme.
SIGNATORIES = [
    (
        "Amina Diallo",
        {
            "en": "Chair of the jury",
            "fr": "Présidente du jury",
            "pt": "Presidente do júri",
            "ar": "رئيسة لجنة التحكيم",
        },
        (18, 38, 110),
    ),
    (
        "Kwame Mensah",
        {
            "en": "Programme director",
            "fr": "Directeur du programme",
            "pt": "Diretor do programa",
            "ar": "مدير البرنامج",
        },
        (20, 20, 20),
    ),
    (
        "Zanele Dlamini",
        {
            "en": "Head of judging",
            "fr": "Responsable de l’évaluation",
            "pt": "Responsável pela avaliação",
            "ar": "مسؤولة التحكيم",
        },
        (12, 60, 90),
    ),
]
CX26_CERTIFICATES_ISSUED = (date(2026, 6, 30), time(10, 0))
CX26_REISSUE_REASON = "The organisation asked for its full legal name; the name was corrected."


def load_certificates(current, closed, admin):
    """Signatories for both cycles (or the titles they lack) and the 2026 certificates, once.
    No PDF is rendered here."""
    images = {}
    for cycle in (current, closed):
        if cycle.signatories.exists():
            _fill_missing_titles(cycle)
            continue
        for order, (name, titles, ink) in enumerate(SIGNATORIES):
            if name not in images:
                images[name] = _signature_image(name, ink)
            Signatory.objects.create(
                cycle=cycle,
                name=name,
                **{f"title_{language}": title for language, title in titles.items()},
                signature=images[name],
                sort_order=order,
            )
    if Certificate.objects.filter(cycle=closed).exists():
        return
    final = closed.rounds.filter(kind=RoundKind.FINAL, results_published_at__isnull=False).first()
    if final is None:
        return
    certificates.issue(final, admin, run=False)
    zone = timezone.get_current_timezone()
    issued = datetime.combine(*CX26_CERTIFICATES_ISSUED, tzinfo=zone)
    Certificate.objects.filter(cycle=closed).update(issued_at=issued)
    # One certificate was re-issued: the verification page of the first says "revoked".
    first = (
        Certificate.objects.filter(cycle=closed, kind=CertificateKind.PARTICIPATION)
        .order_by("nomination__reference")
        .first()
    )
    new = certificates.reissue(first, admin, CX26_REISSUE_REASON)
    corrected = datetime.combine(CX26_CERTIFICATES_ISSUED[0] + timedelta(days=7), time(9, 0), zone)
    Certificate.objects.filter(pk=first.pk).update(revoked_at=corrected)
    Certificate.objects.filter(pk=new.pk).update(issued_at=corrected)


def _fill_missing_titles(cycle):
    """Give the demo's signatories of a cycle loaded before they had a title in some language
    (the Portuguese and Arabic ones came later) the demo's title there; a title already written
    is kept."""
    for name, titles, _ink in SIGNATORIES:
        for language, title in titles.items():
            field = f"title_{language}"
            Signatory.objects.filter(cycle=cycle, name=name, **{field: ""}).update(**{field: title})


def _signature_image(name, ink):
    """A made-up handwritten signature: the name in italics over a flourish, on a transparent
    background, cropped to the ink."""
    first, last = name.split(" ", 1)
    text = f"{first[0]}. {last}"
    picture = PILImage.new("RGBA", (640, 200), (255, 255, 255, 0))
    draw = ImageDraw.Draw(picture)
    font = ImageFont.truetype(str(FONTS_DIR / "NotoSerif-Italic.ttf"), 72)
    draw.text((30, 40), text, fill=(*ink, 255), font=font)
    width = int(draw.textlength(text, font=font))
    points = [(30 + x, 150 - 18 * ((x / max(width, 1)) - 0.5) ** 2 * 4) for x in range(0, width, 8)]
    draw.line(points, fill=(*ink, 255), width=4, joint="curve")
    picture = picture.crop(picture.getbbox())
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    slug = "".join(c for c in name.lower() if c.isalnum())
    return get_image_model().objects.create(
        title=f"Signature of {name} (demo)", file=ImageFile(buffer, name=f"signature-{slug}.png")
    )
