"""Page views: what counts, what is kept, and that a view writes nothing to the database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards_site.reach import buffer
from awards_site.reach.models import ConversionDay, ReachDay
from tests.site.reach.conftest import BROWSER, cache_contents, flush_all, reach_keys

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_figures")]


def views(**filters):
    flush_all()
    return sum(ReachDay.objects.filter(**filters).values_list("views", flat=True))


def test_a_page_view_is_counted_with_its_path_and_page(browser, page_by_slug):
    assert browser.get("/about/").status_code == 200
    assert browser.get("/about/").status_code == 200  # the shared copy counts too
    assert views(path="/about/") == 2
    row = ReachDay.objects.get(path="/about/")
    assert row.page_id == page_by_slug("about").pk
    assert (row.referrer, row.campaign, row.source) == ("", "", "")


def test_the_query_string_is_not_kept_but_its_utm_tags_are(browser):
    browser.get("/about/?utm_campaign=CXDay-2027&utm_source=Newsletter&email=a@b.org")
    flush_all()
    row = ReachDay.objects.get()
    assert (row.path, row.campaign, row.source) == ("/about/", "cxday-2027", "newsletter")


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "WhatsApp/2.23.20.0",
        "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
        "Twitterbot/1.0",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "curl/8.5.0",
        "Wget/1.21.4",
        "python-requests/2.32.3",
        "",
        "   ",
    ],
)
def test_bots_are_not_counted(client, agent):
    assert client.get("/about/", HTTP_USER_AGENT=agent).status_code == 200
    assert views() == 0


def test_a_request_without_user_agent_is_not_counted(client):
    client.get("/about/")
    assert views() == 0


def test_head_requests_are_not_counted(browser):
    browser.head("/about/")
    assert views() == 0


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/accounts/login/",
        "/my-nominations/",
        "/judging/",
        "/api/feedback/v1/",
        "/sitemap.xml",
        "/a-page-that-does-not-exist/",
    ],
)
def test_only_public_pages_count(browser, demo_admin, path):
    browser.get(path)
    browser.force_login(demo_admin)
    browser.get(path)
    assert views() == 0


@pytest.mark.parametrize("path", ["/search/?q=service", "/feedback/", "/nominate/", "/fr/"])
def test_public_views_that_are_not_pages_count(browser, path):
    assert browser.get(path).status_code == 200
    assert views() == 1


def test_a_post_is_not_a_view(browser, page_by_slug):
    browser.post("/search/", {"q": "x"})
    assert views() == 0


def test_no_cookie_is_set(browser):
    response = browser.get("/about/?utm_campaign=cxday")
    assert response.cookies == {}
    assert "Set-Cookie" not in response


def test_the_referrer_domain_of_another_site_only(browser):
    browser.get("/about/", HTTP_REFERER="https://www.LinkedIn.com/feed/?trk=abc")
    browser.get("/about/", HTTP_REFERER="http://testserver/news/")  # this site: internal
    browser.get("/about/", HTTP_REFERER="javascript:alert(1)")
    flush_all()
    assert dict(ReachDay.objects.values_list("referrer", "views")) == {
        "www.linkedin.com": 1,
        "": 2,
    }


def test_counting_off_writes_nothing(browser, settings):
    settings.REACH_COUNTING = False
    browser.get("/about/?utm_campaign=cxday")
    assert reach_keys() == [] and buffer._waiting == {}
    assert views() == 0


def test_a_view_makes_no_database_write(browser, settings):
    settings.REACH_FLUSH_FROM_REQUESTS = True
    browser.get("/news/")  # the first view of the minute may queue the flush
    with CaptureQueriesContext(connection) as captured:
        browser.get("/about/?utm_campaign=cxday", HTTP_REFERER="https://example.org/")
        browser.get("/about/?utm_campaign=cxday", HTTP_REFERER="https://example.org/")
    writes = [
        query["sql"]
        for query in captured
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert views(path="/about/") == 2


def test_nothing_personal_is_kept(browser):
    address, agent = "203.0.113.77", BROWSER + " UniqueAgent/9.9"
    browser.get(
        "/about/?utm_campaign=cxday",
        REMOTE_ADDR=address,
        HTTP_X_FORWARDED_FOR=address,
        HTTP_USER_AGENT=agent,
    )
    assert buffer._waiting and address not in repr(buffer._waiting)
    assert "UniqueAgent" not in repr(buffer._waiting)
    buffer.push()
    assert reach_keys()
    for key, value in cache_contents():
        for personal in (address, "UniqueAgent"):
            assert personal not in key and personal.encode() not in value, key
    flush_all()
    for model in (ReachDay, ConversionDay):
        rows = repr(list(model.objects.values()))
        assert address not in rows and "UniqueAgent" not in rows


def test_the_models_have_no_field_for_a_person():
    personal = ("ip", "address", "agent", "user", "session", "cookie", "email", "device")
    for model in (ReachDay, ConversionDay):
        for field in model._meta.get_fields():
            assert not any(word in field.name.lower() for word in personal), field.name


def test_a_cache_error_never_breaks_the_page(browser, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("Redis is gone")

    monkeypatch.setattr(buffer, "add", broken)
    response = browser.get("/about/")
    assert response.status_code == 200
    assert "A page view could not be counted" in caplog.text
