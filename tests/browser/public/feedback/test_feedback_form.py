"""The citizen's feedback form as a phone at the counter meets it (issue 16, "Giving feedback"):
no violation of axe-core's WCAG 2.2 A/AA rules in either language, on the form, the form with
errors, the thank-you page and the results page; the whole page (HTML, stylesheets and whatever
else it loads) weighs at most 30 KB before compression; and with JavaScript off a citizen
answers and the answer is stored."""

import pytest

from feedback.models import Response, ServicePoint
from tests.browser.helpers import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

KB = 1024
WEIGHT_BUDGET = 30 * KB


@pytest.fixture
def point():
    return ServicePoint.objects.filter(active=True).order_by("code").first()


def answer_the_questions(page):
    page.get_by_label("Satisfied", exact=True).check()
    page.locator("input[name=effort][value='6']").check()
    page.locator("input[name=resolved][value=yes]").check()
    page.locator("input[name=recommend][value='9']").check()
    page.get_by_label("Anything you want to tell the agency?").fill("Quick and friendly.")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_no_accessibility_violations_on_the_citizen_pages(page, point, language):
    prefix = "/fr" if language == "fr" else ""
    failures = {}
    for path in [f"/feedback/{point.code}/", f"/feedback/{point.code}/results/"]:
        page.goto(prefix + path)
        failures[path] = axe_violations(page)
    page.goto(f"{prefix}/feedback/{point.code}/")
    page.locator("form button[type=submit]").click()  # nothing answered: errors
    page.wait_for_load_state()
    assert page.locator(".error-summary").count() == 1
    failures["errors"] = axe_violations(page)
    assert {where: found for where, found in failures.items() if found} == {}


def test_the_form_weighs_at_most_30_kb(page, point):
    loaded = {}

    def weigh(response):
        loaded[response.url] = len(response.body())

    page.on("response", weigh)
    page.goto(f"/fr/feedback/{point.code}/")  # French: the longer wording
    page.wait_for_load_state("networkidle")

    total = sum(loaded.values())
    assert total <= WEIGHT_BUDGET, f"{total} bytes: {loaded}"
    assert len(loaded) <= 3, loaded  # the page and its two stylesheets, no script, no image


def test_a_citizen_answers_with_javascript_off(browser, site_url, point):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    before = Response.objects.filter(point=point).count()
    try:
        page.goto(f"/feedback/{point.code}/")
        answer_the_questions(page)
        page.get_by_role("button", name="Send my answers").click()
        page.wait_for_url(f"**/feedback/{point.code}/thanks/**")
        assert "Thank you" in page.locator("main").inner_text()
    finally:
        context.close()
    # The newest row, not the latest time: the demo's answers of today may carry later hours.
    stored = Response.objects.filter(point=point).order_by("-pk").first()
    assert Response.objects.filter(point=point).count() == before + 1
    assert (stored.satisfaction, stored.effort, stored.resolved, stored.recommend) == (
        4,
        6,
        True,
        9,
    )
    assert stored.comment == "Quick and friendly."
