"""The public figures pages, as a citizen reads them: the index of countries, a country's page,
an agency's page and a point's results page; figures from the roll-ups with their intervals and
answers, "Not enough answers yet" below 10, links from one to the next."""

import pytest
from django.utils import timezone

from tests.factories.feedback import AgencyFactory, ServicePointFactory
from tests.feedback.public.conftest import rollup
from tests.pages import page_text

pytestmark = pytest.mark.django_db


def test_the_index_lists_the_countries_with_their_figures(client, points):
    rollup(points[0], 20, 16)
    response = client.get("/feedback/")
    assert response.status_code == 200
    text = page_text(response)
    assert "Rwanda" in text and "Kenya" in text  # the test's country beside the demo's
    assert 'href="/feedback/countries/rw/"' in response.content.decode()
    assert "80% (58% to 92%)" in text


def test_a_country_page_shows_its_figures_agencies_and_trend(client, agency, points):
    other = AgencyFactory(name="Rwanda Revenue Desk", country="RW", slug="rwanda-revenue")
    quiet = ServicePointFactory(agency=other)
    rollup(points[0], 12, 9)
    rollup(points[1], 8, 7)
    rollup(quiet, 3, 3)
    response = client.get("/feedback/countries/rw/")
    html = response.content.decode()
    text = page_text(response)
    assert "What citizens say about public services in Rwanda" in text
    assert "From 23 answers given between" in text
    # The agency's row: 16 of its 20 answers satisfied; the other agency: too few answers.
    assert "Rwanda Registry Office 20 80% (58% to 92%)" in text
    assert "Rwanda Revenue Desk 3 Not enough answers yet" in text
    assert 'href="/feedback/agencies/rwanda-registry/"' in html
    assert "Month by month" in text and "<svg" in html
    month = timezone.localdate().strftime("%B %Y")
    assert f"{month} 23 83%" in text


def test_an_unknown_country_is_not_found(client):
    assert client.get("/feedback/countries/zz/").status_code == 404
    assert client.get("/feedback/countries/ng/").status_code == 404  # no agency there


def test_an_agency_page_links_to_its_points_results(client, agency, points):
    rollup(points[0], 30, 30, resolved=30, promoters=30, detractors=0)
    response = client.get("/feedback/agencies/rwanda-registry/")
    html = response.content.decode()
    text = page_text(response)
    assert "What citizens say about Rwanda Registry Office" in text
    assert f'href="/feedback/{points[0].code}/results/"' in html
    assert "Kigali counter Kigali 30 100%" in text
    assert "Huye counter Huye 0 Not enough answers yet" in text
    assert 'href="/feedback/countries/rw/"' in html  # back to the country
    assert "No comment published yet." in text


def test_the_point_page_links_to_its_agency_and_country(client, points):
    response = client.get(f"/feedback/{points[0].code}/results/")
    html = response.content.decode()
    assert 'href="/feedback/agencies/rwanda-registry/"' in html
    assert 'href="/feedback/countries/rw/"' in html
    assert "Month by month" in page_text(response)


def test_the_pages_in_french(client, agency, points):
    rollup(points[0], 20, 16)
    response = client.get("/fr/feedback/agencies/rwanda-registry/")
    html = response.content.decode()
    assert "80\u202f%" in html
    assert 'href="/feedback/agencies/rwanda-registry/"' in html  # "English"
    assert 'href="/fr/feedback/' in html


def test_the_same_figures_in_english_then_in_french(client, agency, points):
    """Each figure is written once per language and then reused (feedback_figures.py): the
    French page that follows the English one still writes its figures the French way."""
    rollup(points[0], 20, 16)
    english = client.get("/feedback/agencies/rwanda-registry/").content.decode()
    french = client.get("/fr/feedback/agencies/rwanda-registry/").content.decode()
    assert "80%" in english and "80\u202f%" not in english
    assert "80\u202f%" in french and "80%" not in french


def test_the_sites_footer_leads_to_the_citizen_feedback(client):
    html = client.get("/").content.decode()
    assert '<a href="/feedback/">Citizen feedback</a>' in html
    assert '<a href="/fr/feedback/">' in client.get("/fr/").content.decode()
