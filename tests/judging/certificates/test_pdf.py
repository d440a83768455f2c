"""A certificate's PDF (judging/certificates/pdf.py): its text (name, award, category, code),
the shipped fonts only (no missing glyph, no system font), accented and Arabic names, one A4
landscape page even for the longest names, the QR code of the verification URL, the
signatories, the language (French, Portuguese, Arabic with its mirrored layout, the
signatories' titles in each), and rendering once."""

import io
from datetime import datetime
from pathlib import Path
from unittest import mock

import pypdf
import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from judging.certificates import issuing as certificates
from judging.certificates import pdf as certificate_pdf
from judging.certificates.pdf import certificate_html, ensure_pdf, name_size, render_certificate
from judging.models import Certificate
from tests.factories.judging import SignatoryFactory
from tests.pdf import pdf_fonts, pdf_pages, pdf_text
from tests.pdf_glyphs import glyphs

pytestmark = pytest.mark.django_db

SHIPPED = {"CX-Sans", "CX-Sans-Bold", "CX-Serif", "CX-Serif-Bold", "CX-Serif-Italic"}
NAMES = [
    "São Tomé e Príncipe",
    "Ministère de la Fonction Publique et de la Réforme Administrative",
    "وزارة الخدمة المدنية والإصلاح الإداري",  # Ministry of Civil Service (Arabic)
    "Agence Nationale de l’Économie Numérique – Côte d’Ivoire",
    "Ṣọ̀rọ̀ Ìlú Ẹ̀ka Ìjọba Ìpínlẹ̀ Ọ̀yọ́",  # Yoruba, with dots below and tone marks
]


def certificate(cycle, **fields):
    values = {
        "code": "ABCDEFGHJKLMNPQR",
        "kind": "winner",
        "recipient_name": "Agency 1",
        "award_en": "Winner",
        "award_fr": "Lauréat",
        "category_en": "Digital",
        "category_fr": "Numérique",
        "initiative": "Initiative 1",
        "cycle_name_en": cycle.name_en,
        "cycle_name_fr": "Édition des résultats",
        "language": "en",
        "issued_at": timezone.make_aware(datetime(2026, 6, 30, 10)),
        **fields,
    }
    return Certificate(cycle=cycle, **values)


def test_the_text_holds_the_name_award_category_and_code(awarded):
    certificates.issue(awarded.round, awarded.admin, run=False)
    winner = Certificate.objects.get(nomination=awarded.entries[0], kind="winner")
    text = pdf_text(render_certificate(winner))
    for expected in ["Agency 1", "Winner", "Digital", "Initiative 1", winner.display_code]:
        assert expected in text
    assert "Results cycle" in text and "30 June 2026" not in text  # issued today
    judge = Certificate.objects.get(judge=awarded.judges[0])
    text = pdf_text(render_certificate(judge))
    assert judge.recipient_name in text and "Certificate of appreciation" in text
    assert judge.display_code in text


@pytest.mark.parametrize("name", NAMES)
def test_accented_and_non_latin_names_render_with_the_shipped_fonts(scene, name):
    data = render_certificate(certificate(scene.cycle, recipient_name=name, kind="participation"))
    assert glyphs(data).missing(name) == [], "a glyph the fonts lack"
    # No system font stepped in (Arabic is drawn by the bundle's Arabic face).
    assert pdf_fonts(data) <= SHIPPED | {"CX-Arabic", "CX-Arabic-Bold"}, pdf_fonts(data)
    assert " ".join(name.split()) in pdf_text(data)
    assert pdf_pages(data) == 1


