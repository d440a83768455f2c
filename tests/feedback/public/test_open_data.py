"""The open data: the page that explains it, the monthly CSV file and the JSON API, checked
against the roll-ups they add up; pagination, filters, bad filters, the licence, and text that a
spreadsheet would read as a formula."""

import csv
import io
from datetime import date

import pytest
from django.db.models import Sum

from feedback.models import DailyRollup
from feedback.public import api
from tests.factories.feedback import AgencyFactory, ServicePointFactory
from tests.feedback.public.conftest import rollup
from tests.pages import page_text

pytestmark = pytest.mark.django_db

MARCH, APRIL = date(2025, 3, 10), date(2025, 4, 2)


@pytest.fixture
def figures(points):
    rollup(points[0], 12, 9, day=MARCH, resolved=6, promoters=5, detractors=2)
    rollup(points[1], 8, 8, day=MARCH.replace(day=20), resolved=8, promoters=8)
    rollup(points[0], 4, 1, day=APRIL)
    return points


def csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_open_data_page_states_the_licence_and_links(client):
    response = client.get("/feedback/open-data/")
    text = page_text(response)
    html = response.content.decode()
    assert "CC BY 4.0" in text and 'href="https://creativecommons.org/licenses/by/4.0/"' in html
    assert "Citizen feedback data of the Africa Public Sector CX Awards" in text
    for link in ["/feedback/open-data/monthly.csv", "/api/feedback/v1/monthly/"]:
        assert f'href="{link}"' in html
    assert "No comment" in text


