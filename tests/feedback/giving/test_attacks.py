"""The abuse guards of the citizen's form, each written as the attack it stops
(feedback/giving/guards.py, recording.py): each test fails without its guard."""

import time

import pytest
from django.core import signing
from django.test import Client

from feedback.giving import guards, recording
from feedback.models import AgencyMonthlyRollup, DailyRollup, MonthlyRollup, Response, ServicePoint
from tests.factories.feedback import AgencyFactory, ServicePointFactory
from tests.feedback.conftest import GOOD_ANSWERS, Citizen, token_of
from tests.pages import page_text

pytestmark = pytest.mark.django_db


# The form token ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "token",
    [
        "",
        "forged",
        signing.dumps({"point": "ACDEFG", "visit": "x"}, salt="another-salt"),
    ],
    # Named, not shown: the signed token holds the time it was made, and parallel workers must
    # collect the same test names (pytest-xdist).
    ids=["empty", "made-up", "signed-with-another-salt"],
)
def test_a_forged_token_brings_the_form_back_with_the_answers_kept(citizen, token):
    response = citizen.answer(token=token, comment="My comment")
    assert response.status_code == 200
    assert not citizen.point.responses.exists()
    html = response.content.decode()
    assert "your answers were not sent yet" in page_text(response)
    assert 'value="5" required id="id_satisfaction_4" checked' in html
    assert "My comment" in html
    # One click sends them again: the page carries a fresh, valid token.
    assert guards.token_is_valid(token_of(response), citizen.point)
    again = citizen.client.post(citizen.address, {**GOOD_ANSWERS, "token": token_of(response)})
    assert again.status_code == 302 and citizen.point.responses.count() == 1


def test_an_expired_token_brings_the_form_back(citizen, settings, monkeypatch):
    token = token_of(citizen.open())
    two_hours_later = time.time() + settings.FEEDBACK_TOKEN_MAX_AGE + 1
    monkeypatch.setattr(signing.time, "time", lambda: two_hours_later)
    response = citizen.answer(token=token)
    assert response.status_code == 200 and not citizen.point.responses.exists()
    assert "your answers were not sent yet" in page_text(response)


def test_a_token_of_another_point_does_not_open_this_one(citizen):
    other = ServicePointFactory()
    token = token_of(citizen.client.get(f"/feedback/{other.code}/"))
    response = citizen.answer(token=token)
    assert response.status_code == 200 and not citizen.point.responses.exists()


# The honeypot ------------------------------------------------------------------------------------
def test_a_filled_honeypot_is_thanked_and_nothing_stored(citizen):
    response = citizen.answer(website_address="http://spam.example")
    assert response.status_code == 302
    assert response["Location"] == f"/feedback/{citizen.point.code}/thanks/"
    assert not citizen.point.responses.exists() and not citizen.point.rollups.exists()


# Rate limits -------------------------------------------------------------------------------------
def answers_from(address, point, count, agent="phone"):
    """`count` answers from as many devices (user agents) behind one network address."""
    results = []
    for number in range(count):
        client = Client(REMOTE_ADDR=address, HTTP_USER_AGENT=f"{agent} {number}")
        results.append(Citizen(client, point).answer())
    return results


def test_over_the_limit_of_a_network_and_point_the_answer_is_not_taken(point, settings):
    settings.FEEDBACK_RATE_PER_POINT = "3/h"
    results = answers_from("198.51.100.7", point, 5)
    assert point.responses.count() == 3
    assert point.rollups.get().n == 3
    over = results[3:]
    assert [r["Location"] for r in over] == [f"/feedback/{point.code}/thanks/?answer=kept"] * 2
    thanks = Client().get(over[0]["Location"])
    assert thanks.status_code == 200
    assert "so we kept the earlier ones" in page_text(thanks)
    # Another network is not held back.
    answers_from("203.0.113.9", point, 1)
    assert point.responses.count() == 4


def test_over_the_limit_of_a_network_no_point_takes_more(settings):
    settings.FEEDBACK_RATE_PER_NETWORK = "4/h"
    agency = AgencyFactory()
    points = [ServicePointFactory(agency=agency) for _ in range(3)]
    for point in points:
        answers_from("2001:db8:1:2::10", point, 2, agent=point.code)
    assert Response.objects.filter(point__agency=agency).count() == 4
    # The same /64 is the same network.
    answers_from("2001:db8:1:2::99", points[2], 1)
    assert Response.objects.filter(point__agency=agency).count() == 4


