"""Taking an answer: one response per device, point and day (a later one replaces the earlier,
in place), and the point's daily roll-up moved by the difference, in the same transaction
(docs/feedback.md). Safe under parallel answers: the unique constraint decides which insert wins
(the loser replaces the winner's row) and the roll-up changes by F() expressions, so no count is
read before it is written."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from feedback.choices import (
    DETRACTORS_UP_TO,
    PROMOTERS_FROM,
    RESPONSE_STATUSES,
    SATISFIED_FROM,
    Channel,
    CommentState,
)
from feedback.models import DailyRollup, Response
from feedback.scrubbing import scrub

ANSWER_FIELDS = ("satisfaction", "effort", "resolved", "recommend", "comment")
NEW, REPLACED = "new", "replaced"


@dataclass(frozen=True)
class Answer:
    satisfaction: int
    effort: int
    resolved: bool
    recommend: int
    comment: str = ""


def contribution(response):
    """What one answer adds to its day's roll-up (nothing unless it is counted)."""
    if not RESPONSE_STATUSES[response.status].counted:
        return {}
    return {
        "n": 1,
        "satisfied": int(response.satisfaction >= SATISFIED_FROM),
        "effort_sum": response.effort,
        "effort_squares": response.effort * response.effort,
        "resolved": int(bool(response.resolved)),
        "promoters": int(response.recommend >= PROMOTERS_FROM),
        "detractors": int(response.recommend <= DETRACTORS_UP_TO),
    }


def difference(old, new):
    return {
        name: new.get(name, 0) - old.get(name, 0)
        for name in {*old, *new}
        if new.get(name, 0) != old.get(name, 0)
    }


def move_rollup(point, day, changes):
    """Add `changes` (field -> signed amount) to the point's roll-up of the day."""
    if not changes:
        return
    DailyRollup.objects.bulk_create([DailyRollup(point=point, day=day)], ignore_conflicts=True)
    DailyRollup.objects.filter(point=point, day=day).update(
        **{name: F(name) + amount for name, amount in changes.items()}
    )


def _apply(response, answer, language, now, channel):
    for name in ANSWER_FIELDS:
        setattr(response, name, getattr(answer, name))
    response.comment = scrub(answer.comment)
    # A new or changed comment waits for moderation before anyone but staff reads it.
    response.comment_status = CommentState.PENDING if response.comment else CommentState.NONE
    response.language = language
    response.channel = channel
    response.created_at = now


@transaction.atomic
def take(point, answer, device_key, language="", now=None, channel=Channel.WEB):
    """Store the answer of `device_key` about `point` today, given through `channel` (the web
    form or an SMS); NEW or REPLACED."""
    now = now or timezone.now()
    day = timezone.localdate(now)
    response = (
        Response.objects.select_for_update().filter(point=point, device_key=device_key, day=day)
    ).first()
    if response is None:
        response = Response(point=point, device_key=device_key, day=day)
        _apply(response, answer, language, now, channel)
        try:
            with transaction.atomic():
                response.save()
        except IntegrityError:
            # The same device's other answer was inserted meanwhile: replace it.
            response = Response.objects.select_for_update().get(
                point=point, device_key=device_key, day=day
            )
        else:
            move_rollup(point, day, contribution(response))
            return NEW
    before = contribution(response)
    _apply(response, answer, language, now, channel)
    response.save()
    move_rollup(point, day, difference(before, contribution(response)))
    return REPLACED
