"""The administrator's journey in Chromium, as the demo creates them (admin@demo.test): the
dashboard's awards overview and one of its links into the list, the nominations list with its
downloads among the visible buttons, a nomination's review screen (answers, history, an
evidence file), and the decisions taken on it: eligible, not eligible (first without a reason,
which is refused with a message), reopened for changes, a deadline extended. axe-core finds no
violation on any screen visited."""

import re

import pytest

from nominations.choices import NominationStatus
from nominations.models import Nomination
from tests.browser.helpers import axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def submitted_by_others(count):
    """Sent nominations of other nominators than the demo's (whose journeys run too)."""
    return list(
        Nomination.objects.filter(status=NominationStatus.SUBMITTED, cycle__is_current=True)
        .exclude(nominator__email="nominator@demo.test")
        .filter(evidence__isnull=False)
        .distinct()
        .order_by("reference")[:count]
    )


def review(page, nomination):
    page.goto(f"/admin/nomination/inspect/{nomination.pk}/")
    page.wait_for_load_state("networkidle")


def success_message(page):
    return page.locator(".messages").inner_text()


@pytest.mark.journey
def test_admin_reviews_and_decides(page, demo_admin):
    to_accept, to_refuse, to_reopen, to_extend = submitted_by_others(4)
    failures = {}
    sign_in(page, demo_admin, "/admin/")

    # The dashboard's awards overview: the current cycle's numbers, each a link into its list.
    page.wait_for_load_state("networkidle")
    overview = page.locator("#awards-overview-content")
    text = overview.inner_text()
    for heading in ("Nominations by status", "Nominations by category", "Judging progress"):
        assert heading in text
    assert "certificates issued" in text or "certificate issued" in text
    failures["dashboard"] = axe_violations(page)
    submitted = Nomination.objects.filter(
        status=NominationStatus.SUBMITTED, cycle__is_current=True
    ).exclude(reference=None)
    with page.expect_navigation():
        overview.get_by_role("link", name="Submitted", exact=True).click()
    assert "status=submitted" in page.url
    page.wait_for_load_state("networkidle")
    listed = page.locator("main").inner_text()
    missing = [n.reference for n in submitted if n.reference not in listed]
    assert not missing, f"{len(submitted)} nominations are sent; the list lacks {missing}"
    eligible = Nomination.objects.filter(status=NominationStatus.ELIGIBLE, cycle__is_current=True)
    assert not any(
        nomination.reference in listed for nomination in eligible.exclude(reference=None)
    )
    failures["overview link"] = axe_violations(page)

    page.goto("/admin/nomination/")
    page.wait_for_load_state("networkidle")
    header = page.locator("#w-slim-header-buttons")
    assert header.get_by_role("link", name="Download CSV").is_visible()
    assert header.get_by_role("link", name="Download Excel (XLSX)").is_visible()
    failures["list"] = axe_violations(page)
    page.goto(f"/admin/nomination/?q={to_accept.reference}")
    page.wait_for_load_state("networkidle")
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile(re.escape(to_accept.reference))).first.click()
    assert page.url.endswith(f"/admin/nomination/inspect/{to_accept.pk}/")
    failures["review"] = axe_violations(page)
    main = page.locator("main").inner_text()
    assert to_accept.organisation_name in main
    assert to_accept.initiative_title in main
    assert "History" in main and "Started by the nominator" in main
    assert "Nomination sent by the nominator" in main

    evidence = to_accept.evidence.first()
    with page.expect_download() as download:
        page.get_by_role("link", name=evidence.original_name).click()
    assert download.value.suggested_filename == evidence.original_name

    page.get_by_role("button", name="Mark eligible").click()
    page.wait_for_load_state("networkidle")
    assert "is eligible" in success_message(page)
    failures["after eligible"] = axe_violations(page)
    to_accept.refresh_from_db()
    assert to_accept.status == NominationStatus.ELIGIBLE

    review(page, to_refuse)
    page.get_by_role("button", name="Mark not eligible").click()
    page.wait_for_load_state("networkidle")
    assert "Give the reason" in page.locator("main").inner_text()
    failures["reason missing"] = axe_violations(page)
    page.fill("#id_ineligible-reason", "The initiative started less than six months ago.")
    page.get_by_role("button", name="Mark not eligible").click()
    page.wait_for_load_state("networkidle")
    assert "is not eligible" in success_message(page)
    assert "Submitted → Not eligible" in page.locator("main").inner_text()
    to_refuse.refresh_from_db()
    assert to_refuse.status == NominationStatus.INELIGIBLE

    review(page, to_reopen)
    page.fill("#id_reopen-message", "Please add the figures of the last survey.")
    page.get_by_role("button", name="Reopen for changes").click()
    page.wait_for_load_state("networkidle")
    assert "sent back to the nominator" in success_message(page)
    to_reopen.refresh_from_db()
    assert to_reopen.changes_requested == "Please add the figures of the last survey."

    review(page, to_extend)
    page.fill("#id_extend-until", "2099-01-31T18:00")
    page.get_by_role("button", name="Extend the deadline").click()
    page.wait_for_load_state("networkidle")
    assert "deadline is extended" in success_message(page)
    assert "31 January 2099, 18:00 WAT" in page.locator("main").inner_text()
    failures["after extension"] = axe_violations(page)
    to_extend.refresh_from_db()
    assert to_extend.deadline_extended_until.year == 2099

    assert not any(failures.values()), failures