def test_the_csv_adds_up_the_rollups_by_month_and_agency(client, figures):
    response = client.get("/feedback/open-data/monthly.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = [row for row in csv_rows(response) if row["country"] == "RW"]
    assert [(row["month"], row["answers"]) for row in rows] == [("2025-03", "20"), ("2025-04", "4")]
    march, april = rows
    sums = DailyRollup.objects.filter(
        point__agency__slug="rwanda-registry", day__month=3
    ).aggregate(*(Sum(name) for name in ("n", "satisfied", "resolved", "promoters", "detractors")))
    assert [int(march[name]) for name in api.opendata.COUNTS] == list(sums.values())
    assert march["agency"] == "Rwanda Registry Office" and march["agency_slug"] == "rwanda-registry"
    assert march["country_name"] == "Rwanda"
    assert march["satisfied_percent"] == "85.0"  # 17 of 20
    assert (march["satisfied_low"], march["satisfied_high"]) == ("64.0", "94.8")
    assert march["effort_mean"] == "5.5"
    assert march["nps"] == "55.0"  # 13 promoters, 2 detractors of 20
    # Below 10 answers: the counts, no derived figure.
    assert april["satisfied"] == "1" and april["satisfied_percent"] == "" and april["nps"] == ""


def test_the_json_rows_are_the_csvs(client, figures):
    from_csv = [
        r for r in csv_rows(client.get("/feedback/open-data/monthly.csv")) if r["country"] == "RW"
    ]
    body = client.get("/api/feedback/v1/monthly/?country=RW").json()
    assert body["licence"] == "CC BY 4.0"
    assert body["licence_url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert body["attribution"].startswith("Citizen feedback data")
    assert body["count"] == 2 and body["next"] is None and body["previous"] is None
    for row, line in zip(body["results"], from_csv, strict=True):
        assert {k: "" if v is None else str(v) for k, v in row.items()} == line
    assert body["results"][1]["satisfied_percent"] is None


def test_filters_by_agency_and_months(client, figures):
    other = ServicePointFactory(agency=AgencyFactory(country="RW", slug="rwanda-other"))
    rollup(other, 10, 5, day=APRIL)
    by_agency = client.get("/api/feedback/v1/monthly/?agency=rwanda-other").json()
    assert [(r["agency_slug"], r["month"]) for r in by_agency["results"]] == [
        ("rwanda-other", "2025-04")
    ]
    april = client.get("/api/feedback/v1/monthly/?country=rw&from=2025-04&to=2025-04").json()
    assert [(r["agency_slug"], r["answers"]) for r in april["results"]] == [
        ("rwanda-other", 10),
        ("rwanda-registry", 4),
    ]
    march_on = client.get("/api/feedback/v1/monthly/?country=RW&to=2025-03").json()
    assert [r["month"] for r in march_on["results"]] == ["2025-03"]


@pytest.mark.parametrize(
    ("query", "says"),
    [
        ("country=Kenya", "two-letter country code"),
        ("from=2025-13", "YYYY-MM"),
        ("to=March", "YYYY-MM"),
        ("from=2025-05&to=2025-04", "before or equal"),
        ("agency=<script>", "slug"),
        ("page=0", "whole number from 1"),
        ("page=x", "whole number from 1"),
        ("page=99", "whole number from 1 to 1"),
    ],
)
def test_a_bad_filter_is_a_400_that_says_what_to_send(client, figures, query, says):
    response = client.get(f"/api/feedback/v1/monthly/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert says in body["error"] and body["results"] == []
    assert body["licence"] == "CC BY 4.0"


def test_the_csv_refuses_a_bad_filter_in_words(client):
    response = client.get("/feedback/open-data/monthly.csv?from=yesterday")
    assert response.status_code == 400 and b"YYYY-MM" in response.content


def test_pages_with_next_and_previous(client, figures, monkeypatch):
    monkeypatch.setattr(api, "ROWS_PER_PAGE", 1)
    first = client.get("/api/feedback/v1/monthly/?country=RW").json()
    assert first["count"] == 2 and first["pages"] == 2 and first["previous"] is None
    assert first["next"] == "http://testserver/api/feedback/v1/monthly/?country=RW&page=2"
    second = client.get(first["next"]).json()
    assert second["next"] is None
    assert second["previous"] == "http://testserver/api/feedback/v1/monthly/?country=RW&page=1"
    assert [first["results"][0]["month"], second["results"][0]["month"]] == ["2025-03", "2025-04"]


def test_agencies_and_countries(client, figures):
    agencies = client.get("/api/feedback/v1/agencies/").json()
    rwanda = next(a for a in agencies["results"] if a["slug"] == "rwanda-registry")
    assert rwanda == {
        "slug": "rwanda-registry",
        "name": "Rwanda Registry Office",
        "country": "RW",
        "country_name": "Rwanda",
        "page": "http://testserver/feedback/agencies/rwanda-registry/",
        "monthly": "http://testserver/api/feedback/v1/monthly/?agency=rwanda-registry",
    }
    countries = client.get("/api/feedback/v1/countries/").json()
    codes = [c["code"] for c in countries["results"]]
    assert {"KE", "GH", "SN", "RW"} <= set(codes) and codes == sorted(codes)
    assert next(c for c in countries["results"] if c["code"] == "RW")["agencies"] == 1
    assert countries["licence"] == "CC BY 4.0"


def test_text_a_spreadsheet_would_run_is_written_as_text(client, points):
    hostile = AgencyFactory(name='=HYPERLINK("http://x")', country="RW", slug="hostile")
    rollup(ServicePointFactory(agency=hostile), 10, 5, day=MARCH)
    row = next(
        r
        for r in csv_rows(client.get("/feedback/open-data/monthly.csv"))
        if r["agency_slug"] == "hostile"
    )
    assert row["agency"] == '\'=HYPERLINK("http://x")'


def test_the_open_data_queries_do_not_grow(client, figures, django_assert_max_num_queries):
    for address, budget in [
        ("/feedback/open-data/monthly.csv", 1),
        ("/api/feedback/v1/monthly/", 2),  # the count and the page
        ("/api/feedback/v1/agencies/", 1),
        ("/api/feedback/v1/countries/", 1),
    ]:
        client.get(address)
        with django_assert_max_num_queries(budget):
            assert client.get(address).status_code == 200
