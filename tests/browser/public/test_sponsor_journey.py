"""The demo sponsor signs in, follows "Sponsor reports" in the account menu and downloads the
2026 cycle's Excel workbook and PDF summary; both open (openpyxl, pypdf) and hold the cycle's
figures. axe-core finds no violation on the sponsor area, in English and French, nor on the
partners page that shows what sponsors support; the sponsor page fits a 320 px wide phone."""

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from nominations.models import AwardCycle, Nomination
from tests.browser.helpers import axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.journey
def test_sponsor_downloads_the_workbook_and_the_summary(page, sponsor, tmp_path):
    cycle = AwardCycle.objects.get(code="CX26")
    sent = Nomination.objects.submitted().filter(cycle=cycle).count()
    sign_in(page, sponsor)
    with page.expect_navigation():
        page.get_by_role("link", name="Sponsor reports").click()
    assert page.url.endswith("/sponsors/")
    assert page.get_by_role("heading", level=1).inner_text() == "Sponsor reports"
    failures = {"en": axe_violations(page)}

    section = page.locator("section", has=page.get_by_role("heading", name="2026 Awards"))
    card = section.locator("li", has=page.get_by_role("heading", name="The whole cycle"))
    with page.expect_download() as download_info:
        card.get_by_role("link", name="Download the Excel workbook").click()
    download = download_info.value
    assert download.suggested_filename == "cx-awards-cx26-report.xlsx"
    workbook_path = tmp_path / download.suggested_filename
    download.save_as(workbook_path)
    workbook = load_workbook(workbook_path)
    assert workbook.sheetnames == ["Summary", "Nominations", "Results"]
    assert workbook["Nominations"].max_row - 1 == sent
    assert len(workbook["Summary"]._charts) >= 4

    with page.expect_download() as download_info:
        card.get_by_role("link", name="Download the PDF summary").click()
    download = download_info.value
    assert download.suggested_filename == "cx-awards-cx26-report.pdf"
    pdf_path = tmp_path / download.suggested_filename
    download.save_as(pdf_path)
    reader = PdfReader(io.BytesIO(pdf_path.read_bytes()))
    text = " ".join(page_.extract_text() for page_ in reader.pages)
    assert "2026 Awards" in text and f"{sent}" in text

    page.goto("/fr/sponsors/")
    assert page.locator("html").get_attribute("lang") == "fr"
    failures["fr"] = axe_violations(page)
    page.goto("/partners/")
    failures["partners"] = axe_violations(page)
    assert not any(failures.values()), failures


def test_sponsor_page_fits_a_phone(phone_page, sponsor):
    sign_in(phone_page, sponsor, "/sponsors/")
    # The main content (the account menu in the header is the site's, not this page's).
    widest = phone_page.evaluate(
        "Math.max(...[...document.querySelectorAll('main *')]"
        ".map(e => e.getBoundingClientRect().right))"
    )
    assert widest <= phone_page.evaluate("document.documentElement.clientWidth")
    assert axe_violations(phone_page) == []
