"""The site in Portuguese and Arabic, used end to end in Chromium on a 320 px phone (issue 17):
the home page, a nomination from the start page to "Nomination sent", and the nominator's
certificate downloaded in the language. Arabic reads right to left: the page starts on the
right (the link back to the nomination, the error summary, the header's brand), and no step is
wider than the phone. axe-core checks every step in these languages in
test_nomination_journey.py.

With LANGUAGE_SCREENSHOTS set to a folder (`make screenshots`: docs/img/languages), the journeys
also save the pictures docs/translations.md shows."""

import os
import re
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext

from judging.certificates.kinds import KINDS
from judging.models import Certificate
from nominations.choices import NominationStatus
from nominations.demo import minimal_pdf
from nominations.models import Nomination
from tests.browser.helpers import save_screenshot
from tests.pdf import pdf_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 320, "height": 640}
SHOTS = os.environ.get("LANGUAGE_SCREENSHOTS")
NOMINATOR = "nominator@demo.test"


def said(language, english):
    """What the pages say in `language` for the English `english` (its catalogue's words)."""
    with translation.override(language):
        words = str(gettext(english))
    assert words != english, f"{english!r} is not translated into {language}"
    return words


@pytest.fixture
def phone(browser, site_url):
    context = browser.new_context(
        base_url=site_url, viewport=PHONE, is_mobile=True, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def shot(page, name):
    if SHOTS:
        save_screenshot(page, Path(SHOTS) / f"{name}.png")


def sign_in(page, language):
    page.goto(f"/{language}/accounts/login/")
    page.fill("#id_login", NOMINATOR)
    page.fill("#id_password", settings.DEMO_PASSWORD)
    with page.expect_navigation():
        page.press("#id_password", "Enter")


def overflow(page):
    """How many pixels the page is wider than the screen (0: nothing to scroll sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def text_box(page, selector):
    """Where the text of the first element matching `selector` is drawn (not its block)."""
    return page.evaluate(
        """selector => {
            const range = document.createRange();
            range.selectNodeContents(document.querySelector(selector));
            const r = range.getBoundingClientRect();
            return {left: r.left, right: r.right};
        }""",
        selector,
    )


def starts_on_the(side, page, selector, container):
    """Whether the text of `selector` begins at the `side` edge of `container`'s content box."""
    text = text_box(page, selector)
    edge = page.evaluate(
        """([selector, side]) => {
            const el = document.querySelector(selector);
            const r = el.getBoundingClientRect(), s = getComputedStyle(el);
            return side === 'right'
                ? r.right - parseFloat(s.paddingRight) - parseFloat(s.borderRightWidth)
                : r.left + parseFloat(s.paddingLeft) + parseFloat(s.borderLeftWidth);
        }""",
        [container, side],
    )
    return abs(text[side] - edge) <= 2


def answer_every_step(page, language, tmp_path):
    """From the start page to the confirmation, checking each step fits the phone."""
    steps = []

    def fits():
        steps.append((page.url, overflow(page)))

    page.goto(f"/{language}/nominate/")
    shot(page, f"{language}-start")
    fits()
    page.click("main form button")
    page.wait_for_url(re.compile(r"/category/$"))
    fits()
    page.check("input[name='category-category'] >> nth=0")
    page.check("#id_category-relation_1")
    page.check("#id_category-eligibility_confirmed")
    page.click("button[name=continue]")
    page.wait_for_selector("#id_organisation-organisation_name")

    # Continue with nothing filled in: the problem is said in the language, on the right in Arabic.
    with page.expect_navigation():
        page.click("button[name=continue]")
    summary = page.locator(".error-summary")
    assert said(language, "There is a problem") in summary.inner_text()
    side = "right" if language == "ar" else "left"
    assert starts_on_the(side, page, ".error-summary h2", ".error-summary")
    assert starts_on_the(side, page, ".wizard .meta a", ".wizard .meta")  # back to the nomination
    shot(page, f"{language}-step-with-errors")
    fits()

    name = {
        "pt": "Conservatória do Registo Civil de Luanda",
        "ar": "وزارة الداخلية – الأحوال المدنية",
    }
    page.fill("#id_organisation-organisation_name", name[language])
    page.check("#id_organisation-organisation_kind_1")
    page.select_option("#id_organisation-country", {"pt": "AO", "ar": "EG"}[language])
    page.fill("#id_organisation-city", {"pt": "Luanda", "ar": "القاهرة"}[language])
    page.click("button[name=continue]")
    page.wait_for_selector("#id_contact-contact_name")
    fits()
    page.fill("#id_contact-contact_name", {"pt": "Joana Neto", "ar": "ليلى حسن"}[language])
    page.fill("#id_contact-contact_role", {"pt": "Diretora", "ar": "مديرة الخدمة"}[language])
    page.fill("#id_contact-contact_email", f"contact-{language}@example.gov")
    page.click("button[name=continue]")
    page.wait_for_selector("#id_initiative-initiative_title")
    fits()
    answer = {"pt": "Menos espera nos balcões.", "ar": "انتظار أقل عند الشبابيك."}[language]
    for field in (
        "initiative_title",
        "summary",
        "challenge",
        "actions_people",
        "actions_process",
        "actions_technology",
    ):
        page.fill(f"#id_initiative-{field}", answer)
    page.click("button[name=continue]")
    page.wait_for_selector("#id_results-results")
    fits()
    page.fill("#id_results-results", answer)
    page.fill("#id_results-citizen_impact", answer)
    page.click("button[name=continue]")
    page.wait_for_selector("#id_evidence-file")
    fits()
    evidence = tmp_path / f"evidence-{language}.pdf"
    evidence.write_bytes(minimal_pdf(f"Evidence {language}"))
    page.set_input_files("#id_evidence-file", str(evidence))
    page.click("button[name=upload]")
    page.wait_for_selector(f"text=evidence-{language}.pdf")
    fits()
    page.click("button[name=continue]")
    page.wait_for_selector("#id_declaration-accept")
    fits()
    page.check("#id_declaration-accept")
    page.click("button[name=continue]")
    page.wait_for_url(re.compile(r"/check/$"))
    assert name[language] in page.locator("main").inner_text()
    shot(page, f"{language}-check-your-answers")
    fits()
    page.click("button[name=continue]")
    page.wait_for_url(re.compile(r"/submitted/$"))
    assert said(language, "Nomination sent") in page.locator("main").inner_text()
    fits()
    return name[language], steps


@pytest.mark.parametrize("language", ["pt", "ar"])
def test_a_nomination_from_start_to_sent_on_a_phone(phone, language, tmp_path):
    phone.goto(f"/{language}/")
    html = phone.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    # The header starts on the right in Arabic: the brand is at the right edge of its bar.
    brand, bar = box(phone, ".brand"), box(phone, ".site-header__bar")
    if language == "ar":
        assert brand["x"] + brand["width"] > bar["x"] + bar["width"] - 40, (brand, bar)
    else:
        assert brand["x"] < bar["x"] + 40, (brand, bar)
    assert overflow(phone) <= 0
    shot(phone, f"{language}-home")

    sign_in(phone, language)
    name, steps = answer_every_step(phone, language, tmp_path)
    assert [url for url, wider in steps if wider > 0] == [], steps

    nomination = Nomination.objects.filter(nominator__email=NOMINATOR).latest("created_at")
    assert nomination.status == NominationStatus.SUBMITTED
    assert nomination.organisation_name == name
    assert nomination.language == language


@pytest.mark.parametrize("language", ["pt", "ar"])
def test_the_nominator_downloads_a_certificate_in_the_language(phone, language, tmp_path):
    nominator = get_user_model().objects.get(email=NOMINATOR)
    certificate = Certificate.objects.filter(
        nomination__nominator=nominator, revoked_at__isnull=True
    ).first()
    assert certificate is not None, "the demo issues certificates to the demo nominator"
    sign_in(phone, language)
    phone.goto(f"/{language}/my-nominations/{certificate.nomination.uuid}/")
    assert overflow(phone) <= 0
    link = phone.locator(f"main a[href$='?language={language}']").first
    with translation.override(language):
        label = str(KINDS[certificate.kind].download)
    assert label in link.inner_text()
    with phone.expect_download() as download:
        link.click()
    pdf = tmp_path / f"certificate-{language}.pdf"
    download.value.save_as(pdf)
    text = pdf_text(pdf.read_bytes())
    assert getattr(certificate, f"award_{language}") in text
    assert certificate.display_code in text
    if SHOTS:
        picture = Path(SHOTS) / f"{language}-certificate"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "40", "-singlefile", str(pdf), str(picture)], check=True
        )