# One answer per device, point and day -------------------------------------------------------------
def test_a_second_answer_the_same_day_replaces_the_first(citizen):
    citizen.answer(satisfaction="1", recommend="2", resolved="no")
    response = citizen.answer(satisfaction="5", recommend="10", resolved="yes", comment="Better")
    assert response["Location"] == f"/feedback/{citizen.point.code}/thanks/?answer=updated"
    stored = citizen.point.responses.get()
    assert (stored.satisfaction, stored.recommend, stored.comment) == (5, 10, "Better")
    rollup = citizen.point.rollups.get()
    # The first answer's counts were taken out: a detractor then, a promoter now.
    assert (rollup.n, rollup.satisfied, rollup.resolved) == (1, 1, 1)
    assert (rollup.promoters, rollup.detractors) == (1, 0)
    thanks = citizen.client.get(response["Location"])
    assert "replace the ones you gave about this service earlier today" in page_text(thanks)


def test_another_device_on_the_same_network_counts_on_its_own(point):
    answers_from("198.51.100.20", point, 2)
    assert point.responses.count() == 2 and point.rollups.get().n == 2


def test_the_device_key_changes_every_day_and_hides_the_address(rf):
    from datetime import date

    request = rf.get("/", REMOTE_ADDR="192.0.2.44", HTTP_USER_AGENT="Phone")
    monday, tuesday = date(2026, 3, 2), date(2026, 3, 3)
    assert guards.device_key(request, monday) == guards.device_key(request, monday)
    assert guards.device_key(request, monday) != guards.device_key(request, tuesday)
    other = rf.get("/", REMOTE_ADDR="192.0.2.45", HTTP_USER_AGENT="Phone")
    assert guards.device_key(other, monday) != guards.device_key(request, monday)
    assert "192.0.2.44" not in guards.device_key(request, monday)


# Parallel answers --------------------------------------------------------------------------------
ANSWER = recording.Answer(satisfaction=5, effort=6, resolved=True, recommend=9)
RACERS = 4


def make_point():
    return ServicePointFactory(agency=AgencyFactory(slug="race-agency"))


def remove(*points):
    """PostgreSQL keeps what the race's threads commit: its points and their agency go."""
    for point in points:
        Response.objects.filter(point=point).delete()
        DailyRollup.objects.filter(point=point).delete()
        MonthlyRollup.objects.filter(point=point).delete()
        ServicePoint.objects.filter(pk=point.pk).delete()
    points[0].agency.delete()


def test_parallel_answers_of_one_device_leave_one_row(race):
    point = race.alone(make_point)
    try:
        outcomes = race.together(*[lambda: recording.take(point, ANSWER, "same-device")] * RACERS)
        assert sorted(outcomes) == [recording.NEW] + [recording.REPLACED] * (RACERS - 1)
        assert race.alone(lambda: Response.objects.filter(point=point).count()) == 1
        for model in (DailyRollup, MonthlyRollup):
            rollup = race.alone(lambda model=model: model.objects.get(point=point))
            assert (rollup.n, rollup.satisfied, rollup.promoters) == (1, 1, 1)
    finally:
        race.alone(lambda: remove(point))


def test_parallel_answers_of_many_devices_are_all_counted(race):
    point = race.alone(make_point)
    try:
        race.together(
            *[lambda n=n: recording.take(point, ANSWER, f"device-{n}") for n in range(RACERS)]
        )
        assert race.alone(lambda: Response.objects.filter(point=point).count()) == RACERS
        for model in (DailyRollup, MonthlyRollup):
            rollup = race.alone(lambda model=model: model.objects.get(point=point))
            assert (rollup.n, rollup.effort_sum, rollup.resolved) == (RACERS, 6 * RACERS, RACERS)
        agency_month = race.alone(lambda: AgencyMonthlyRollup.objects.get(agency=point.agency))
        assert (agency_month.n, agency_month.resolved) == (RACERS, RACERS)
    finally:
        race.alone(lambda: remove(point))


def test_parallel_answers_at_the_points_of_one_agency_all_reach_its_month(race):
    """The agency's month is one row every point's answer moves: none may be lost."""

    def make_points():
        agency = AgencyFactory(slug="race-agency")
        return [ServicePointFactory(agency=agency) for _ in range(RACERS)]

    points = race.alone(make_points)
    try:
        race.together(*[lambda p=p: recording.take(p, ANSWER, "one-device") for p in points])
        agency_month = race.alone(lambda: AgencyMonthlyRollup.objects.get(agency=points[0].agency))
        assert (agency_month.n, agency_month.promoters) == (RACERS, RACERS)
    finally:
        race.alone(lambda: remove(*points))
