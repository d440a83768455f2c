"""A visitor filters the best-practice library to "Kenya, health" and gets the matching
published case studies (issue 17, "Done when")."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_a_visitor_filters_the_library_to_kenya_and_health(page):
    page.goto("/case-studies/")
    page.get_by_label("Country").select_option("KE")
    page.get_by_label("Sector").select_option("health")
    page.get_by_role("button", name="Show case studies").click()
    expect(page.get_by_role("status").first).to_contain_text("1 case study for Kenya, Health")
    results = page.locator(".case-card h2")
    expect(results).to_have_count(1)
    expect(results).to_have_text(["Outpatient appointments by text message"])
    results.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Outpatient appointments by text message"
    )
