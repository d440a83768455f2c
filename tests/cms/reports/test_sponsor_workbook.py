"""The report workbook (cms/reports/workbook.py), as a sponsor downloads it and as
administrators do: it reopens with openpyxl, its counts are the database's, its charts exist,
its sheets are formatted, and a sponsor's copy never holds a contact person's or a
nominator's email address, phone number or name."""

import io
from datetime import date, datetime

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone, translation
from openpyxl import load_workbook

from cms.models import PledgeSignature
from cms.reports.access import ReportScope
from cms.reports.figures import key_figures
from cms.reports.workbook import report_workbook
from judging.models import Assignment, Round, ScoresheetStatus
from judging.results.computation import round_results
from nominations.models import AwardCycle, Category, Nomination
from tests.factories.cms import PledgeSignatureFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def contacts():
    """Every nomination of the demo gets a contact person with a phone number, so there is
    something to leak; returns every contact and nominator detail in the database."""
    for nomination in Nomination.objects.all():
        nomination.contact_name = f"Person Number{nomination.pk}"
        nomination.contact_phone = f"+233 20 555 {nomination.pk:04d}"
        nomination.contact_email = f"person{nomination.pk}@contact.example"
        nomination.save(update_fields=["contact_name", "contact_phone", "contact_email"])
    rows = Nomination.objects.values_list(
        "contact_name", "contact_email", "contact_phone", "nominator__email"
    )
    return {value for row in rows for value in row if value}


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return load_workbook(io.BytesIO(response.content))


def cells(workbook):
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield sheet.title, cell


def table(sheet, title):
    """The rows (label, count) of a titled table of the summary sheet."""
    rows = list(sheet.iter_rows(values_only=True))
    start = next(index for index, row in enumerate(rows) if row[0] == title)
    found = []
    for row in rows[start + 2 :]:
        if row[0] is None:
            break
        found.append(row)
    return found


def sent(cycle, category=None):
    queryset = Nomination.objects.submitted().filter(cycle=cycle)
    return queryset.filter(category=category) if category else queryset


def test_a_sponsor_workbook_never_holds_contact_details(sponsor_client, contacts):
    urls = ["/sponsors/CX26/report.xlsx", "/sponsors/CX27/{}/report.xlsx"]
    category = Category.objects.get(cycle__code="CX27", name_en="Digital public service")
    urls[1] = urls[1].format(category.pk)
    urls.append(
        "/sponsors/CX26/{}/report.xlsx".format(Category.objects.filter(cycle__code="CX26")[0].pk)
    )
    for url in urls:
        workbook = download(sponsor_client, url)
        checked = 0
        for title, cell in cells(workbook):
            text = str(cell.value)
            assert "@" not in text, (url, title, cell.coordinate, text)
            assert "+233" not in text, (url, title, cell.coordinate, text)
            for secret in contacts:
                assert secret not in text, (url, title, cell.coordinate)
            checked += 1
        assert checked > 100
        headers = [str(cell.value).lower() for cell in workbook.worksheets[1][1]]
        assert not any(word in " ".join(headers) for word in ("email", "phone", "contact"))


def test_the_administrators_version_adds_the_contact_columns(contacts):
    cycle = AwardCycle.objects.get(code="CX27")
    workbook = load_workbook(io.BytesIO(report_workbook(ReportScope(cycle=cycle, full=True))))
    sheet = workbook["Nominations"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[7:12] == [
        "Contact person",
        "Job title",
        "Contact email",
        "Contact phone",
        "Nominated by (account email)",
    ]
    assert headers[12] == "Measured: source"  # then the measured results (test_measured_*)
    nomination = sent(cycle).first()
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == nomination.reference)
    assert row[9] == nomination.contact_email and row[10] == nomination.contact_phone
    assert row[11] == nomination.nominator.email


@pytest.mark.parametrize("code", ["CX26", "CX27"])
def test_counts_equal_the_database(code):
    cycle = AwardCycle.objects.get(code=code)
    PledgeSignatureFactory(
        page_key="00000000-0000-0000-0000-000000000001",
        name="A",
        email="a@pledge.example",
        country="GH",
        kind="individual",
    )
    PledgeSignatureFactory(
        page_key="00000000-0000-0000-0000-000000000001",
        name="B",
        email="b@pledge.example",
        country="GH",
        kind="company",
    )
    PledgeSignature.objects.filter(email__endswith="@pledge.example").update(
        confirmed_at=timezone.now()
    )
    # Not confirmed by its signer: not counted (cms/signing/confirmation.py).
    PledgeSignatureFactory(
        page_key="00000000-0000-0000-0000-000000000001",
        name="C",
        email="c@pledge.example",
        country="GH",
        kind="company",
    )
    workbook = load_workbook(io.BytesIO(report_workbook(ReportScope(cycle=cycle, full=True))))
    assert workbook.sheetnames[:2] == ["Summary", "Nominations"]
    summary = workbook["Summary"]
    figures = {row[0]: row[1] for row in table(summary, "Key figures")}
    assert figures["Nominations sent"] == sent(cycle).count() > 0
    assert figures["Countries"] == sent(cycle).values("country").distinct().count()
    assignments = Assignment.objects.filter(round__cycle=cycle)
    assert figures["Judges' assignments"] == assignments.count()
    submitted = assignments.filter(scoresheet__status=ScoresheetStatus.SUBMITTED).count()
    assert figures["Scoresheets submitted"] == submitted
    assert figures["Pledge signatures (whole program)"] == 2
    assert PledgeSignature.objects.count() == 3

    by_country = dict(sent(cycle).values_list("country").annotate(n=Count("pk")).order_by())
    rows = table(summary, "Nominations by country")
    assert sorted(n for _name, n, *_ in rows) == sorted(by_country.values())
    by_status = dict(sent(cycle).values_list("status").annotate(n=Count("pk")).order_by())
    assert sum(n for _name, n, *_ in table(summary, "Nominations by status")) == sum(
        by_status.values()
    )
    by_category = sent(cycle).values("category").annotate(n=Count("pk")).order_by()
    assert sorted(n for _name, n, *_ in table(summary, "Nominations by category")) == sorted(
        row["n"] for row in by_category
    )
    assert table(summary, "Pledge signatures by country (whole program)")[0][:2] == ("Ghana", 2)

    nominations = workbook["Nominations"]
    references = [row[0] for row in nominations.iter_rows(min_row=2, values_only=True)]
    assert sorted(references) == sorted(sent(cycle).values_list("reference", flat=True))
    if code == "CX27":  # the demo's drafts and withdrawn nominations are left out
        assert len(references) < Nomination.objects.filter(cycle=cycle).count()


