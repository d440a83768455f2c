"""Versions in Chromium, with the demo accounts: the nominator changes a sent nomination, sees
that the change is not sent yet, presses "Send changes" and finds the new version on their
page; a judge given an older version of an entry reads the portal's notice of the newer one and
what changed. axe-core finds no violation on any page visited."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from judging.models import Assignment, ScoresheetStatus
from nominations.choices import NominationStatus
from nominations.models import Nomination
from tests.browser.helpers import axe_violations, demo_draft, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_nominator_changes_a_sent_nomination_and_sends_the_changes(page):
    nominator = get_user_model().objects.get(email="nominator@demo.test")
    nomination = (
        Nomination.objects.filter(
            nominator=nominator, status=NominationStatus.SUBMITTED, versions__number=1
        )
        .exclude(versions__number=2)
        .order_by("pk")
        .first()
    )
    failures = {}
    sign_in(page, nominator, "/my-nominations/")
    with page.expect_navigation():
        page.get_by_role("link", name=str(nomination)).click()
    assert "You can change this nomination until" in page.locator("main").inner_text()
    with page.expect_navigation():
        page.get_by_role("link", name="Change your answers").click()
    assert page.url.endswith("/check/")
    check = page.locator("main").inner_text()
    assert "Send changes" in check and "Send the nomination" not in check
    failures["check, nothing changed"] = axe_violations(page)

    with page.expect_navigation():
        page.get_by_role("link", name=re.compile(r"^Change\s+The organisation")).click()
    page.fill("#id_organisation-city", "Port Harcourt")
    with page.expect_navigation():
        page.get_by_role("button", name="Save and return to your answers").click()
    check = page.locator("main").inner_text()
    assert "These changes are not sent yet" in check
    assert "Port Harcourt" in check and nomination.city in check  # after and before
    failures["check, changes not sent"] = axe_violations(page)

    page.goto(f"/my-nominations/{nomination.uuid}/")
    assert "Changes not sent yet" in page.locator("main").inner_text()
    failures["detail, changes not sent"] = axe_violations(page)
    page.goto("/my-nominations/")
    assert "Changes not sent yet" in page.locator("main").inner_text()
    failures["my nominations"] = axe_violations(page)

    page.goto(f"/nominate/{nomination.uuid}/check/")
    with page.expect_navigation():
        page.get_by_role("button", name="Send changes").click()
    main = page.locator("main").inner_text()
    assert "version 2 of your nomination" in main
    assert "Changes not sent yet" not in main
    assert "Versions you sent" in main
    page.get_by_text("What changed in version 2").click()
    assert "Port Harcourt" in page.locator("main").inner_text()
    failures["detail, version 2"] = axe_violations(page)
    assert nomination.versions.count() == 2

    assert not any(failures.values()), failures


def test_judge_sees_that_a_newer_version_was_sent(page):
    now = timezone.now()
    assignment = (
        Assignment.objects.filter(
            nomination__versions__number=2,
            nomination_version__number=1,
            round__opens_at__lte=now,
            round__closes_at__gt=now,
            conflict_checked_at__isnull=False,
        )
        .exclude(scoresheet__status=ScoresheetStatus.SUBMITTED)
        .select_related("judge__user")
        .first()
    )
    assert assignment is not None, "the demo changes an entry after its judges were given it"
    failures = {}
    sign_in(page, assignment.judge.user, "/judging/")
    assert "Newer version sent" in page.locator("main").inner_text()
    failures["dashboard"] = axe_violations(page)
    page.goto(f"/judging/entries/{assignment.pk}/")
    main = page.locator("main").inner_text()
    assert "The nominator sent a newer version: version 2" in main
    assert "What changed from version 1 to version 2" in main
    assert "Version 1 of the entry" in main
    failures["entry with a newer version"] = axe_violations(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Read version 2").click()
    assert "You are reading version 2" in page.locator("main").inner_text()
    failures["entry, version 2"] = axe_violations(page)
    assert not any(failures.values()), failures


def test_two_tabs_on_one_draft_merge_instead_of_losing_work(page):
    nominator = get_user_model().objects.get(email="nominator@demo.test")
    draft = demo_draft()
    sign_in(page, nominator, "/my-nominations/")
    step = f"/nominate/{draft.uuid}/organisation/"
    other_tab = page.context.new_page()
    page.goto(step)
    other_tab.goto(step)
    other_tab.fill("#id_organisation-city", "Saved in the other tab")
    with other_tab.expect_navigation():
        other_tab.get_by_role("button", name="Save and come back later").click()
    other_tab.close()

    page.fill("#id_organisation-city", "Typed in this tab")
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    main = page.locator("main").inner_text()
    assert "changed in another tab or on another device" in main
    assert "Saved in the other tab" in main and "Typed in this tab" in main
    failures = {"merge page": axe_violations(page)}
    with page.expect_navigation():
        page.get_by_role("button", name="Use all of mine").click()
    draft.refresh_from_db()
    assert draft.city == "Typed in this tab"
    assert page.url.endswith("/contact/")
    assert not any(failures.values()), failures
