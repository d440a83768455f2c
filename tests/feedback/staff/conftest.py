"""Fixtures of the staff portal's tests: an agency of its own (apart from the demo's) with two
service points and a year of roll-ups, its staff member, and the staff of another agency of the
same country."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories.accounts import UserFactory
from tests.factories.feedback import (
    AgencyFactory,
    AgencyMembershipFactory,
    DailyRollupFactory,
    ResponseFactory,
    ServicePointFactory,
)


@pytest.fixture
def agency(db):
    return AgencyFactory(name="Test Registry", slug="test-registry", country="KE")


@pytest.fixture
def points(agency):
    today = timezone.localdate()
    made = [
        ServicePointFactory(agency=agency, name="Registry Nairobi"),
        ServicePointFactory(agency=agency, name="Registry Kisumu", town="Kisumu"),
    ]
    for point in made:
        for months_ago in range(3):
            DailyRollupFactory(point=point, day=today - timedelta(days=30 * months_ago + 1))
    return made


@pytest.fixture
def staff(agency):
    return AgencyMembershipFactory(
        agency=agency, user=UserFactory(email="staff@registry.test")
    ).user


@pytest.fixture
def other_staff(db):
    other = AgencyFactory(name="Other Authority", slug="other-authority", country="KE")
    return AgencyMembershipFactory(agency=other, user=UserFactory(email="staff@other.test")).user


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def comment(point, text="The queue was long but staff were kind.", **fields):
    return ResponseFactory(point=point, comment=text, comment_status="pending", **fields)
