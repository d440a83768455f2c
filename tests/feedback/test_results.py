"""A service point's public results page (/feedback/<code>/results/): the measures of the last 12
months, read from the daily roll-ups, each with its interval and number of answers, or "not
enough answers yet"; nothing personal; a fixed number of queries however many days it adds."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from feedback.models import DailyRollup, MonthlyRollup
from feedback.results import (
    Period,
    last_twelve_months,
    point_measures,
    rollups_in,
    whole_months,
)
from tests.factories.feedback import DailyRollupFactory, ResponseFactory
from tests.pages import page_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_figures(settings):
    """Figures change within these tests: pages are not kept between requests
    (tests/feedback/public/test_caching.py tests the keeping)."""
    settings.FEEDBACK_PAGE_SECONDS = 0


def results_of(client, point, language=""):
    return client.get(f"{language}/feedback/{point.code}/results/")


def test_below_ten_answers_no_figure_is_shown(client, point):
    DailyRollupFactory(point=point, n=9, satisfied=9, resolved=9, promoters=9, detractors=0)
    text = page_text(results_of(client, point))
    assert text.count("Not enough answers yet") == 4
    assert "From 9 answers given between" in text


def test_the_figures_with_intervals_and_answers(client, point):
    today = timezone.localdate()
    DailyRollupFactory(point=point, day=today, n=12, satisfied=9, resolved=8, promoters=6)
    DailyRollupFactory(point=point, day=today - timedelta(days=40), n=8, satisfied=7, resolved=4)
    # Older than 12 months: not counted.
    DailyRollupFactory(point=point, day=today - timedelta(days=400), n=50, satisfied=0)
    ResponseFactory(point=point, comment="Private comment of a citizen")
    text = page_text(results_of(client, point))
    assert "From 20 answers given between" in text
    assert "80%" in text  # 16 of 20 satisfied
    assert "95% confidence interval: 58% to 92%" in text
    assert "60%" in text  # 12 of 20 resolved
    assert text.count("from 20 answers") == 4
    assert "Not enough answers yet" not in text
    assert "Private comment" not in text


def test_the_results_in_french(client, point):
    DailyRollupFactory(point=point, n=20, satisfied=16)
    html = results_of(client, point, "/fr").content.decode()
    # French puts a narrow no-break space before % and :, and writes decimals with a comma.
    assert "80\u202f%" in html
    assert "Intervalle de confiance à 95\u202f%\u202f: de 58\u202f% à 92\u202f%" in html


def test_a_closed_points_results_stay_public(client):
    from tests.factories.feedback import ServicePointFactory

    point = ServicePointFactory(active=False)
    response = results_of(client, point)
    assert response.status_code == 200
    assert "This service point no longer takes answers." in page_text(response)
    assert results_of(client, type(point)(code="ZZZZZZ")).status_code == 404


@pytest.mark.parametrize(
    ("today", "first"),
    [
        (date(2026, 12, 7), date(2026, 1, 1)),
        (date(2026, 1, 31), date(2025, 2, 1)),
        (date(2024, 2, 29), date(2023, 3, 1)),
        (date(2026, 11, 1), date(2025, 12, 1)),
    ],
)
def test_the_published_period_is_this_month_so_far_and_the_eleven_before(today, first):
    assert last_twelve_months(today) == Period(first=first, last=today)


def test_the_measures_come_from_the_rollups_of_the_period(point):
    today = timezone.localdate()
    period = last_twelve_months(today)
    DailyRollupFactory(point=point, day=period.first, n=10, satisfied=10)
    DailyRollupFactory(point=point, day=period.first - timedelta(days=1), n=10, satisfied=0)
    assert point_measures(point, period).satisfied.value == 100


def test_whole_months_are_read_from_the_monthly_rollups_and_other_periods_from_the_daily(point):
    """The same figures either way; a period that cuts a month in two cannot use the month."""
    today = timezone.localdate()
    published = last_twelve_months(today)
    assert rollups_in(published).model is MonthlyRollup
    DailyRollupFactory(point=point, day=published.first, n=10, satisfied=10)
    DailyRollupFactory(point=point, day=published.first + timedelta(days=20), n=10, satisfied=0)
    assert point_measures(point, published).satisfied.value == 50
    # The same month's first ten days only: the daily roll-ups, and only the first day's answers.
    cut = Period(first=published.first, last=published.first + timedelta(days=10))
    assert rollups_in(cut).model is DailyRollup
    assert point_measures(point, cut).satisfied.value == 100
    last_month_day = date(2026, 2, 28)
    assert whole_months(Period(first=date(2026, 2, 1), last=last_month_day))
    assert not whole_months(Period(first=date(2026, 2, 2), last=last_month_day))


def add_months(point, first, count):
    today = timezone.localdate()
    for month in range(first, first + count):
        DailyRollupFactory(point=point, day=today - timedelta(days=30 * month))


# The point with its agency, the sums of its roll-ups (however many days they cover), the
# monthly trend (one grouped query), the published comments (a count and a page).
RESULTS_PAGE_QUERIES = 5


def test_the_page_costs_the_same_queries_with_more_months(
    client, point, django_assert_max_num_queries
):
    add_months(point, 0, 1)
    results_of(client, point)  # the site's per-worker lookups, made once
    with django_assert_max_num_queries(RESULTS_PAGE_QUERIES) as one:
        first = results_of(client, point)
    one_month = len(one)
    add_months(point, 1, 2)
    with django_assert_max_num_queries(RESULTS_PAGE_QUERIES) as three:
        third = results_of(client, point)
    assert one_month == len(three)
    assert "from 12 answers" in page_text(first) and "from 36 answers" in page_text(third)
