"""Fixtures of the case studies' tests: the demo's case study library (library/cases/demo.py)
and a consenting placed entry whose answers name its contact person, with an email address and
a phone number in them."""

import pytest
from django.contrib.auth import get_user_model

from library.cases.models import CaseStudyIndexPage, CaseStudyPage
from nominations.statuses import NominationStatus
from tests.factories.accounts import UserFactory
from tests.factories.nominations import NominationFactory

CONTACT = "Wanjiru Kamau"


@pytest.fixture
def library(db):
    return CaseStudyIndexPage.objects.get(locale__language_code="en")


@pytest.fixture
def placed_entry(db):
    nominator = UserFactory(email="njeri@county.example", first_name="Njeri", last_name="Otieno")
    return NominationFactory(
        nominator=nominator,
        status=NominationStatus.WINNER,
        consent_case_study=True,
        language="en",
        organisation_name="Makueni County Health Services",
        initiative_title="Clinic slots booked by SMS",
        contact_name=CONTACT,
        contact_email="w.kamau@makueni.example",
        contact_phone="+254712345678",
        summary="Patients book a clinic slot by SMS instead of queuing from dawn.",
        challenge=(
            "Patients queued from 5am. Wanjiru Kamau, our outpatient lead, counted 300 people "
            "a day leaving without being seen."
        ),
        actions_process=(
            "Ask Wanjiru (w.kamau@makueni.example, +254 712 345 678) for the slot timetable; "
            "Njeri Otieno wrote the SMS scripts. We solve requests at the first contact."
        ),
        results="Median wait fell from 4 hours to 50 minutes.",
        sustainability="The timetable is in the county's service charter.",
        nps_before=-10,
        nps_after=35,
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def case_of(entry):
    return CaseStudyPage.objects.get(source_nomination=entry, locale__language_code="en")


@pytest.fixture
def judge_user(db):
    return get_user_model().objects.get(email="judge1@demo.test")
