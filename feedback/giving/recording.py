"""Taking an answer: one response per device, point and day (a later one replaces the earlier,
in place), and the roll-ups moved by the difference, in the same transaction (rollups.py,
docs/feedback.md). Safe under parallel answers: the unique constraint decides which insert wins
(the loser replaces the winner's row) and the roll-ups change by F() expressions, so no count is
read before it is written.

A new answer first passes the burst detector (bursts.py): when it fires, the answer is stored
held, with its reason, and the answers of the same burst counted so far are held too and taken
out of the roll-ups (`hold`). Each status change is an UPDATE that names the status it expects,
on rows locked first, so an answer leaves or enters the roll-ups once, however many requests
race (`hold` here, `release` for the staff's review in feedback/staff/review.py).
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from feedback.choices import (
    DETRACTORS_UP_TO,
    PROMOTERS_FROM,
    RESPONSE_STATUSES,
    SATISFIED_FROM,
    AnswerStatus,
    Channel,
    CommentState,
)
from feedback.giving import bursts, rollups
from feedback.models import Response, ServicePoint
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
    """Add `changes` (field -> signed amount) to the roll-ups of `point` (a point or its id)
    for the day, for its month and for its agency's month (rollups.py)."""
    if isinstance(point, ServicePoint):
        rollups.move({(point.pk, day): changes}, agency_of={point.pk: point.agency_id})
    else:
        rollups.move({(point, day): changes})


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
        reason = bursts.reason_to_hold(point, response.comment, now)
        if reason:
            response.status, response.held_reason = AnswerStatus.HELD, reason
            hold(bursts.burst_of(point, reason, response.comment, now), reason)
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


def _move_out(responses, sign):
    """Move the roll-ups by each answer's contribution (sign -1: out, +1: in), one update per
    roll-up row, in the order rollups.py keeps."""
    sums = {}
    for response in responses:
        day_sums = sums.setdefault((response.point_id, response.day), {})
        for name, amount in contribution(response).items():
            day_sums[name] = day_sums.get(name, 0) + sign * amount
    rollups.move(sums)


@transaction.atomic
def hold(responses, reason):
    """Hold the counted answers among `responses` that no one has reviewed yet, and take them
    out of the roll-ups; returns how many."""
    locked = list(responses.select_for_update().filter(status=AnswerStatus.COUNTED, held_reason=""))
    _move_out(locked, -1)
    Response.objects.filter(pk__in=[r.pk for r in locked]).update(
        status=AnswerStatus.HELD, held_reason=reason
    )
    return len(locked)


@transaction.atomic
def release(response, status):
    """A held answer reviewed: COUNTED (it moves the roll-up by its contribution) or REJECTED.
    False when it was no longer held (someone reviewed it meanwhile): nothing changes."""
    changed = Response.objects.filter(pk=response.pk, status=AnswerStatus.HELD).update(
        status=status
    )
    if not changed:
        return False
    response.status = status
    if status == AnswerStatus.COUNTED:
        _move_out([response], +1)
    return True
