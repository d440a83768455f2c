"""What every visitor meets on every page: menus, breadcrumbs, the language switcher, search,
the CX Day calendar file, and response headers."""

import pytest
from icalendar import Calendar
from wagtail.models import Site

from cms.models import NewsArticlePage, NewsIndexPage
from tests.factories.cms import PartnerFactory

pytestmark = pytest.mark.django_db


def test_language_switcher_links_to_the_same_page_in_french(client):
    html = client.get("/open-letter/").content.decode()
    assert '<a href="/fr/lettre-ouverte/" lang="fr" hreflang="fr">Français</a>' in html
    html_fr = client.get("/fr/lettre-ouverte/").content.decode()
    assert '<a href="/open-letter/" lang="en" hreflang="en">English</a>' in html_fr


def test_language_switcher_on_search_keeps_the_query(client):
    html = client.get("/search/?q=pledge").content.decode()
    assert 'href="/fr/search/?q=pledge"' in html


def test_main_menu_follows_the_page_tree_and_marks_the_current_section(client):
    html = client.get("/program-actions/media/").content.decode()
    assert '<a href="/program-actions/" aria-current="true">Program actions</a>' in html
    assert ">Open letter</a>" in html  # the short menu title
    html_fr = client.get("/fr/").content.decode()
    assert '<a href="/fr/lettre-ouverte/">Lettre ouverte</a>' in html_fr


def test_menu_changes_when_a_page_is_published(client, page_by_slug):
    client.get("/")  # fill the menu cache
    about = page_by_slug("about")
    about.title = "Who we are"
    about.save_revision().publish()
    assert ">Who we are</a>" in client.get("/").content.decode()


def test_breadcrumbs_show_the_path(client):
    html = client.get("/program-actions/media/").content.decode()
    assert 'aria-label="Breadcrumb"' in html
    assert (
        '<li><a href="/">Home</a></li><li><a href="/program-actions/">Program actions</a></li>'
        in html
    )


def test_search_finds_pages_in_the_active_language(client):
    results = list(client.get("/search/", {"q": "pledge"}).context["search"].page)
    assert results
    assert not any(result.url.startswith("/fr/") for result in results)
    results_fr = list(client.get("/fr/search/", {"q": "engagement"}).context["search"].page)
    assert results_fr
    assert all(result.url.startswith("/fr/") for result in results_fr)


def test_search_with_nothing_found_says_what_to_do(client):
    html = client.get("/search/", {"q": "zzzyqx"}).content.decode()
    assert "0 results" in html
    assert "Nothing found: what to try" in html


def test_cx_day_calendar_download(client):
    response = client.get("/public-sector-cx-day/calendar/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar"
    assert "attachment" in response["Content-Disposition"]
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["summary"]) == "Africa Public Sector CX Day"
    start = event.decoded("dtstart")
    assert (start.year, start.month, start.day, start.hour) == (2027, 6, 23, 9)
    assert str(start.tzinfo) == "Africa/Douala"


def test_security_headers_on_public_pages(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_unknown_page_is_a_helpful_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_news_index_query_count_does_not_grow_with_articles(
    client, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the page's own queries, not the shared copy's
    index = NewsIndexPage.objects.get(locale__language_code="en")
    client.get(index.url)  # warm the menu and footer caches, as on a running site
    with django_assert_max_num_queries(30) as captured:
        client.get(index.url)
    baseline = len(captured)
    for number in range(8):
        index.add_child(
            instance=NewsArticlePage(
                title=f"Extra {number}",
                slug=f"extra-{number}",
                date="2026-01-01",
                intro="More news.",
            )
        )
    client.get(index.url)  # the new pages moved the menu's cache on: warm it again
    with django_assert_max_num_queries(baseline):
        response = client.get(index.url)
    assert "Extra 7" in response.content.decode()


def test_home_page_query_count_does_not_grow_with_news_or_partners(
    client, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the page's own queries, not the shared copy's
    client.get("/")  # warm the menu cache, as on a running site
    with django_assert_max_num_queries(30) as captured:
        client.get("/")
    baseline = len(captured)
    index = NewsIndexPage.objects.get(locale__language_code="en")
    for number in range(5):
        index.add_child(
            instance=NewsArticlePage(title=f"N{number}", slug=f"n{number}", date="2026-02-01")
        )
    for number in range(5):
        PartnerFactory(name=f"Partner {number}", tier="supporter")
    client.get("/")
    with django_assert_max_num_queries(baseline):
        html = client.get("/").content.decode()
    assert "Partner 4" in html


def test_footer_links_follow_settings_and_language(client, page_by_slug):
    from wagtail.models import Site

    from cms.models import SiteSettings

    assert '<a href="/privacy/">' in client.get("/").content.decode()
    assert '<a href="/fr/confidentialite/">' in client.get("/fr/").content.decode()
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_page = page_by_slug("about")
    site_settings.save()
    assert '<a href="/about/">About the program</a>' in client.get("/").content.decode()


@pytest.mark.django_db
def test_the_sitemap_lists_the_pages_in_both_languages(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    root = Site.objects.get(is_default_site=True).root_url
    assert f"<loc>{root}/</loc>" in body
    assert f"<loc>{root}/fr/lettre-ouverte/</loc>" in body
    assert "/my-nominations/" not in body
