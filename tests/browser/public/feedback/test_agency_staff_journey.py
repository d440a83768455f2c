"""The demo agency staff login signs in, opens the agency dashboard, publishes a comment waiting
for moderation with a reply, and downloads the figures as CSV; axe-core finds no violation on
the dashboard and the comments page."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model

from feedback.choices import CommentState
from feedback.models import Response
from tests.browser.helpers import axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

DASHBOARD = "/feedback/manage/ke-huduma/"


@pytest.fixture
def agency_staff():
    return get_user_model().objects.get(email="agency@demo.test")


@pytest.mark.journey
def test_staff_publish_a_comment_with_a_reply_and_download_the_figures(
    page, agency_staff, tmp_path
):
    sign_in(page, agency_staff, DASHBOARD)
    assert page.get_by_role("heading", level=1).inner_text() == "Dashboard of Huduma Kenya"
    assert page.get_by_role("columnheader", name="Country median").is_visible()
    failures = {"dashboard": axe_violations(page)}

    with page.expect_navigation():
        page.get_by_role("link", name="Comments", exact=True).click()
    failures["comments"] = axe_violations(page)
    first = page.locator("article.feedback-comment").first
    pk = int(first.get_attribute("aria-labelledby").removeprefix("comment-"))
    assert Response.objects.get(pk=pk).comment_status == CommentState.PENDING
    first.get_by_label("Your reply (published beside the comment)").fill(
        "Thank you: we have opened a second counter."
    )
    with page.expect_navigation():
        first.get_by_role("button", name="Publish", exact=True).click()
    assert page.get_by_text("The comment is published.").is_visible()
    response = Response.objects.get(pk=pk)
    assert response.comment_status == CommentState.PUBLISHED
    assert response.moderated_by == agency_staff
    assert response.reply.text == "Thank you: we have opened a second counter."

    page.goto(DASHBOARD)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the figures (CSV)").click()
    download = download_info.value
    assert download.suggested_filename.startswith("ke-huduma-feedback-")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert rows[0][:4] == ["Service point", "Code", "Month", "Answers"]
    assert rows[1][0] == "Huduma Kenya" and int(rows[1][3]) > 0
    assert not any(failures.values()), failures
