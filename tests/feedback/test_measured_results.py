"""Measured results in the nomination wizard (nominations/wizard/measured.py, feedback/evidence.py):
agency staff attach their agency's figures for a period, frozen into the nomination; they can
change the period or remove them before sending; nobody can attach another agency's figures or
type figures of their own."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from nominations.wizard.measured import LAST_6, LAST_12
from tests.factories.feedback import (
    AgencyFactory,
    AgencyMembershipFactory,
    DailyRollupFactory,
    ServicePointFactory,
)
from tests.nominations.wizard.driver import VALID_ANSWERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def agency(nominator):
    agency = AgencyFactory(name="Huduma Test Agency", slug="huduma-test", country="KE")
    AgencyMembershipFactory(agency=agency, user=nominator)
    point = ServicePointFactory(agency=agency)
    today = timezone.localdate()
    # 12 answers a month ago, 12 answers ten months ago: 24 in 12 months, 12 in 6 months.
    DailyRollupFactory(point=point, day=today - timedelta(days=30))
    DailyRollupFactory(point=point, day=today - timedelta(days=300))
    return agency


@pytest.fixture
def other_agency():
    agency = AgencyFactory(name="Someone Else's Agency", slug="someone-else", country="GH")
    DailyRollupFactory(point=ServicePointFactory(agency=agency), n=50, satisfied=50)
    return agency


def attach(wizard, source="agency:huduma-test", period=LAST_12, **extra):
    answers = dict(VALID_ANSWERS["results"])
    return wizard.post(
        "results",
        answers,
        action="attach_measured",
        **{"measured-source": source, "measured-period": period},
        **extra,
    )


def remove(wizard):
    return wizard.post("results", VALID_ANSWERS["results"], action="remove_measured")


def test_staff_attach_their_agencys_figures_frozen_with_the_typed_answers_saved(wizard, agency):
    page = wizard.client.get(wizard.url("results"))
    assert b"Huduma Test Agency" in page.content
    assert b"Attach measured results" in page.content
    response = attach(wizard)
    assert response.status_code == 302
    nomination = wizard.nomination
    snapshot = nomination.measured_results
    assert snapshot["source_name"] == "Huduma Test Agency"
    assert snapshot["source_slug"] == "huduma-test"
    assert snapshot["country"] == "KE"
    assert snapshot["answers"] == 24
    satisfied = snapshot["measures"]["satisfied"]
    assert satisfied["value"] == 75.0 and satisfied["n"] == 24
    assert satisfied["low"] < 75 < satisfied["high"]
    assert set(snapshot["measures"]) == {"satisfied", "effort", "resolved", "nps"}
    assert snapshot["method"] and snapshot["taken_at"]
    # What was typed on the step is saved too, not lost.
    assert nomination.results == VALID_ANSWERS["results"]["results"]
    page = wizard.client.get(response["Location"])
    assert b"Measured by the citizen feedback platform" in page.content
    assert b"24 answers of citizens" in page.content
    assert b"Remove the measured results" in page.content


def test_changing_the_period_takes_new_figures(wizard, agency):
    attach(wizard)
    attach(wizard, period=LAST_6)
    snapshot = wizard.nomination.measured_results
    assert snapshot["answers"] == 12
    assert snapshot["period_key"] == LAST_6


def test_below_ten_answers_a_measure_says_so(wizard, agency):
    agency.points.first().rollups.update(
        n=4, satisfied=4, effort_sum=20, effort_squares=100, resolved=3, promoters=2, detractors=1
    )
    attach(wizard)
    snapshot = wizard.nomination.measured_results
    assert snapshot["answers"] == 8
    assert snapshot["measures"]["satisfied"] is None
    page = wizard.client.get(wizard.url("results"))
    assert b"Not enough answers" in page.content


def test_remove_before_sending(wizard, agency):
    attach(wizard)
    response = remove(wizard)
    assert response.status_code == 302
    assert wizard.nomination.measured_results is None
    page = wizard.client.get(wizard.url("results"))
    assert b"Measured by the citizen feedback platform" not in page.content


def test_the_frozen_snapshot_survives_new_answers_and_sending(wizard, agency):
    wizard.complete_all()
    attach(wizard)
    frozen = wizard.nomination.measured_results
    # Many new answers after attaching.
    DailyRollupFactory(point=agency.points.first(), n=500, satisfied=10, day=timezone.localdate())
    check = wizard.client.get(wizard.url("check"))
    assert b"Measured by the citizen feedback platform" in check.content
    wizard.post("declaration", VALID_ANSWERS["declaration"])
    response = wizard.submit()
    assert response.status_code == 302, response
    nomination = wizard.nomination
    assert nomination.is_sent
    assert nomination.measured_results == frozen
    # Kept in the version judges read.
    assert nomination.versions.get().answers["measured_results"] == frozen
    # No more attaching or removing once sent.
    wizard.client.post(
        wizard.url("results"),
        wizard.form_data("results", VALID_ANSWERS["results"], action="remove_measured"),
    )
    assert wizard.nomination.measured_results == frozen
    detail = wizard.client.get(f"/my-nominations/{nomination.uuid}/")
    assert b"Measured by the citizen feedback platform" in detail.content


def test_nominators_who_are_no_agencys_staff_see_how_to_get_measured_evidence(wizard):
    page = wizard.client.get(wizard.url("results"))
    assert b"Attach measured results" not in page.content
    assert b"ask the awards team to register your agency" in page.content


# Attacks ---------------------------------------------------------------------------------------
def test_attack_another_agencys_slug_is_refused_and_nothing_attached(wizard, agency, other_agency):
    response = attach(wizard, source="agency:someone-else")
    assert response.status_code == 200
    assert b"only the measured results of an agency you are staff of" in response.content
    assert wizard.nomination.measured_results is None
    # The answers typed on the page are kept in it.
    assert VALID_ANSWERS["results"]["citizen_impact"].encode() in response.content


def test_attack_a_nominator_with_no_agency_cannot_attach_any(wizard, other_agency):
    response = attach(wizard, source="agency:someone-else")
    assert response.status_code == 200
    assert wizard.nomination.measured_results is None


def test_attack_the_source_checks_membership_itself(nominator, other_agency):
    """Even asked directly (past the form's choices), the platform refuses another agency."""
    from feedback.evidence import SOURCE
    from nominations.wizard.measured import NotYours, period

    with pytest.raises(NotYours):
        SOURCE.snapshot(nominator, "agency:someone-else", period(LAST_12, None))


def test_attack_figures_posted_with_the_choice_change_nothing(wizard, agency):
    forged = {"measured_results": json.dumps({"answers": 9999}), "measured-answers": "9999"}
    forged["results-measured_results"] = json.dumps({"measures": {"nps": {"value": 100}}})
    forged["measured-satisfied"] = "100"
    attach(wizard, **forged)
    snapshot = wizard.nomination.measured_results
    assert snapshot["answers"] == 24
    assert snapshot["measures"]["nps"]["value"] != 100
    # The step's own save ignores them too.
    wizard.post("results", VALID_ANSWERS["results"], **forged)
    assert wizard.nomination.measured_results == snapshot


def test_attack_forged_figures_without_a_snapshot_attach_nothing(wizard, agency):
    wizard.post(
        "results",
        VALID_ANSWERS["results"],
        **{"results-measured_results": json.dumps({"answers": 9999})},
    )
    assert wizard.nomination.measured_results is None


def test_attack_an_unknown_period_is_refused(wizard, agency):
    response = attach(wizard, period="last100")
    assert response.status_code == 200
    assert b"Choose one of the periods listed" in response.content
    assert wizard.nomination.measured_results is None
