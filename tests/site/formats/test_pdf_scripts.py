"""Every script a nominee may write prints in the PDFs with a real glyph, never a .notdef box:
a certificate with the organisation's name in each script, a nomination copy with answers in
each, the sponsor summary's charts. The PDFs use the bundled fonts only (static/fonts/), so
these tests pass or fail the same on a machine with or without Debian's Noto fonts.

The glyph check (tests/pdf_glyphs.py) reads the glyph each character is drawn with in the
embedded fonts: the PDF's text alone would look right even over boxes."""

import re
from datetime import datetime

import pytest
from django.utils import timezone
from django.utils.html import escape

from awards_site import charts
from awards_site.pdf import rendering as pdf
from awards_site.pdf.fonts import SCRIPT_FAMILIES
from judging.certificates.pdf import certificate_html, render_certificate
from judging.models import Certificate
from nominations.models import AwardCycle
from tests.factories.accounts import UserFactory
from tests.factories.nominations import DraftNominationFactory
from tests.pdf_glyphs import glyphs

pytestmark = pytest.mark.django_db

SCRIPTS = {
    "Yoruba": "Ilé-iṣẹ́ Ẹ̀kọ́ Ìpínlẹ̀ Ọ̀yọ́",
    "Ewe and Akan": "Ɛʋɛ Dukɔ ƒe Ŋutinya Dɔwɔƒe",
    "Hausa": "Ma'aikatar Ƙasa ta Ɓangaren Ɗan ƴan Ƙasa Ƴ Ɓ Ɗ",
    "Kabiyè and Lingala": "Kabɩyɛ́ kɔ́ Lingála ɛ́ ɔ́",
    "Amharic": "የኢትዮጵያ ሲቪል ሰርቪስ ኮሚሽን ሰላም",
    "Tigrinya": "ሚኒስትሪ ትግርኛ ሰላም",
    "Arabic": "وزارة الخدمة المدنية مرحبا بالعالم",
    "Tifinagh": "ⵜⴰⵎⴰⵣⵉⵖⵜ ⴰⵎⴰⵣⵉⵖ",
    "N'Ko": "ߒߞߏ ߞߊ߲",
    "Adlam": "𞤀𞤣𞤤𞤢𞤥 𞤆𞤵𞤤𞤢𞤪",
    "Vai": "ꕙꔤ ꕢꕌ",
    "emoji": "Service 😀 👍🏽 🇳🇬 ❤️ 🎉 👩‍💻",
}
RIGHT_TO_LEFT = {"Arabic", "N'Ko", "Adlam"}
OUR_FAMILIES = {"CX-Sans", "CX-Serif"} | {family.replace(" ", "-") for family in SCRIPT_FAMILIES}


def our_fonts_only(found):
    """No font of the machine stepped in: every embedded font is one of the bundle's."""
    names = {name.removesuffix("-Bold").removesuffix("-Italic") for name in found.families}
    assert names <= OUR_FAMILIES, names - OUR_FAMILIES


def certificate(recipient):
    cycle = AwardCycle.objects.current()
    return Certificate(
        cycle=cycle,
        code="ABCDEFGHJKLMNPQR",
        kind="winner",
        recipient_name=recipient,
        award_en="Winner",
        award_fr="Lauréat",
        category_en="Digital",
        category_fr="Numérique",
        initiative=recipient,
        cycle_name_en=cycle.name_en,
        cycle_name_fr=cycle.name_fr,
        language="en",
        issued_at=timezone.make_aware(datetime(2027, 6, 30, 10)),
    )


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_certificate_prints_an_organisation_name_in_every_script(script):
    name = SCRIPTS[script]
    found = glyphs(render_certificate(certificate(name)))
    assert found.missing(name) == [], f"{script}: drawn as boxes"
    our_fonts_only(found)


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_french_certificate_prints_every_script_too(script):
    name = SCRIPTS[script]
    found = glyphs(render_certificate(certificate(name), language="fr"))
    assert found.missing(name) == [], f"{script}: drawn as boxes"


def test_right_to_left_names_are_set_right_to_left():
    for script, name in SCRIPTS.items():
        html = certificate_html(certificate(name))
        direction = "rtl" if script in RIGHT_TO_LEFT else "ltr"
        assert f'dir="{direction}">{escape(name)}</p>' in html, script


def test_a_nomination_copy_prints_answers_in_every_script(client):
    nominator = UserFactory(email="polyglot@example.org")
    texts = list(SCRIPTS.values())
    nomination = DraftNominationFactory(
        nominator=nominator,
        organisation_name=texts[0],
        city=texts[1],
        contact_name=texts[2],
        contact_role=texts[3],
        initiative_title=texts[4],
        summary=texts[5],
        challenge=texts[6],
        actions_people=texts[7],
        actions_process=texts[8],
        actions_technology=texts[9],
        results=texts[10],
        citizen_impact=texts[11],
    )
    client.force_login(nominator)
    response = client.get(f"/my-nominations/{nomination.uuid}/copy.pdf")
    assert response["Content-Type"] == "application/pdf"
    found = glyphs(response.content)
    for script, text in SCRIPTS.items():
        assert found.missing(text) == [], f"{script}: drawn as boxes"
    our_fonts_only(found)
    # On the check-your-answers page, the browser sets each answer in its own direction.
    page = client.get(f"/nominate/{nomination.uuid}/check/").content.decode()
    assert re.search(rf'<dd dir="auto">(<p>)?{SCRIPTS["Arabic"]}', page)


def test_the_sponsor_summary_charts_print_labels_in_every_script():
    chart = charts.bar_chart("chart", "Nominations", [(text, 3) for text in SCRIPTS.values()])
    html = f"<html><head><style>{pdf.FONT_FACES}</style></head><body>{chart}</body></html>"
    found = glyphs(pdf.render_pdf(html))
    for script, text in SCRIPTS.items():
        assert found.missing(charts._short(text)) == [], f"{script}: drawn as boxes"
    our_fonts_only(found)


def test_the_check_sees_the_boxes_of_a_script_without_its_font(monkeypatch):
    """Without the Ethiopic and emoji faces, the same text prints as boxes, and the check
    says so (while the PDF's extracted text still holds every character)."""
    faces = "\n".join(
        line
        for line in pdf.FONT_FACES.splitlines()
        if not line.startswith('@font-face { font-family: "CX Ethiopic"')
        and not line.startswith('@font-face { font-family: "CX Emoji"')
    )
    # A font configuration of its own: the thread's has every face the earlier PDFs declared.
    monkeypatch.setattr(pdf._local, "font_config", None)
    text = SCRIPTS["Amharic"] + " " + SCRIPTS["emoji"] + " " + SCRIPTS["Yoruba"]
    html = (
        f"<html><head><style>{faces} p {{ font-family: var(--sans); }}</style></head>"
        f"<body><p>{text}</p></body></html>"
    )
    found = glyphs(pdf.render_pdf(html))
    assert set(found.missing(text)) == set(SCRIPTS["Amharic"].replace(" ", "")) | {
        "😀",
        "👍",
        "🏽",
        "🇳",
        "🇬",
        "❤",
        "🎉",
        "👩",
        "💻",
    }
