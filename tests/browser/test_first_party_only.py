"""No request ever leaves the site's own origin: not from public pages, not from the Wagtail
admin (no Gravatar, no upgrade check), and nothing is blocked by the Content Security Policy."""

from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def watch(page):
    requests, problems = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    return requests, problems


def foreign(requests, site_url):
    origin = urlsplit(site_url).netloc
    return [url for url in requests if urlsplit(url).netloc not in {origin, ""}]


def test_public_pages_stay_first_party(page, site_url):
    requests, problems = watch(page)
    for path in ["/", "/fr/", "/public-sector-cx-day/", "/partners/", "/pledge/"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")
    assert foreign(requests, site_url) == []
    assert [p for p in problems if "Content Security Policy" in p] == []


def test_admin_stays_first_party(page, site_url, settings):
    requests, problems = watch(page)
    # The admin's log-in page sends people to the site's own (allauth) log-in page.
    page.goto("/admin/login/")
    page.wait_for_url("**/accounts/login/?next=%2Fadmin%2F")
    page.fill("input[name=login]", "editor@demo.test")
    page.fill("input[name=password]", settings.DEMO_PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto("/admin/pages/")
    page.wait_for_load_state("networkidle")
    assert foreign(requests, site_url) == []
    assert [p for p in problems if "Content Security Policy" in p] == []
