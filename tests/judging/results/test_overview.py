"""The awards overview on the admin dashboard: the numbers (judging/results/overview.py) over a
small
cycle of its own, a fixed number of queries whatever the data, and the panel as administrators
and others see it (judging/results/overview_admin.py)."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from judging.models import Assignment, ScoresheetStatus
from judging.results.overview import awards_overview
from nominations.choices import NominationStatus
from nominations.models import AwardCycle
from tests.factories.accounts import GroupFactory, UserFactory
from tests.factories.judging import (
    AssignmentFactory,
    CertificateFactory,
    RoundFactory,
    ScoresheetFactory,
)
from tests.factories.nominations import CategoryFactory, NominationFactory

QUERIES = 4  # statuses, categories, rounds with their progress, certificates


def certificate(entry, revoked=False):
    return CertificateFactory(
        kind="participation", nomination=entry, revoked_at=timezone.now() if revoked else None
    )


@pytest.fixture
def judged_world(world):
    """The judging world (tests/conftest.py: 4 eligible entries, 2 judges each), plus a
    draft, a withdrawn nomination, a third empty category, a second round, 3 submitted
    scoresheets and a draft, and 2 certificates of which one is revoked."""
    NominationFactory(
        cycle=world.cycle, category=world.categories[0], number=5, status=NominationStatus.DRAFT
    )
    NominationFactory(
        cycle=world.cycle, category=world.categories[1], number=6, status=NominationStatus.WITHDRAWN
    )
    world.empty = CategoryFactory(cycle=world.cycle, name_en="Empty", sort_order=3)
    world.final = RoundFactory(
        cycle=world.cycle,
        rubric=world.rubric,
        name_en="Final",
        opens_at=timezone.now() + timedelta(days=20),
        closes_at=timezone.now() + timedelta(days=30),
    )
    assignments = list(Assignment.objects.filter(round=world.round).order_by("pk"))
    for assignment in assignments[:3]:
        ScoresheetFactory(assignment=assignment, status=ScoresheetStatus.SUBMITTED)
    ScoresheetFactory(assignment=assignments[3])
    certificate(world.entries[0])
    certificate(world.entries[1], revoked=True)
    return world


def test_the_overview_counts_what_the_lists_show(judged_world):
    world = judged_world
    overview = awards_overview(world.cycle)
    assert overview.cycle == world.cycle
    assert overview.state == "closed"
    assert [(line.key, str(line.label), line.count) for line in overview.by_status] == [
        ("draft", "Draft", 1),
        ("withdrawn", "Withdrawn", 1),
        ("eligible", "Eligible", 4),
    ]
    assert (overview.nominations, overview.sent) == (6, 4)
    assert [(line.key, line.label, line.count) for line in overview.by_category] == [
        (world.categories[0].pk, "Digital", 3),
        (world.categories[1].pk, "Frontline", 3),
        (world.empty.pk, "Empty", 0),
    ]
    screening, final = overview.rounds
    assert (screening.round, screening.submitted, screening.assigned) == (world.round, 3, 8)
    assert screening.percent == 38
    assert (final.round, final.submitted, final.assigned, final.percent) == (world.final, 0, 0, 0)
    assert overview.certificates == 1  # the revoked one is not counted


def test_the_overview_is_of_the_current_cycle_by_default(judged_world):
    current = AwardCycle.objects.current()
    assert awards_overview().cycle == current
    AwardCycle.objects.update(is_current=False)
    assert awards_overview() is None


def test_the_overview_costs_the_same_queries_with_more_data(
    judged_world, django_assert_num_queries
):
    world = judged_world
    with django_assert_num_queries(QUERIES):
        awards_overview(world.cycle)
    more = CategoryFactory(cycle=world.cycle, name_en="More", sort_order=4)
    for number in range(10, 30):
        entry = NominationFactory(
            cycle=world.cycle, category=more, number=number, status=NominationStatus.SUBMITTED
        )
        certificate(entry)
    third = RoundFactory(cycle=world.cycle, rubric=world.rubric, name_en="Third")
    for judge in world.judges:
        for entry in world.entries:
            AssignmentFactory(
                round=third, nomination=entry, judge=judge, due_on=third.scores_due_on
            )
    with django_assert_num_queries(QUERIES):
        overview = awards_overview(world.cycle)
    assert overview.certificates == 21
    assert {item.round: item.assigned for item in overview.rounds}[third] == 12


# The panel -------------------------------------------------------------------------------------


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_administrators_see_the_overview_with_links_into_the_lists(client):
    cycle = AwardCycle.objects.current()
    overview = awards_overview()
    html = dashboard(client, get_user_model().objects.get(email="admin@demo.test"))
    panel = html.split('id="awards-overview-content"')[1].split("</section>")[0]
    assert cycle.name in panel
    assert f'href="/admin/nomination/?cycle={cycle.pk}">Every nomination of the cycle' in panel
    for line in overview.by_status:
        assert f'href="/admin/nomination/?cycle={cycle.pk}&amp;status={line.key}"' in panel
    for line in overview.by_category:
        assert f'href="/admin/nomination/?cycle={cycle.pk}&amp;category={line.key}"' in panel
    for item in overview.rounds:
        assert f'href="/admin/judging/rounds/{item.round.pk}/progress/"' in panel
        assert f"{item.submitted} of {item.assigned} assigned" in panel
    assert f"/admin/judging/certificates/?cycle={cycle.pk}&amp;state=valid" in panel
    assert f"{overview.sent} nominations sent" in panel


@pytest.mark.django_db
def test_the_links_lead_to_the_filtered_lists(client):
    cycle = AwardCycle.objects.current()
    client.force_login(get_user_model().objects.get(email="admin@demo.test"))
    line = awards_overview().by_status[0]
    html = client.get(f"/admin/nomination/?cycle={cycle.pk}&status={line.key}").content.decode()
    shown = [
        nomination.organisation_name
        for nomination in cycle.nominations.filter(status=line.key).exclude(organisation_name="")
    ]
    assert shown and all(name.replace("'", "&#x27;") in html for name in shown)


@pytest.mark.django_db
def test_only_people_who_may_see_nominations_see_the_overview(client):
    editor = get_user_model().objects.get(email="editor@demo.test")
    assert 'id="awards-overview' not in dashboard(client, editor)

    # Someone who may only read nominations sees the numbers, without the judging links.
    reader = UserFactory(email="reader@example.org")
    group = GroupFactory(name="Readers", permissions=["access_admin", "view_nomination"])
    reader.groups.add(group)
    html = dashboard(client, reader)
    assert 'id="awards-overview' in html
    assert "/admin/nomination/?cycle=" in html
    assert "/progress/" not in html and "/admin/judging/certificates/" not in html


@pytest.mark.django_db
def test_the_dashboard_costs_the_same_queries_with_more_data(client, django_assert_max_num_queries):
    admin = get_user_model().objects.get(email="admin@demo.test")
    client.force_login(admin)
    client.get("/admin/")  # warm the caches
    with django_assert_max_num_queries(80) as captured:
        client.get("/admin/")
    baseline = len(captured)
    cycle = AwardCycle.objects.current()
    category = CategoryFactory(cycle=cycle, name_en="Another", sort_order=99)
    owner = UserFactory(email="many@example.org")
    for number in range(15):
        NominationFactory(
            nominator=owner,
            category=category,
            status=NominationStatus.SUBMITTED,
            organisation_name=f"Agency {number}",
            country="GH",
            reference=f"CX27-GH-8{number:03d}",
        )
    RoundFactory(cycle=cycle, rubric=cycle.rounds.first().rubric, name_en="Another round")
    client.get("/admin/")  # the new rows moved the site's kept lookups on: warm them again
    with django_assert_max_num_queries(baseline):
        html = client.get("/admin/").content.decode()
    assert "Another round" in html and "Another" in html
