"""Public figures pages and open data are kept for anonymous visitors up to FEEDBACK_PAGE_SECONDS
(a new answer shows within it), with Cache-Control public; signed-in visitors get them fresh."""

import pytest
from django.core.cache import cache

from awards_site.caching import generation
from feedback.public import caching
from tests.feedback.public.conftest import rollup
from tests.pages import page_text

pytestmark = pytest.mark.django_db

ADDRESS = "/feedback/countries/rw/"


@pytest.fixture
def keeping(settings):
    settings.FEEDBACK_PAGE_SECONDS = 300


def test_an_anonymous_visitor_gets_a_kept_page(client, points, keeping, django_assert_num_queries):
    rollup(points[0], 20, 16)
    first = client.get(ADDRESS)
    assert "public" in first["Cache-Control"] and "max-age=300" in first["Cache-Control"]
    rollup(points[1], 20, 0)  # a new answer: not shown until the page's time is up
    with django_assert_num_queries(0):
        again = client.get(ADDRESS)
    assert "From 20 answers" in page_text(again)
    assert "public" in again["Cache-Control"]
    max_age = int(again["Cache-Control"].split("max-age=")[1].split(",")[0])
    assert 0 < max_age <= 300
    cache.clear()  # FEEDBACK_PAGE_SECONDS later, the kept copy is gone
    assert "From 40 answers" in page_text(client.get(ADDRESS))


def test_the_page_is_kept_no_longer_than_the_setting(rf, points, keeping, settings, monkeypatch):
    kept = {}
    monkeypatch.setattr(caching.cache, "set", lambda key, value, seconds: kept.update(s=seconds))
    settings.FEEDBACK_PAGE_SECONDS = 120
    from feedback.public.views import country

    request = rf.get(ADDRESS)
    country(request, cc="rw")
    assert kept["s"] == 120


def test_a_change_of_public_content_shows_at_once(client, points, keeping):
    client.get(ADDRESS)
    rollup(points[0], 20, 16)
    generation.public_content_changed()
    assert "From 20 answers" in page_text(client.get(ADDRESS))


def test_a_signed_in_visitor_gets_a_fresh_private_page(client, points, keeping, demo_admin):
    client.force_login(demo_admin)
    client.get(ADDRESS)
    rollup(points[0], 20, 16)
    response = client.get(ADDRESS)
    assert "From 20 answers" in page_text(response)
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_the_api_is_kept_per_query(client, points, keeping):
    rollup(points[0], 20, 16)
    kenya = client.get("/api/feedback/v1/monthly/?country=KE").json()
    rwanda = client.get("/api/feedback/v1/monthly/?country=RW").json()
    assert {row["country"] for row in kenya["results"]} == {"KE"}
    assert {row["country"] for row in rwanda["results"]} == {"RW"}
    bad = client.get("/api/feedback/v1/monthly/?country=Kenya")
    assert bad.status_code == 400 and "public" not in bad.get("Cache-Control", "")


def test_off_with_zero_seconds(client, points, settings):
    settings.FEEDBACK_PAGE_SECONDS = 0
    client.get(ADDRESS)
    rollup(points[0], 20, 16)
    assert "From 20 answers" in page_text(client.get(ADDRESS))
