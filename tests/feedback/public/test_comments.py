"""Published comments with the agency's replies, on the agency's and the point's pages: newest
first, a page at a time; a comment waiting for moderation or not published never shows."""

from datetime import timedelta

import pytest
from django.utils import timezone

from feedback.choices import CommentState
from feedback.models import Reply
from tests.factories.feedback import ResponseFactory
from tests.pages import page_text

pytestmark = pytest.mark.django_db


def comment(point, text, status=CommentState.PUBLISHED, days_ago=0):
    at = timezone.now() - timedelta(days=days_ago)
    return ResponseFactory(
        point=point, comment=text, comment_status=status, created_at=at, day=at.date()
    )


def test_published_comments_show_with_the_agencys_reply(client, points):
    older = comment(points[0], "The queue was long but staff were kind.", days_ago=3)
    comment(points[1], "Quick service at Huye.", days_ago=1)
    Reply.objects.create(response=older, text="Thank you, we added a second counter.")
    text = page_text(client.get("/feedback/agencies/rwanda-registry/"))
    assert "What citizens wrote" in text
    # Newest first, each with its point; the reply beside its comment.
    assert text.index("Quick service at Huye.") < text.index("The queue was long")
    assert "Huye counter – Huye" in text
    assert "The agency’s reply" in text and "we added a second counter" in text
    point_text = page_text(client.get(f"/feedback/{points[0].code}/results/"))
    assert "The queue was long" in point_text and "Quick service at Huye" not in point_text


@pytest.mark.parametrize("status", [CommentState.PENDING, CommentState.REJECTED])
def test_a_comment_not_published_never_shows(client, points, status):
    # The attack: a comment still waiting (or refused) must not reach the public pages, with
    # its reply drafted or not, however the pages are asked for.
    hidden = comment(points[0], f"Secret {status} comment naming the clerk.", status=status)
    Reply.objects.create(response=hidden, text="A reply to the hidden comment.")
    comment(points[0], "A published one.")
    for address in [
        "/feedback/agencies/rwanda-registry/",
        "/feedback/agencies/rwanda-registry/?page=2",
        f"/feedback/{points[0].code}/results/",
        "/fr/feedback/agencies/rwanda-registry/",
        "/feedback/open-data/monthly.csv",
        "/api/feedback/v1/monthly/",
    ]:
        body = client.get(address).content.decode()
        assert "Secret" not in body, address
        assert "reply to the hidden" not in body, address
    assert "A published one." in page_text(client.get("/feedback/agencies/rwanda-registry/"))


def test_comments_come_a_page_at_a_time(client, points):
    for number in range(23):
        comment(points[0], f"Comment number {number:02d}.", days_ago=number)
    first = page_text(client.get("/feedback/agencies/rwanda-registry/"))
    assert "Comment number 00." in first and "Comment number 19." in first
    assert "Comment number 20." not in first
    assert "Page 1 of 2" in first and "Older comments" in first
    second = page_text(client.get("/feedback/agencies/rwanda-registry/?page=2"))
    assert "Comment number 22." in second and "Comment number 00." not in second
    assert "Newer comments" in second
    # A page that is not one: the nearest page, never an error.
    assert client.get("/feedback/agencies/rwanda-registry/?page=abc").status_code == 200
    last = page_text(client.get("/feedback/agencies/rwanda-registry/?page=99"))
    assert "Page 2 of 2" in last