def test_a_category_report_counts_that_category_only():
    cycle = AwardCycle.objects.get(code="CX27")
    category = Category.objects.get(cycle=cycle, name_en="Digital public service")
    workbook = load_workbook(
        io.BytesIO(report_workbook(ReportScope(cycle=cycle, category=category)))
    )
    figures = {row[0]: row[1] for row in table(workbook["Summary"], "Key figures")}
    assert figures["Nominations sent"] == sent(cycle, category).count() > 0
    assigned = Assignment.objects.filter(round__cycle=cycle, nomination__category=category)
    assert figures["Judges' assignments"] == assigned.count()
    categories = {row[4] for row in workbook["Nominations"].iter_rows(min_row=2, values_only=True)}
    assert categories == {"Digital public service"}


def test_charts_exist_and_reference_the_summary():
    cycle = AwardCycle.objects.get(code="CX26")
    workbook = load_workbook(io.BytesIO(report_workbook(ReportScope(cycle=cycle))))
    charts = workbook["Summary"]._charts
    kinds = [type(chart).__name__ for chart in charts]
    # country, category, status (pie), judging; no pledge signature in the demo, no chart.
    assert kinds == ["BarChart", "BarChart", "PieChart", "BarChart"]
    for chart in charts:
        for series in chart.series:
            assert series.val.numRef.f.startswith("'Summary'!")
    assert workbook["Nominations"]._charts == []


def test_sheets_are_formatted():
    cycle = AwardCycle.objects.get(code="CX26")
    workbook = load_workbook(io.BytesIO(report_workbook(ReportScope(cycle=cycle))))
    for name in ("Nominations", "Results"):
        sheet = workbook[name]
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}" + (
            f"{sheet.max_row}"
        )
        header = sheet[1]
        assert all(cell.font.bold and cell.fill.fgColor.rgb.endswith("0B5D3B") for cell in header)
        assert all(sheet.column_dimensions[cell.column_letter].width > 6 for cell in header)
    nominations = workbook["Nominations"]
    assert [cell.value for cell in nominations[1]][:7] == [
        "Reference",
        "Organisation",
        "Kind of organisation",
        "Country",
        "Category",
        "Status",
        "Sent on",
    ]
    # Then the measured results' columns (tests/feedback/test_measured_results_shown.py).
    assert nominations["H1"].value == "Measured: source"
    sent_on = nominations["G2"]
    assert isinstance(sent_on.value, datetime | date) and sent_on.number_format == "yyyy-mm-dd"
    results = workbook["Results"]
    assert results["G2"].number_format == "0.0" and isinstance(results["G2"].value, float)
    share = next(
        row[1]
        for row in workbook["Summary"].iter_rows()
        if row[0].value == "Scoresheets submitted (%)"
    )
    assert share.number_format == "0%" and 0 <= share.value <= 1


def test_results_appear_once_published():
    cx26 = AwardCycle.objects.get(code="CX26")
    workbook = load_workbook(io.BytesIO(report_workbook(ReportScope(cycle=cx26))))
    published = list(Round.objects.filter(cycle=cx26, results_published_at__isnull=False))
    assert published
    expected = sum(len(round_results(round)) for round in published)
    assert workbook["Results"].max_row - 1 == expected
    outcomes = {row[7] for row in workbook["Results"].iter_rows(min_row=2, values_only=True)}
    assert {"Winner", "Shortlisted"} <= outcomes

    cx27 = AwardCycle.objects.get(code="CX27")
    assert not Round.objects.filter(cycle=cx27, results_published_at__isnull=False).exists()
    workbook = load_workbook(io.BytesIO(report_workbook(ReportScope(cycle=cx27))))
    assert "Results" not in workbook.sheetnames


def test_sheet_names_and_headers_in_french():
    cycle = AwardCycle.objects.get(code="CX27")
    with translation.override("fr"):
        content = report_workbook(ReportScope(cycle=cycle))
    workbook = load_workbook(io.BytesIO(content))
    assert workbook.sheetnames[0] == "Synthèse"
    headers = [cell.value for cell in workbook.worksheets[1][1]]
    assert headers[0] == "Référence" and "Pays" in headers
    values = {row[4] for row in workbook.worksheets[1].iter_rows(min_row=2, values_only=True)}
    assert "Service public numérique" in values


def test_the_workbook_is_in_the_sponsor_users_language(sponsor_client):
    user = get_user_model().objects.get(email="sponsor@demo.test")
    user.language = "fr"
    user.save(update_fields=["language"])
    workbook = download(sponsor_client, "/sponsors/CX26/report.xlsx")
    assert workbook.sheetnames[0] == "Synthèse"


def test_figures_take_a_fixed_number_of_queries(django_assert_num_queries):
    cycle = AwardCycle.objects.get(code="CX26")
    with django_assert_num_queries(6):
        key_figures(ReportScope(cycle=cycle))
