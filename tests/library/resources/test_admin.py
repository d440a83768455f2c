"""Resources in the admin: editors and administrators manage them (a column with each one's
downloads), read the downloads report and download it as a spreadsheet; a nominator reaches
none of it."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from library.resources.counting import record_download
from library.resources.models import Resource
from library.resources.report import monthly_downloads
from tests.library.resources.conftest import make_resource

LIST = reverse("wagtailsnippets_library_resource:list")
ADD = reverse("wagtailsnippets_library_resource:add")
REPORT = reverse("library_downloads_report")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_editor_sees_resources_with_their_downloads(editor_client, db):
    resource = make_resource(title="Counted guide")
    for _ in range(3):
        record_download(resource)
    response = editor_client.get(LIST, {"q": "Counted"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Counted guide" in body and "Downloads" in body
    row = next(row for row in response.context["object_list"] if row.pk == resource.pk)
    assert row.downloads == 3


def test_the_list_costs_the_same_with_more_resources(
    editor_client, db, django_assert_max_num_queries
):
    editor_client.get(LIST)
    for number in range(10):
        record_download(make_resource(title=f"Listed guide {number}"))
    with django_assert_max_num_queries(40):
        assert editor_client.get(LIST).status_code == 200


def test_editor_adds_a_resource_and_gets_the_https_message(editor_client, db):
    data = {
        "title": "Complaints handling guide",
        "kind": "guide",
        "language": "en",
        "all_africa": "on",
        "licence": "cc-by-4.0",
        "summary": "Handling complaints in five steps.",
        "link": "http://example.org/complaints",
        "locale": "en",
    }
    response = editor_client.post(ADD, data)
    assert response.status_code == 200
    assert "Links must start with https://" in response.content.decode()
    assert not Resource.objects.filter(title="Complaints handling guide").exists()
    data["link"] = "https://example.org/complaints"
    response = editor_client.post(ADD, data)
    assert response.status_code == 302
    assert Resource.objects.filter(title="Complaints handling guide").exists()


def test_report_shows_downloads_per_resource_per_month(editor_client, db):
    resource = make_resource(title="Monthly guide")
    today = timezone.localdate()
    first = today.replace(day=1)
    record_download(resource, first)
    record_download(resource, first)
    last_month = first - timezone.timedelta(days=1)
    record_download(resource, last_month)
    rows = [row for row in monthly_downloads() if row.title == "Monthly guide"]
    assert [(row.month_start.month, row.downloads) for row in rows] == [
        (first.month, 2),
        (last_month.month, 1),
    ]
    response = editor_client.get(REPORT)
    assert response.status_code == 200
    assert "Monthly guide" in response.content.decode()


def test_report_downloads_as_a_spreadsheet(editor_client, db):
    resource = make_resource(title='=HYPERLINK("https://evil.example")')
    record_download(resource)
    response = editor_client.get(REPORT, {"export": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "Downloads" in values
    formula_cells = [cell for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    assert not formula_cells  # a title is text, never a formula
    csv = editor_client.get(REPORT, {"export": "csv"})
    assert csv.status_code == 200


def test_editor_sees_the_report_in_the_menu(editor, db):
    assert editor.has_perm("library.see_download_report")
    assert editor.has_perm("library.add_resource")
    assert editor.has_perm("library.delete_resource")


# Attacks ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [LIST, ADD, REPORT])
def test_a_nominator_reaches_no_resource_screen(nominator_client, url):
    response = nominator_client.get(url)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/login" in response["Location"] or "/admin/" in response["Location"]
    assert "Complaints" not in response.content.decode()


def test_a_nominator_cannot_add_a_resource(nominator_client, db):
    response = nominator_client.post(
        ADD, {"title": "Planted", "summary": "x", "link": "https://evil.example/", "locale": "en"}
    )
    assert response.status_code in (302, 403)
    assert not Resource.objects.filter(title="Planted").exists()


def test_a_sponsor_without_resource_rights_gets_no_report(client, sponsor):
    client.force_login(sponsor)
    assert not sponsor.has_perm("library.see_download_report")
    assert client.get(REPORT).status_code in (302, 403)
