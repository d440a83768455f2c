"""The PDF summary (cms/reports/summary_pdf.py) and its SVG charts (awards_site/charts.py): it
renders, its text holds the key figures, the sponsor's logo is in it, and it is in the sponsor
user's language."""

import io
import re

import pytest
from pypdf import PdfReader

from awards_site import charts
from cms.reports.access import ReportScope
from cms.reports.summary_pdf import logo_data_uri, report_pdf
from nominations.models import AwardCycle, Category, Nomination

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def text_of(content):
    reader = PdfReader(io.BytesIO(content))
    return reader, re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_the_summary_holds_the_key_figures(sponsor):
    cycle = AwardCycle.objects.get(code="CX26")
    partner = sponsor.sponsor_membership.partner
    reader, text = text_of(report_pdf(ReportScope(cycle=cycle, partner=partner)))
    sent = Nomination.objects.submitted().filter(cycle=cycle)
    assert "2026 Awards" in text and "The whole cycle, every category" in text
    assert f"Prepared for {partner.name}" in text
    assert f"{sent.count()} Nominations sent" in text
    countries = sent.values("country").distinct().count()
    assert f"{countries} Countries" in text
    for heading in (
        "Nominations by country",
        "Nominations by category",
        "Nominations by status",
        "Judging progress by round",
        "Published results",
    ):
        assert heading in text
    assert "Winner" in text and "Screening" in text and "Final" in text
    # The sponsor's logo, embedded as an image (the program's is vector graphics).
    assert sum(len(page.images) for page in reader.pages) >= 1
    # Nobody's contact details.
    for email in sent.values_list("contact_email", flat=True):
        assert not email or email not in text
    assert "@" not in text


def test_a_category_summary_before_results(sponsor, client):
    category = Category.objects.get(cycle__code="CX27", name_en="Digital public service")
    client.force_login(sponsor)
    response = client.get(f"/sponsors/CX27/{category.pk}/report.pdf")
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="cx-awards-cx27-digital-public-service-report.pdf"'
    )
    _reader, text = text_of(response.content)
    sent = Nomination.objects.submitted().filter(category=category).count()
    assert "Category: Digital public service" in text
    assert f"{sent} Nominations sent" in text
    assert "Results are not published yet." in text


def test_the_summary_is_in_the_sponsor_users_language(sponsor, client):
    sponsor.language = "fr"
    sponsor.save(update_fields=["language"])
    category = Category.objects.get(cycle__code="CX27", name_en="Digital public service")
    client.force_login(sponsor)
    # Asked from the English pages, made in the language of the account.
    _reader, text = text_of(client.get(f"/sponsors/CX27/{category.pk}/report.pdf").content)
    assert "Service public numérique" in text
    assert "Brouillons" in text and "Non commencée" in text  # judging table headers


def test_the_administrators_summary_has_no_sponsor():
    cycle = AwardCycle.objects.get(code="CX27")
    reader, text = text_of(report_pdf(ReportScope(cycle=cycle, full=True)))
    assert "Full report for administrators" in text and "Prepared for" not in text
    assert sum(len(page.images) for page in reader.pages) == 0


def test_logo_data_uri(sponsor):
    partner = sponsor.sponsor_membership.partner
    assert logo_data_uri(partner).startswith("data:image/png;base64,")
    partner.logo = None
    assert logo_data_uri(partner) == ""
    assert logo_data_uri(None) == ""


def test_bar_chart_is_accessible_and_escaped():
    svg = charts.bar_chart("c", "By <country>", [("Kenya & co", 3), ("Ghana", 1)])
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert 'aria-labelledby="c-title c-desc"' in svg
    assert '<title id="c-title">By &lt;country&gt;</title>' in svg
    assert "Kenya &amp; co: 3; Ghana: 1" in svg
    assert svg.count("<rect") == 2


def test_pie_chart_of_one_value_is_a_circle():
    svg = charts.pie_chart("p", "Statuses", [("Eligible", 5), ("Winner", 0)])
    assert "<circle" in svg and "<path" not in svg and "Eligible: 5 (100%)" in svg
    svg = charts.pie_chart("p", "Statuses", [("Eligible", 3), ("Winner", 1)])
    assert svg.count("<path") == 2 and "Winner: 1 (25%)" in svg


def test_top_rows_add_up_the_rest():
    rows = [(f"C{n}", 10 - n) for n in range(6)]
    assert charts.top_rows(rows, 4, "Other") == [("C0", 10), ("C1", 9), ("C2", 8), ("Other", 18)]
    assert charts.top_rows(rows[:3], 4, "Other") == rows[:3]


def test_stacked_bars_describe_every_series():
    svg = charts.stacked_bar_chart(
        "j",
        "Judging",
        [("Screening", [6, 2, 1])],
        [("Submitted", "#000"), ("Drafts", "#111"), ("Not started", "#222")],
    )
    assert "Screening: Submitted 6, Drafts 2, Not started 1" in svg
