"""The library as a visitor reads it: filters that combine ("Kenya, health"), the search box,
what an empty result says, the page per country, a case study with its measured trend, its PDF;
a fixed number of queries however many cases."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from library.cases.demo import load as load_demo
from library.cases.filters import listing
from library.cases.models import CaseStudyIndexPage, CaseStudyPage
from library.cases.trend import measured_trend
from tests.factories.feedback import DailyRollupFactory, ServicePointFactory
from tests.pdf import pdf_text

pytestmark = pytest.mark.django_db


def titles(response):
    return [case.title for case in response.context["listing"].page]


def add_case(library, **fields):
    defaults = {
        "title": "A case",
        "slug": f"case-{CaseStudyPage.objects.count()}",
        "summary": "What happened.",
        "organisation_name": "Some agency",
        "country": "GH",
        "sector": "tax",
        "theme": "digital",
        "year": 2025,
    }
    page = CaseStudyPage(**{**defaults, **fields})
    library.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_kenya_and_health_give_the_matching_published_cases(client, library):
    add_case(library, title="Kenyan tax", country="KE", sector="tax", slug="kenyan-tax")
    draft = CaseStudyPage(
        title="Unpublished Kenyan clinic",
        slug="draft-clinic",
        summary="s",
        country="KE",
        sector="health",
        theme="waiting",
        year=2026,
        organisation_name="x",
        live=False,
    )
    library.add_child(instance=draft)
    response = client.get(library.url, {"country": "KE", "sector": "health"})
    assert titles(response) == ["Outpatient appointments by text message"]
    assert "1 case study for Kenya, Health" in response.text
    assert "Unpublished Kenyan clinic" not in response.text
    everything_kenyan = titles(client.get(library.url, {"country": "KE"}))
    assert "Kenyan tax" in everything_kenyan
    assert "All services under one roof, one ticket" in everything_kenyan


def test_theme_and_year_filter_too(client, library):
    assert titles(client.get(library.url, {"theme": "digital", "year": "2025"})) == [
        "Birth certificates in 24 hours"
    ]


def test_the_search_box_finds_words_of_the_case(client, library):
    assert titles(client.get(library.url, {"q": "hospital"})) == [
        "Outpatient appointments by text message"
    ]
    assert titles(client.get(library.url, {"q": "hospital", "country": "GH"})) == []


def test_an_empty_result_says_what_to_try(client, library):
    response = client.get(library.url, {"country": "KE", "sector": "education"})
    assert response.status_code == 200
    assert "No published case study for Kenya, Education" in response.text
    assert "Remove one of the filters" in response.text
    assert "See every case study in the library" in response.text


def test_nonsense_filters_are_ignored_never_an_error(client, library):
    response = client.get(
        library.url, {"country": "ZZ", "year": "abc", "sector": "<script>", "page": "99"}
    )
    assert response.status_code == 200
    assert len(titles(response)) == 4


def test_a_page_per_country_with_its_own_heading_and_canonical_address(client, library):
    response = client.get(f"{library.url}country/ke/")
    assert response.status_code == 200
    assert "<h1>Case studies from Kenya</h1>" in response.text
    assert (
        f'<link rel="canonical" href="http://localhost{library.url}country/ke/">' in (response.text)
        or f'{library.url}country/ke/">' in response.text
    )
    assert set(titles(response)) == {
        "Outpatient appointments by text message",
        "All services under one roof, one ticket",
    }
    assert client.get(f"{library.url}country/zz/").status_code == 404


def test_the_french_library_lists_the_aliases(client):
    french = CaseStudyIndexPage.objects.get(locale__language_code="fr")
    assert len(titles(client.get(french.url, {"country": "KE"}))) == 2


def test_the_index_costs_a_fixed_number_of_queries(
    client, editor, library, django_assert_max_num_queries
):
    """Counted for a signed-in visitor (never served from the shared page cache): the same
    with 4 cases as with 19."""
    client.force_login(editor)
    client.get(library.url)  # the route table, kept until content changes
    with CaptureQueriesContext(connection) as few:
        client.get(library.url, {"country": "GH"})
    # Read now: the next request empties the connection's log.
    counted = len(few.captured_queries)
    for number in range(15):
        add_case(library, title=f"Case {number}", slug=f"many-{number}")
    client.get(library.url)
    with django_assert_max_num_queries(counted):
        response = client.get(library.url, {"country": "GH"})
    assert len(titles(response)) == 12  # the first page of 16
    assert 'rel="next"' in response.text
    assert counted <= 20
    with CaptureQueriesContext(connection) as searched:
        client.get(library.url, {"country": "GH", "q": "case"})
    assert len(searched.captured_queries) <= counted + 2


def test_the_listing_combines_filters_and_search_directly(library):
    found = listing(library, {"country": "KE", "sector": "health", "q": "SMS"})
    assert [case.title for case in found.page] == ["Outpatient appointments by text message"]
    assert found.described() == "Kenya, Health, “SMS”"


# A case study -------------------------------------------------------------------------------------


def test_a_case_study_shows_its_sections_and_links_to_its_pdf(client, page_by_slug):
    page = page_by_slug("outpatient-appointments-by-text-message")
    response = client.get(page.url)
    assert response.status_code == 200
    for heading in (
        "The problem",
        "What the agency changed",
        "Measured results",
        "What others can reuse",
        "Contact",
    ):
        assert heading in response.text
    assert f"{page.url}pdf/" in response.text
    assert "Kiambu County Department of Health" in response.text


def test_the_pdf_reads_as_the_case_study(client, page_by_slug):
    page = page_by_slug("outpatient-appointments-by-text-message")
    response = client.get(f"{page.url}pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Outpatient appointments by text message" in text
    assert "What the agency changed" in text
    assert "timetable matters more than the software" in text
    assert "Kenya" in text and "Health" in text


def test_the_measured_trend_before_and_after_the_change(client, library):
    point = ServicePointFactory()
    today = timezone.localdate()
    change = (today - timedelta(days=95)).replace(day=1)
    before_day = change - timedelta(days=20)
    DailyRollupFactory(point=point, day=before_day, n=20, satisfied=8)
    DailyRollupFactory(point=point, day=today, n=20, satisfied=18)
    page = add_case(library, agency=point.agency, change_date=change, slug="measured")
    trend = measured_trend(page)
    assert trend.change_month == change
    assert before_day.replace(day=1) in [month.month for month in trend.before]
    assert [month.month for month in trend.after][0] == change
    assert trend.after[-1].month == today.replace(day=1)
    response = client.get(page.url)
    assert "before and after the change" in response.text
    assert "Before the change" in response.text and "After the change" in response.text
    assert "40%" in response.text and "90%" in response.text


def test_no_trend_without_answers_or_agency(client, library):
    point = ServicePointFactory()
    page = add_case(library, agency=point.agency, change_date=date(2026, 1, 1), slug="quiet")
    assert measured_trend(page) is None
    assert "case-trend" not in client.get(page.url).text


def test_the_demo_library_is_made_once(page_by_slug):
    from cms.models import HomePage

    homes = {home.locale.language_code: home for home in HomePage.objects.all()}
    before = CaseStudyPage.objects.count()
    load_demo(homes)
    assert CaseStudyPage.objects.count() == before
    assert CaseStudyIndexPage.objects.count() == 2
    assert CaseStudyPage.objects.filter(source_nomination__isnull=False, live=True).exists()
