"""The administrators' screens of agencies and service points, the platform's part of a person's
data, and the demo's agencies, points and answers."""

import pytest
from django.db.models import Sum

from feedback import demo, privacy
from feedback.models import Agency, AgencyMembership, DailyRollup, Response, ServicePoint
from tests.factories.feedback import AgencyMembershipFactory, ServicePointFactory

pytestmark = pytest.mark.django_db


# Admin -------------------------------------------------------------------------------------------
def test_an_administrator_adds_a_point_and_it_gets_its_address(demo_admin_client):
    agency = Agency.objects.get(slug="ke-huduma")
    response = demo_admin_client.post(
        "/admin/feedback/points/new/",
        {
            "agency": agency.pk,
            "kind": "office",
            "name": "Huduma Kisii",
            "town": "Kisii",
            "region": "Nyanza",
            "active": "on",
        },
    )
    assert response.status_code == 302
    point = ServicePoint.objects.get(name="Huduma Kisii")
    listing = demo_admin_client.get("/admin/feedback/points/?q=Kisii")
    assert f"/feedback/{point.code}/" in listing.content.decode()


@pytest.mark.parametrize("rows", [1, 4])
def test_the_points_list_costs_the_same_queries_with_more_rows(
    demo_admin_client, django_assert_num_queries, rows
):
    for _ in range(rows):
        ServicePointFactory(name=f"Listed point {rows}")
    demo_admin_client.get("/admin/feedback/points/?q=Listed")
    with django_assert_num_queries(POINTS_LIST_QUERIES) as captured:
        response = demo_admin_client.get("/admin/feedback/points/?q=Listed")
    assert len(captured) == POINTS_LIST_QUERIES
    assert response.content.decode().count("Listed point") >= rows


POINTS_LIST_QUERIES = 10


def test_the_editor_does_not_reach_the_screens(client, editor):
    client.force_login(editor)
    assert client.get("/admin/feedback/points/").status_code == 302


# Privacy -----------------------------------------------------------------------------------------
def test_agency_staff_in_the_persons_data_and_removed_on_erasure():
    membership = AgencyMembershipFactory(agency__name="Test revenue authority")
    (section,) = privacy.personal_data_sections(membership.user)
    assert section.key == "agency_staff"
    assert section.data[0]["agency"] == "Test revenue authority"
    counts = privacy.erase_personal_data(membership.user, None)
    assert counts == {"feedback_agency_memberships_removed": 1}
    assert not AgencyMembership.objects.filter(user=membership.user).exists()
    assert privacy.personal_data_sections(membership.user) == []


# Demo --------------------------------------------------------------------------------------------
def test_the_demo_agency_staff_signs_in_to_their_dashboard(client, settings):
    assert client.login(username="agency@demo.test", password=settings.DEMO_PASSWORD)
    assert client.get("/feedback/manage/")["Location"] == "/feedback/manage/ke-huduma/"


def test_the_demo_has_three_countries_six_agencies_twenty_points_and_5000_answers():
    agencies = Agency.objects.filter(slug__in=[slug for slug, *_ in demo.AGENCIES])
    assert agencies.count() == 6
    assert set(agencies.values_list("country", flat=True)) == {"KE", "GH", "SN"}
    points = ServicePoint.objects.filter(agency__in=agencies)
    assert points.count() == 20 and points.filter(active=False).count() == 1
    # Besides the counted answers, a few the burst detector held (out of the roll-ups).
    held = Response.objects.filter(point__in=points, status="held")
    assert held.count() == demo.HELD_ANSWERS
    answers = Response.objects.filter(point__in=points, status="counted")
    assert answers.count() == demo.ANSWERS
    # The roll-ups add up to the answers, field by field.
    rollups = DailyRollup.objects.filter(point__in=points).aggregate(
        n=Sum("n"), satisfied=Sum("satisfied")
    )
    assert rollups == {"n": demo.ANSWERS, "satisfied": answers.filter(satisfaction__gte=4).count()}


def test_running_the_demo_again_adds_nothing():
    before = (ServicePoint.objects.count(), Response.objects.count(), DailyRollup.objects.count())
    demo.load()
    assert (
        ServicePoint.objects.count(),
        Response.objects.count(),
        DailyRollup.objects.count(),
    ) == before