def test_the_longest_names_fit_one_a4_landscape_page(scene):
    longest = ("Ministère de la Fonction Publique et de la Réforme Administrative " * 4)[:200]
    data = render_certificate(
        certificate(
            scene.cycle,
            recipient_name=longest,
            category_en="Frontline service excellence in ministries, agencies and municipalities",
            initiative=("A one-stop service for every citizen, in every channel " * 4)[:200],
            kind="participation",
        )
    )
    assert pdf_pages(data) == 1
    box = pypdf.PdfReader(__import__("io").BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (297, 210)
    assert " ".join(longest.split()) in pdf_text(data)


def test_the_name_size_follows_its_length():
    assert name_size("Agency 1") == "xl"
    assert name_size("Ministère de la Fonction Publique et de la Réforme Administrative") == "m"
    assert name_size("x" * 200) == "xs"
    sizes = [name_size("x" * n) for n in range(1, 201)]
    order = ["xl", "l", "m", "s", "xs"]
    assert [order.index(size) for size in sizes] == sorted(order.index(size) for size in sizes)


def test_the_qr_code_encodes_the_verification_url(scene):
    import segno

    english = certificate(scene.cycle)
    url = "http://testserver/certificates/verify/ABCD-EFGH-JKLM-NPQR/"
    assert certificate_pdf.verification_url(english) == url
    expected = segno.make(url, error="m", micro=False)
    assert certificate_pdf.qr_code(url).matrix == expected.matrix
    html = certificate_html(english)
    assert expected.svg_inline(border=0, omitsize=True, dark="#1b1b1b") in html
    # A French certificate's QR code opens the French page.
    french = certificate(scene.cycle, language="fr")
    french_url = "http://testserver/fr/certificates/verify/ABCD-EFGH-JKLM-NPQR/"
    assert certificate_pdf.verification_url(french) == french_url
    assert segno.make(french_url, error="m", micro=False).svg_inline(
        border=0, omitsize=True, dark="#1b1b1b"
    ) in certificate_html(french)
    # The address to type is printed under the code.
    assert "testserver/certificates/verify/" in pdf_text(render_certificate(english))


def test_a_french_certificate_is_in_french(scene):
    text = pdf_text(render_certificate(certificate(scene.cycle, language="fr")))
    assert "30 juin 2026" in text and "Lauréat" in text and "Numérique" in text
    assert "Édition des résultats" in text and "Results cycle" not in text
    assert '<html lang="fr" dir="ltr">' in certificate_html(certificate(scene.cycle, language="fr"))


def test_any_certificate_renders_in_either_language(scene):
    """The language asked for wins over the certificate's own: texts, date, cycle name and
    the QR code's page."""
    english = certificate(scene.cycle, language="en")
    text = pdf_text(render_certificate(english, language="fr"))
    assert "Lauréat" in text and "Numérique" in text and "Édition des résultats" in text
    assert "30 juin 2026" in text and "Winner" not in text
    assert "testserver/fr/certificates/verify/" in text
    french = certificate(scene.cycle, language="fr")
    text = pdf_text(render_certificate(french, language="en"))
    assert "Winner" in text and "Digital" in text and "Results cycle" in text
    assert "30 June 2026" in text and "Lauréat" not in text


def test_a_portuguese_certificate_is_in_portuguese(scene):
    SignatoryFactory(
        cycle=scene.cycle,
        name="Amina Diallo",
        title_en="Chair of the jury",
        title_pt="Presidente do júri",
        sort_order=0,
    )
    SignatoryFactory(
        cycle=scene.cycle, name="Zanele Dlamini", title_en="Head of judging", sort_order=1
    )
    portuguese = certificate(
        scene.cycle,
        language="pt",
        award_pt="Vencedor",
        category_pt="Serviços digitais",
        cycle_name_pt="Ciclo de resultados",
    )
    text = pdf_text(render_certificate(portuguese))
    for expected in ["Vencedor", "Serviços digitais", "Ciclo de resultados"]:
        assert expected in text
    # The month's capital is Django's Portuguese catalogue's ("Junho"), which Portuguese writes
    # in lower case: the site's date formats' business (awards_site/formats), not this test's.
    assert "30 de junho de 2026" in text.lower()
    assert "Winner" not in text and "Digital" not in text and "Results cycle" not in text
    # Each signatory's title in Portuguese, or the English one without it.
    assert "Presidente do júri" in text and "Chair of the jury" not in text
    assert "Head of judging" in text
    assert '<html lang="pt" dir="ltr">' in certificate_html(portuguese)


ARABIC = {
    "award_ar": "فائز",
    "category_ar": "الخدمات الرقمية",
    "cycle_name_ar": "دورة النتائج",
}
ARABIC_TITLE = "رئيسة لجنة التحكيم"  # Chair of the jury


def test_an_arabic_certificate_is_in_arabic_right_to_left(scene):
    SignatoryFactory(
        cycle=scene.cycle, name="Amina Diallo", title_en="Chair of the jury", title_ar=ARABIC_TITLE
    )
    arabic = certificate(scene.cycle, language="ar", **ARABIC)
    html = certificate_html(arabic)
    assert '<html lang="ar" dir="rtl">' in html
    assert ARABIC_TITLE in html and "Chair of the jury" not in html
    data = render_certificate(arabic)
    assert glyphs(data).missing("".join([*ARABIC.values(), ARABIC_TITLE])) == []
    assert pdf_fonts(data) <= SHIPPED | {"CX-Arabic", "CX-Arabic-Bold"}, pdf_fonts(data)
    assert pdf_pages(data) == 1
    text = pdf_text(data)
    assert "Winner" not in text and "Digital" not in text
    # The address to type reads left to right, its final slash at its end.
    assert "testserver/ar/certificates/verify/" in text


def text_positions(data):
    """{text: x} of the page's text runs, x in points from the page's left edge."""
    positions = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            positions.setdefault(text.strip(), pypdf.mult(tm, cm)[4])

    pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return positions


def test_an_arabic_certificate_mirrors_the_layout(scene):
    """English reads from the left: the date, then the signatories by order, the QR code and
    its code on the right. Arabic reads from the right: the same from the right, the code on
    the left."""
    for order, name in enumerate(["First Person", "Second Person", "Last Person"]):
        SignatoryFactory(cycle=scene.cycle, name=name, sort_order=order)
    code = "ABCD-EFGH-JKLM-NPQR"
    english = text_positions(render_certificate(certificate(scene.cycle, language="en")))
    assert english["30 June 2026"] < english["First Person"] < english["Last Person"]
    assert english["Last Person"] < english[code]
    arabic = text_positions(render_certificate(certificate(scene.cycle, language="ar", **ARABIC)))
    assert arabic["First Person"] > arabic["Second Person"] > arabic["Last Person"]
    assert arabic[code] < arabic["Last Person"]
    date = next(x for text, x in arabic.items() if "2026" in text)  # 30 يونيو 2026, in runs
    assert date > arabic["First Person"]


def signature_image(name):
    from io import BytesIO

    buffer = BytesIO()
    PILImage.new("RGBA", (300, 90), (20, 40, 110, 255)).save(buffer, format="PNG")
    return get_image_model().objects.create(title=name, file=ImageFile(buffer, name=f"{name}.png"))


def test_up_to_three_signatories_sign_in_order(scene):
    for order, name in enumerate(["Fourth Person", "First Person", "Second Person", "Third"]):
        SignatoryFactory(
            cycle=scene.cycle,
            name=name,
            title_en=f"{name} title",
            title_fr=f"Titre de {name}" if name != "Third" else "",
            sort_order=(order + 3) % 4,
            signature=signature_image(name) if name != "Third" else None,
        )
    html = certificate_html(certificate(scene.cycle))
    assert html.count('class="signatory"') == 3
    assert html.index("First Person") < html.index("Second Person") < html.index("Third")
    assert "Fourth Person" not in html
    assert html.count('src="data:image/png;base64,') == 2  # Third has no signature image
    french = certificate_html(certificate(scene.cycle, language="fr"))
    assert "Titre de First Person" in french and "Third title" in french  # English fallback
    text = pdf_text(render_certificate(certificate(scene.cycle)))
    assert "First Person" in text and "Second Person title" in text


def test_a_certificate_is_rendered_once_and_stored_privately(awarded):
    certificates.issue(awarded.round, awarded.admin, run=False)
    winner = Certificate.objects.get(nomination=awarded.entries[0], kind="winner")
    real = certificate_pdf.render_certificate
    with mock.patch.object(certificate_pdf, "render_certificate", wraps=real) as render:
        ensure_pdf(winner)
        ensure_pdf(winner)
        ensure_pdf(Certificate.objects.get(pk=winner.pk))
        ensure_pdf(winner, "fr")  # the other language: rendered once too
        ensure_pdf(Certificate.objects.get(pk=winner.pk), "fr")
    assert render.call_count == 2
    winner.refresh_from_db()
    for language, award in [("en", "Winner"), ("fr", "Lauréat")]:
        pdf = winner.pdf(language)
        assert pdf.name.startswith(f"certificates/{winner.cycle_id}/")
        assert pdf.name.endswith(f"-{language}.pdf")
        assert Path(pdf.path).is_relative_to(settings.PRIVATE_MEDIA_ROOT)
        with pdf.open("rb") as file:
            text = pdf_text(file.read())
        assert winner.display_code in text and award in text
        assert getattr(winner, f"pdf_size_{language}") == pdf.size


def test_a_missing_file_is_rendered_again(awarded):
    certificates.issue(awarded.round, awarded.admin, run=False)
    winner = ensure_pdf(Certificate.objects.get(nomination=awarded.entries[0], kind="winner"))
    winner.pdf("en").storage.delete(winner.pdf("en").name)
    with certificate_pdf.open_pdf(winner) as file:
        assert file.read().startswith(b"%PDF")
