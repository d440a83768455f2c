"""Published comments and the agency's replies, as the public pages list them: only comments
whose moderation published them (a pending or rejected comment never shows), newest first, a
page at a time. The only public read of answers: a filtered, indexed, paginated query (the
(point, comment_status) index), never an aggregate over them."""

from django.core.paginator import Paginator

from feedback.choices import AnswerStatus, CommentState
from feedback.models import Response

COMMENTS_PER_PAGE = 20


def published_comments(**where):
    """Published comments narrowed by `where` (point=..., point__agency=...), newest first,
    with their point and reply in the same query."""
    return (
        Response.objects.filter(comment_status=CommentState.PUBLISHED, **where)
        .exclude(comment="")
        # An answer rejected after review takes its comment with it.
        .exclude(status=AnswerStatus.REJECTED)
        .select_related("point", "reply")
        .only(
            "comment",
            "created_at",
            "point__name",
            "point__town",
            "point__code",
            "reply__text",
            "reply__created_at",
        )
        .order_by("-created_at", "-pk")
    )


def comments_page(comments, number):
    """One page of comments (a page number that is not one gives the first or the last page)."""
    return Paginator(comments, COMMENTS_PER_PAGE).get_page(number)
