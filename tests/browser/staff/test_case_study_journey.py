"""The demo editor (editor@demo.test, not a superuser) makes a case study from a consenting
winning entry, edits and publishes it, in under 5 minutes of wall time, and the page is public
(issue 17, "Done when")."""

import time

import pytest
from playwright.sync_api import expect

from library.cases.models import CaseStudyPage
from nominations.models import Nomination
from nominations.statuses import NominationStatus
from tests.browser.helpers import continue_past_wagtails_conflict_with_itself, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_the_editor_turns_a_winning_entry_into_a_published_case_study(page, editor, client):
    # The demo's consenting winner that has no case study yet: committed by the demo load, so
    # the live server sees it on PostgreSQL too (a consent given here would not be).
    entry = (
        Nomination.objects.filter(cycle__code="CX26", case_studies__isnull=True)
        .filter(status__in=[NominationStatus.WINNER, NominationStatus.MERIT])
        .get(consent_case_study=True)
    )
    started = time.monotonic()
    sign_in(page, editor, "/admin/")
    page.get_by_role("link", name="Case study candidates").first.click()
    page.get_by_role("button", name=f"Make a draft case study of {entry.organisation_name}").click()
    page.wait_for_url("**/admin/pages/*/edit/")
    page.get_by_role("textbox", name="Summary*").fill(
        "Rewritten by the editor: one visit instead of three."
    )
    page.get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish").click()
        continue_past_wagtails_conflict_with_itself(page)
    elapsed = time.monotonic() - started
    case = CaseStudyPage.objects.get(source_nomination=entry, alias_of__isnull=True)
    assert case.live
    assert elapsed < 5 * 60
    page.goto(case.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(case.title)
    expect(page.locator(".lead")).to_have_text(
        "Rewritten by the editor: one visit instead of three."
    )
