"""The report kinds (cms/reports/kinds.py): each one is a download in the sponsor area and in the
administrators' screen, written by the function its declaration names."""

import pytest
from django.test import Client
from django.urls import resolve, reverse

from cms.reports import admin_views
from cms.reports.kinds import REPORT_KINDS, ReportKind
from cms.sponsors import urls as sponsor_urls
from nominations.models import AwardCycle

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", REPORT_KINDS, ids=str)
def test_each_kind_downloads_as_its_file_for_sponsors_and_administrators(
    kind, sponsor, demo_admin, english
):
    cycle = AwardCycle.objects.get(code="CX26")
    for user, screen, url in (
        (sponsor, "/sponsors/", reverse(kind.sponsor_url, args=[cycle.code])),
        (demo_admin, "/admin/cycle-reports/", reverse(kind.admin_url, args=[cycle.pk])),
    ):
        client = Client()
        client.force_login(user)
        assert f'href="{url}"' in client.get(screen).content.decode()
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == kind.content_type
        assert response["Content-Disposition"].endswith(f'-report.{kind.extension}"')


def test_a_new_kind_gets_its_addresses_from_its_declaration():
    kind = ReportKind(
        "register",
        "Register",
        extension="csv",
        content_type="text/csv",
        download="Download the register",
        writer="cms.reports.workbook.report_workbook",
    )
    sponsor_routes = sponsor_urls.report_paths(kind)
    admin_routes = admin_views.report_paths("cycle-reports/", kind)
    assert [str(route.pattern) for route in sponsor_routes] == [
        "sponsors/<str:cycle_code>/report.csv",
        "sponsors/<str:cycle_code>/<int:category_id>/report.csv",
    ]
    assert [str(route.pattern) for route in admin_routes] == [
        "cycle-reports/<int:cycle_id>/report.csv",
        "cycle-reports/<int:cycle_id>/<int:category_id>/report.csv",
    ]
    assert {route.default_args["kind"] for route in sponsor_routes + admin_routes} == {"register"}
    assert {route.name for route in sponsor_routes} == {"register"}
    assert {route.name for route in admin_routes} == {"cms_reports_register"}


def test_the_kinds_urls_lead_to_their_kind():
    for kind in REPORT_KINDS:
        match = resolve(f"/sponsors/CX26/report.{kind.extension}")
        assert match.kwargs["kind"] == kind.value
        assert match.view_name == kind.sponsor_url
