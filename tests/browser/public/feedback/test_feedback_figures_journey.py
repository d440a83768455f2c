"""A citizen reads the published figures: opens Kenya's page from the feedback index, follows to
an agency and on to one of its service points; axe-core finds no violation on the way, in
English and French, and the pages fit a 320 px phone."""

import re

import pytest

from tests.browser.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.journey
def test_a_citizen_follows_a_country_to_an_agency_and_a_point(page):
    page.goto("/feedback/")
    assert axe_violations(page) == []
    page.click("text=Kenya")
    page.wait_for_url(re.compile(r"/feedback/countries/ke/$"))
    assert "in Kenya" in page.locator("h1").inner_text()
    assert page.locator(".feedback-trend table tbody tr").count() == 12
    assert axe_violations(page) == []

    page.locator("table a[href^='/feedback/agencies/']").first.click()
    page.wait_for_url(re.compile(r"/feedback/agencies/[-a-z0-9]+/$"))
    assert "What citizens say about" in page.locator("h1").inner_text()
    assert page.locator(".feedback-comment").count() > 0  # the demo's published comments
    assert axe_violations(page) == []

    page.locator("table a[href$='/results/']").first.click()
    page.wait_for_url(re.compile(r"/feedback/[A-Z0-9]+/results/$"))
    assert page.locator(".feedback-crumbs a").count() == 3
    assert axe_violations(page) == []

    page.click("a[hreflang=fr]")
    page.wait_for_url(re.compile(r"/fr/feedback/[A-Z0-9]+/results/$"))
    assert page.locator("html").get_attribute("lang") == "fr"
    assert axe_violations(page) == []


def test_the_open_data_page_and_french_pages_pass_axe(page):
    for path in ["/feedback/open-data/", "/fr/feedback/", "/fr/feedback/countries/sn/"]:
        page.goto(path)
        assert axe_violations(page) == [], path


def test_the_pages_fit_a_320px_phone(phone_page):
    for path in ["/feedback/", "/feedback/countries/gh/", "/feedback/open-data/"]:
        phone_page.goto(path)
        overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
