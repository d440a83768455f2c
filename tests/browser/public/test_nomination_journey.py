"""A nominator completes a nomination in Chromium, keyboard only; and again with JavaScript
switched off. axe-core finds no violation on any step, in English, French, Portuguese and Arabic,
nor on a step showing errors."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

from nominations.choices import NominationStatus
from nominations.demo import minimal_pdf
from nominations.models import Nomination
from tests.browser.helpers import axe_violations, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

STEPS = [
    "category",
    "organisation",
    "contact",
    "initiative",
    "results",
    "evidence",
    "declaration",
    "check",
]


# The pages loaded and forms sent (documents, not static files) from opening /nominate/ to the
# "Nomination sent" page: the start page, "Start" (redirected to the first step), the first
# step, a "Continue" for each of the five steps before the evidence (each answered with the
# next step), the upload (redirected to the evidence step again), "Continue", the declaration
# (redirected to "Check your answers"), and sending (redirected to the confirmation). Before
# each step's "Continue" was answered with a redirect to the next step: 21.
DOCUMENTS_OF_A_NOMINATION = 15


@pytest.fixture
def nominator():
    """The demo nominator: on PostgreSQL the live server only sees committed rows, and the
    demo data is committed, unlike rows a test creates inside its own transaction."""
    return get_user_model().objects.get(email="nominator@demo.test")


def sign_in(page, user):
    page.goto("/accounts/login/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", settings.DEMO_PASSWORD)
    page.press("#id_password", "Enter")
    page.wait_for_url("**/my-nominations/")


def press_tab_to_name(page, name):
    tab_to(page, f"el => el.name === {name!r}")


def keyboard_type(page, name, text):
    press_tab_to_name(page, name)
    page.keyboard.type(text)


def keyboard_continue(page):
    tab_to(page, "el => el.name === 'continue'")
    with page.expect_navigation():
        page.keyboard.press("Enter")


@pytest.mark.journey
def test_keyboard_only_nomination(page, nominator, tmp_path):
    sign_in(page, nominator)
    documents = []
    page.on(
        "request",
        lambda request: (
            documents.append(f"{request.method} {request.url}")
            if request.resource_type == "document"
            else None
        ),
    )
    page.goto("/nominate/")
    tab_to(page, "el => el.tagName === 'BUTTON' && el.closest('main')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/category/$"))

    press_tab_to_name(page, "category-category")
    page.keyboard.press("Space")
    press_tab_to_name(page, "category-relation")
    page.keyboard.press("Space")
    press_tab_to_name(page, "category-eligibility_confirmed")
    page.keyboard.press("Space")
    keyboard_continue(page)
    assert page.url.endswith("/organisation/"), page.locator("main").inner_text()[:800]

    keyboard_type(page, "organisation-organisation_name", "São Tomé Civil Registry")
    press_tab_to_name(page, "organisation-organisation_kind")
    page.keyboard.press("Space")
    press_tab_to_name(page, "organisation-country")
    page.keyboard.type("Ken")
    keyboard_type(page, "organisation-city", "Nairobi")
    keyboard_continue(page)
    assert page.url.endswith("/contact/"), page.locator(".error-summary").all_inner_texts()

    keyboard_type(page, "contact-contact_name", "Achieng Otieno")
    keyboard_type(page, "contact-contact_role", "Head of service")
    keyboard_type(page, "contact-contact_email", "achieng@example.gov")
    keyboard_continue(page)

    for name in [
        "initiative_title",
        "summary",
        "challenge",
        "actions_people",
        "actions_process",
        "actions_technology",
    ]:
        keyboard_type(page, f"initiative-{name}", f"Answer for {name}.")
    keyboard_continue(page)

    keyboard_type(page, "results-results", "Waiting times fell by half.")
    keyboard_type(page, "results-citizen_impact", "People save a day.")
    keyboard_type(page, "results-nps_after", "35")
    keyboard_continue(page)
    assert page.url.endswith("/evidence/")

    evidence = tmp_path / "report.pdf"
    evidence.write_bytes(minimal_pdf("Keyboard evidence"))
    press_tab_to_name(page, "evidence-file")
    # The operating system's file dialog is outside the page; choosing the file is simulated.
    page.set_input_files("#id_evidence-file", str(evidence))
    tab_to(page, "el => el.name === 'upload'")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "report.pdf" in page.content()
    keyboard_continue(page)

    press_tab_to_name(page, "declaration-accept")
    page.keyboard.press("Space")
    keyboard_continue(page)
    assert page.url.endswith("/check/")
    assert "São Tomé Civil Registry" in page.content()

    keyboard_continue(page)  # "Send the nomination"
    page.wait_for_url(re.compile(r"/submitted/$"))
    nomination = Nomination.objects.filter(nominator=nominator).latest("created_at")
    assert nomination.status == NominationStatus.SUBMITTED
    assert nomination.country == "KE"
    assert nomination.reference in page.locator(".reference").inner_text()
    assert len(documents) == DOCUMENTS_OF_A_NOMINATION, documents


def test_nomination_without_javascript(browser, site_url, nominator, tmp_path):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, nominator)
        page.goto("/nominate/")
        page.click("main form button")
        page.check("input[name='category-category'] >> nth=1")
        page.check("#id_category-relation_1")
        page.check("#id_category-eligibility_confirmed")
        page.click("button[name=continue]")
        # The answer to Continue is the next step's page: it must have arrived before going back.
        page.wait_for_selector("#id_organisation-organisation_name")
        # Going back with the browser's own back button, then forward again, loses nothing.
        page.go_back()
        assert page.is_checked("#id_category-eligibility_confirmed")
        page.go_forward()
        page.fill("#id_organisation-organisation_name", "Agence sans JavaScript")
        page.check("#id_organisation-organisation_kind_1")
        page.select_option("#id_organisation-country", "SN")
        page.fill("#id_organisation-city", "Dakar")
        page.click("button[name=continue]")
        page.fill("#id_contact-contact_name", "Awa Diop")
        page.fill("#id_contact-contact_role", "Cheffe de service")
        page.fill("#id_contact-contact_email", "awa@example.gov")
        page.click("button[name=continue]")
        for name in [
            "initiative_title",
            "summary",
            "challenge",
            "actions_people",
            "actions_process",
            "actions_technology",
        ]:
            page.fill(f"#id_initiative-{name}", "Réponse.")
        page.click("button[name=continue]")
        page.fill("#id_results-results", "Moins d'attente.")
        page.fill("#id_results-citizen_impact", "Du temps gagné.")
        page.click("button[name=continue]")
        evidence = tmp_path / "preuve.pdf"
        evidence.write_bytes(minimal_pdf("No JS"))
        page.set_input_files("#id_evidence-file", str(evidence))
        page.click("button[name=upload]")
        page.click("button[name=continue]")
        page.check("#id_declaration-accept")
        page.click("button[name=continue]")
        page.click("button[name=continue]")
        page.wait_for_url(re.compile(r"/submitted/$"))
        nomination = Nomination.objects.filter(nominator=nominator).latest("created_at")
        assert nomination.status == NominationStatus.SUBMITTED
        assert nomination.organisation_name == "Agence sans JavaScript"
    finally:
        context.close()


@pytest.mark.parametrize("language", ["en", "fr", "pt", "ar"])
def test_every_step_is_accessible(page, nominator, language):
    sign_in(page, nominator)
    prefix = "" if language == "en" else f"/{language}"
    page.goto(f"{prefix}/nominate/")
    page.click("main form button")
    page.wait_for_url(re.compile(r"/category/$"))
    base = page.url.rsplit("/category/", 1)[0]
    failures = {}
    for step in STEPS:
        page.goto(f"{base}/{step}/")
        violations = axe_violations(page)
        if violations:
            failures[step] = violations
    # A step showing errors, and the nominator's own pages.
    page.goto(f"{base}/organisation/")
    with page.expect_navigation():
        page.click("button[name=continue]")
    assert page.locator(".error-summary").count() == 1
    failures["organisation with errors"] = axe_violations(page)
    for path in [
        f"{prefix}/my-nominations/",
        base.replace("/nominate/", "/my-nominations/") + "/",
        f"{prefix}/accounts/login/",
        f"{prefix}/accounts/signup/",
        f"{prefix}/accounts/password/reset/",
    ]:
        page.goto(path)
        failures[path] = axe_violations(page)
    failures = {key: value for key, value in failures.items() if value}
    assert not failures, failures
