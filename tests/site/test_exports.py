"""The site's one writer of spreadsheets and CSV (awards_site/exports.py), and the admin's
downloads as people read them: labels instead of codes, dates in the site's time zone to the
minute, CSV that Excel opens with accents, the downloads among the list's visible buttons.
The attack itself (hostile text through every exporter, opened with LibreOffice) is
tests/site/security/test_export_injection.py."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook

from awards_site import exports
from nominations.models import Nomination
from tests.factories.cms import OpenLetterSignatureFactory

LAGOS = datetime.timezone(datetime.timedelta(hours=1))  # the demo's TIME_ZONE, Africa/Lagos


def test_text_that_a_spreadsheet_reads_as_a_formula_is_guarded_in_csv():
    for text in ("=1+1", "+1+1", "-2+3", "@SUM(1)", "\t=1", "\r=1"):
        assert exports.csv_field(text) == "'" + text
    for text in ("Ministry of Health", "", "1+1", "Ökonomie", "#N/A"):
        assert exports.csv_field(text) == text


def test_numbers_and_dates_stay_numbers_and_dates_in_csv():
    assert exports.csv_row([-20, 4.5, Decimal("78.0"), Decimal("2.50"), 0, None]) == [
        "-20",
        "4.5",
        "78",
        "2.5",
        "0",
        "",
    ]
    moment = datetime.datetime(2027, 3, 1, 9, 5, 42, 123456, tzinfo=datetime.UTC)
    assert exports.csv_field(moment) == "2027-03-01 10:05"  # Lagos, to the minute
    assert exports.csv_field(datetime.date(2027, 3, 1)) == "2027-03-01"


def test_booleans_lists_and_lazy_labels_read_as_words():
    with translation.override("fr"):
        assert exports.csv_row([True, False]) == ["Oui", "Non"]
    assert exports.csv_field(["Kenya", "=Ghana"]) == "Kenya, =Ghana"
    assert exports.csv_field(["=Ghana", "Kenya"]) == "'=Ghana, Kenya"
    assert exports.csv_field(translation.gettext_lazy("Submitted")) == "Submitted"


def test_a_csv_file_starts_with_a_bom_and_keeps_accents():
    content = "".join(exports.csv_lines(["Nom"], [["Agence de l’état civil"], ["=1"]]))
    assert content.startswith("\ufeffNom\r\n")
    assert list(csv.reader(io.StringIO(content.removeprefix("\ufeff")))) == [
        ["Nom"],
        ["Agence de l’état civil"],
        ["'=1"],
    ]


def test_xlsx_cells_keep_text_as_text_and_numbers_as_numbers():
    book = exports.new_workbook()
    sheet = book.create_sheet("Sheet")
    moment = datetime.datetime(2027, 3, 1, 9, 5, 42, tzinfo=datetime.UTC)
    sheet.append(
        exports.row(sheet, ["=1+1", "#N/A", "plain", -20, Decimal("7.5"), moment, "bell\x07"])
    )
    sheet.append([exports.cell(sheet, "+254712345678"), exports.cell(sheet, 3, "0.0")])
    cells = list(load_workbook(io.BytesIO(exports.workbook_bytes(book))).active.iter_rows())
    first, second = cells
    assert [(c.value, c.data_type) for c in first[:5]] == [
        ("=1+1", "s"),
        ("#N/A", "s"),
        ("plain", "s"),
        (-20, "n"),
        (7.5, "n"),
    ]
    assert first[0].quotePrefix  # kept as text when someone edits the cell too
    assert first[5].value == datetime.datetime(2027, 3, 1, 10, 5)  # local, to the minute
    assert first[5].number_format == exports.DATETIME_FORMAT
    assert first[6].value == "bell"  # a character xlsx cannot hold is left out
    assert (second[0].value, second[0].data_type) == ("+254712345678", "s")
    assert (second[1].value, second[1].number_format) == (3, "0.0")


def test_sheet_titles_excel_accepts():
    assert exports.sheet_title("Results: round 1/2 [final]?") == "Results  round 1 2  final  "[:31]
    assert len(exports.sheet_title("x" * 40)) == 31


# The admin's downloads ---------------------------------------------------------------------


def _csv(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert content.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with the BOM
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


@pytest.mark.django_db
def test_the_nominations_download_says_what_people_read(demo_admin_client):
    nomination = Nomination.objects.filter(submitted_at__isnull=False).first()
    rows = {
        row["Reference"]: row
        for row in _csv(demo_admin_client.get("/admin/nomination/?export=csv"))
    }
    row = rows[nomination.reference]
    assert row["Status"] == nomination.get_status_display()  # "Submitted", not "submitted"
    assert row["Country"] == nomination.get_country_display()  # "Kenya", not "KE"
    assert row["Kind of organisation"] == nomination.get_organisation_kind_display()
    assert row["Category"] == str(nomination.category)
    local = timezone.localtime(nomination.submitted_at)
    assert row["Submitted"] == local.strftime("%Y-%m-%d %H:%M")  # not UTC, no microseconds

    book = load_workbook(
        io.BytesIO(demo_admin_client.get("/admin/nomination/?export=xlsx").getvalue())
    )
    sheet = book.active
    header = [cell.value for cell in sheet[1]]
    [cells] = [r for r in sheet.iter_rows(min_row=2) if r[0].value == nomination.reference]
    values = dict(zip(header, cells, strict=True))
    assert values["Status"].value == nomination.get_status_display()
    assert values["Submitted"].value == local.replace(tzinfo=None, second=0, microsecond=0)
    assert values["Submitted"].number_format == exports.DATETIME_FORMAT


@pytest.mark.django_db
def test_a_signatures_download_names_countries_and_answers_in_words(demo_admin_client):
    OpenLetterSignatureFactory(
        page_key="00000000-0000-4000-8000-000000000001",
        name="Adjoa Mensah",
        country="GH",
        email="adjoa@example.org",
        list_publicly=True,
    )
    response = demo_admin_client.get("/admin/snippets/cms/openlettersignature/?export=csv")
    [row] = [row for row in _csv(response) if row["Full name"] == "Adjoa Mensah"]
    assert row["Country"] == "Ghana"
    assert "Yes" in row.values()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/nomination/",
        "/admin/snippets/cms/openlettersignature/",
        "/admin/snippets/cms/pledgesignature/",
        "/admin/reports/translations/",
    ],
)
def test_the_downloads_are_among_the_lists_visible_buttons(demo_admin_client, url):
    html = demo_admin_client.get(url).content.decode()
    header = html.split('id="w-slim-header-buttons"')[1].split("</nav>")[0]
    for format_ in ("xlsx", "csv"):
        link = f'href="{url}?export={format_}" class="w-header-button button"'
        assert link in header, format_
    assert "Download Excel (XLSX)" in header and "Download CSV" in header
    # Not a second time in the ⋯ menu.
    assert html.count(f'{url}?export=csv"') == 1
