"""Comments and held answers, as agency staff handle them: a comment is published (shown
publicly, with the agency's reply beside it) or not published; a held answer is counted or
rejected (recording.release). Comments were scrubbed when stored: staff read only that text."""

from django.db import transaction
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils import timezone

from feedback.choices import AnswerStatus, CommentState
from feedback.giving import recording
from feedback.models import Agency, Reply, Response

PENDING_FIRST = Case(
    When(comment_status=CommentState.PENDING, then=Value(0)),
    default=Value(1),
    output_field=IntegerField(),
)


def comments_of(agency):
    """The agency's comments, waiting ones first, then the newest first (rejected answers'
    comments are left out)."""
    return (
        Response.objects.filter(point__agency=agency)
        .exclude(comment_status=CommentState.NONE)
        .exclude(status=AnswerStatus.REJECTED)
        .select_related("point", "reply")
        .order_by(PENDING_FIRST, "-created_at", "-pk")
    )


def agencies_with_waiting_comments():
    """Every agency with the number of its comments waiting for moderation (`waiting`), those
    with the most first: the editors' way in."""
    waiting = Q(points__responses__comment_status=CommentState.PENDING) & ~Q(
        points__responses__status=AnswerStatus.REJECTED
    )
    return Agency.objects.annotate(waiting=Count("points__responses", filter=waiting)).order_by(
        "-waiting", "name"
    )


def waiting_of(agency):
    """{"comments": comments waiting for moderation, "held": answers held for review} of the
    agency. Two counts, each answered by an index of the few answers concerned (point and
    comment status; status and point), never a scan of every answer the agency received."""
    pending = Response.objects.filter(point__agency=agency, comment_status=CommentState.PENDING)
    return {
        "comments": pending.exclude(status=AnswerStatus.REJECTED).count(),
        "held": held_of(agency).count(),
    }


def comment_of(agency, response_id):
    """One of the agency's comments, or None."""
    return comments_of(agency).filter(pk=response_id).first()


def answers_of(agency):
    return Response.objects.filter(point__agency=agency).select_related("point")


def held_of(agency):
    return (
        Response.objects.filter(point__agency=agency, status=AnswerStatus.HELD)
        .select_related("point")
        .order_by("-created_at", "-pk")
    )


def moderate(response, user, publish, now=None):
    """Publish the comment (or not), recording who and when."""
    response.comment_status = CommentState.PUBLISHED if publish else CommentState.REJECTED
    response.moderated_by = user
    response.moderated_at = now or timezone.now()
    response.save(update_fields=["comment_status", "moderated_by", "moderated_at"])


@transaction.atomic
def save_reply(response, user, text):
    """The agency's reply to the comment: written, changed, or taken down when `text` is
    empty. Returns the reply (None once taken down)."""
    text = text.strip()
    reply = Reply.objects.select_for_update().filter(response=response).first()
    if not text:
        if reply is not None:
            reply.delete()
        return None
    if reply is None:
        return Reply.objects.create(response=response, text=text, author=user)
    if reply.text != text:
        reply.text, reply.author = text, user
        reply.save(update_fields=["text", "author", "updated_at"])
    return reply


def review(response, count):
    """Count the held answer (into the figures) or reject it; False if it was reviewed
    meanwhile."""
    status = AnswerStatus.COUNTED if count else AnswerStatus.REJECTED
    return recording.release(response, status)
