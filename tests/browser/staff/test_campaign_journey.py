"""The news by email, end to end in Chromium (docs/editors.md, "Campaign emails"): a visitor
subscribes and confirms with the emailed link; the demo editor (not a superuser) sends a test
and then the demo's campaign email from the page's menu; the subscriber's email carries a
one-click unsubscribe (RFC 8058), which the mail program's POST uses; a second send mails no
one. axe-core checks every public page of the journey.

On SQLite the live server shares the test's transaction, so the emails its requests queue after
the commit are sent inside `django_capture_on_commit_callbacks`; on PostgreSQL the server
commits, and the journey's subscriber has an address of its own so that it can run again."""

import re
import uuid

import pytest
from django.core import mail

from cms.campaigns.models import CampaignEmailPage
from tests.browser.helpers import axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def site_path(link):
    return re.sub(r"^https?://[^/]+", "", link)


def test_subscribe_confirm_receive_a_campaign_and_leave_with_one_click(
    page, editor, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    reader = f"reader.{uuid.uuid4().hex[:8]}@example.org"

    # A visitor finds the form in the footer and subscribes ---------------------------------
    page.goto("/")
    with page.expect_navigation():
        page.locator("footer").get_by_role("link", name="Get the program’s news by email").click()
    assert axe_violations(page) == []
    page.get_by_label("Email address").fill(reader)
    page.get_by_label("Language of the news").select_option("en")
    page.get_by_label("Country (optional)").select_option("KE")
    page.get_by_role("checkbox").check()
    with capture(execute=True), page.expect_navigation():
        page.get_by_role("button", name="Subscribe").click()
    assert "Check your email" in page.locator(".messages").inner_text()

    # ... and confirms with the emailed link --------------------------------------------------
    (confirmation,) = sent_to(reader)
    link = re.search(r"https?://\S+/subscribe/confirm/\S+/", confirmation.body).group(0)
    page.goto(site_path(link))
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.get_by_role("button", name="Confirm my subscription").click()
    assert "confirmed" in page.locator(".messages").inner_text()

    # The editor sends a test, then the campaign, from the page's menu -----------------------
    campaign = CampaignEmailPage.objects.get(
        slug="campaign-nominations-open", locale__language_code="en"
    )
    sign_in(page, editor, next_path="/admin/")
    page.goto(f"/admin/pages/{campaign.pk}/edit/")
    page.locator("header").get_by_role("button", name="Actions").first.click()
    with page.expect_navigation():
        page.locator("header").get_by_role("link", name="Send to subscribers").click()
    with capture(execute=True), page.expect_navigation():
        page.get_by_role("button", name="Send a test to me").click()
    (test,) = sent_to(editor.email)
    assert test.subject.startswith("[Test]")
    assert not sent_to(reader)[1:]  # the test went to the editor only

    send = page.get_by_role("button", name=re.compile(r"^Send to \d+ subscribers?$"))
    with capture(execute=True), page.expect_navigation():
        send.click()
    assert "Sending to" in page.locator(".messages").inner_text()
    (campaign_email,) = sent_to(reader)[1:]
    assert campaign_email.subject == campaign.subject
    assert campaign_email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "See the awards (" in campaign_email.body  # the plain-text part

    # The mail program's "Unsubscribe" button: a POST to the List-Unsubscribe address --------
    unsubscribe = campaign_email.extra_headers["List-Unsubscribe"].strip("<>")
    response = page.request.post(
        site_path(unsubscribe), form={"List-Unsubscribe": "One-Click"}, max_redirects=0
    )
    assert response.status == 200
    page.goto(site_path(unsubscribe))
    assert "unsubscribed already" in page.locator("main").inner_text()
    assert axe_violations(page) == []

    # A second send of the same campaign mails no one ----------------------------------------
    sent_before = len(mail.outbox)
    page.goto(f"/admin/campaigns/{campaign.pk}/send/")
    page.get_by_role("button", name="Send to 0 subscribers").wait_for()
    with capture(execute=True), page.expect_navigation():
        page.get_by_role("button", name="Send to 0 subscribers").click()
    assert "Nothing was sent" in page.locator(".messages").inner_text()
    assert len(mail.outbox) == sent_before
