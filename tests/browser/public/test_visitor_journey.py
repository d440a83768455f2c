"""A visitor, keyboard only: reads the home page, switches to French, opens the open letter and
signs the pledge."""

import re
import uuid

import pytest

from cms.models import PledgeSignature
from tests.browser.helpers import focused_text, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.journey
def test_keyboard_only_visitor_signs_the_pledge_in_french(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert focused_text(page) == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    tab_to(page, "el => el.getAttribute('hreflang') === 'fr'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/fr/$"))
    assert page.locator("html").get_attribute("lang") == "fr"

    tab_to(page, "el => el.textContent.trim() === 'Lettre ouverte'")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/fr/lettre-ouverte/$"))
    assert "Lettre ouverte" in page.locator("h1").inner_text()

    tab_to(page, 'el => el.textContent.trim() === "Prendre l’engagement"')
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/fr/engagement/$"))

    before = PledgeSignature.objects.count()
    tab_to(page, "el => el.type === 'radio'")
    page.keyboard.press("Space")  # the first kind: an individual
    tab_to(page, "el => el.name === 'name'")
    page.keyboard.type("Fatou Ndiaye")
    tab_to(page, "el => el.name === 'country'")
    page.keyboard.type("S")  # type-ahead, then arrow keys, as people do in a long list
    for _ in range(20):
        if page.evaluate("document.activeElement.value") == "SN":
            break
        page.keyboard.press("ArrowDown")
    tab_to(page, "el => el.name === 'email'")
    # An address of this run's own: `make test-stack` may run the journey twice on one stack.
    email = f"fatou.ndiaye.{uuid.uuid4().hex[:8]}@example.org"
    page.keyboard.type(email)
    tab_to(page, "el => el.type === 'submit' && el.closest('#sign')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/fr/engagement/$"))
    page.wait_for_selector(".messages")

    assert "Merci" in page.locator(".messages").inner_text()
    assert PledgeSignature.objects.count() == before + 1
    signature = PledgeSignature.objects.get(email=email)
    assert (signature.kind, signature.country, signature.language) == ("individual", "SN", "fr")


def test_errors_are_summarised_and_focused_without_losing_input(page):
    page.goto("/pledge/")
    page.fill("#id_name", "Kofi Boateng")
    page.fill("#id_email", "not an email")
    page.click("#sign button[type=submit]")
    page.wait_for_load_state()
    assert page.title().startswith("Error:")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    assert page.input_value("#id_name") == "Kofi Boateng"
    assert page.input_value("#id_email") == "not an email"
    # The summary's links move focus to the field to fix.
    page.click(".error-summary a[href='#id_email']")
    assert page.evaluate("document.activeElement.id") == "id_email"


def test_pages_fit_a_320px_phone(phone_page):
    for path in ["/", "/fr/lettre-ouverte/", "/public-sector-cx-day/", "/pledge/"]:
        phone_page.goto(path)
        overflow = phone_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320px"
