"""Fixtures of the public figures pages' tests: an agency of a country the demo does not use
(so its figures are only the test's), with points and roll-ups."""

import pytest

from tests.factories.feedback import AgencyFactory, ServicePointFactory


@pytest.fixture(autouse=True)
def _fresh_figures(settings):
    """Figures change within a test: pages are not kept between its requests
    (test_caching.py turns keeping on where it is what is tested)."""
    settings.FEEDBACK_PAGE_SECONDS = 0


@pytest.fixture
def agency(db):
    return AgencyFactory(name="Rwanda Registry Office", country="RW", slug="rwanda-registry")


@pytest.fixture
def points(agency):
    return [
        ServicePointFactory(agency=agency, name="Kigali counter", town="Kigali"),
        ServicePointFactory(agency=agency, name="Huye counter", town="Huye"),
    ]


def rollup(point, n, satisfied, day=None, **counts):
    """A day's roll-up of `n` answers: `satisfied` of them satisfied, the other counts 0 unless
    given, efforts of 5 and 6 (a CES of 5.5)."""
    from django.utils import timezone

    from tests.factories.feedback import DailyRollupFactory

    values = {"resolved": 0, "promoters": 0, "detractors": 0, **counts}
    return DailyRollupFactory(
        point=point,
        day=day or timezone.localdate(),
        n=n,
        satisfied=satisfied,
        effort_sum=5 * (n // 2) + 6 * (n - n // 2),
        effort_squares=(n // 2) * 25 + (n - n // 2) * 36,
        **values,
    )
