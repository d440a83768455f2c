"""The burst detector: answers that arrive far above a service point's usual rate, or many
copies of one comment, are held for review instead of counted (docs/feedback.md, "Burst
detector"). Called by recording.take for every new answer; the rule reads two small counts.

- **Burst**: the point has had more than max(FEEDBACK_BURST_MIN, FEEDBACK_BURST_FACTOR x its
  mean hourly count over the last FEEDBACK_BURST_BASELINE_DAYS days) answers in the last hour,
  this one included. The mean comes from the point's daily roll-ups (counted answers of the days
  before today), so a quiet point's threshold is FEEDBACK_BURST_MIN and a busy one's grows with
  its usual traffic.
- **Repeated comment**: the same comment (scrubbed, compared without case or surrounding
  spaces, from MIN_REPEATED_LENGTH characters) reaches FEEDBACK_BURST_SAME_COMMENTS copies at
  the point within 24 hours.

When the rule fires, the new answer is held, and so are the answers of the same burst (the
hour's, or the copies of the comment) that were counted before the threshold was crossed:
recording.py takes them out of the roll-ups. Answers that staff counted after a review keep
their reason and are not held again.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from feedback.models import DailyRollup, Response

WINDOW = timedelta(hours=1)
SAME_COMMENT_WINDOW = timedelta(hours=24)
# Short comments ("Merci", "Good") repeat honestly.
MIN_REPEATED_LENGTH = 10

BURST, REPEATED = "burst", "repeated_comment"
REASONS = {
    BURST: _("Far more answers than usual within one hour"),
    REPEATED: _("The same comment many times within a day"),
}


def reason_label(reason):
    """What staff read for a stored `held_reason`."""
    return REASONS.get(reason, reason)


def threshold(point, today):
    """How many answers in an hour the point may take before they are held."""
    days = settings.FEEDBACK_BURST_BASELINE_DAYS
    total = (
        DailyRollup.objects.filter(
            point=point, day__gte=today - timedelta(days=days), day__lt=today
        ).aggregate(n=Sum("n"))["n"]
        or 0
    )
    return max(settings.FEEDBACK_BURST_MIN, settings.FEEDBACK_BURST_FACTOR * total / (days * 24))


def _since(point, start):
    return Response.objects.filter(
        point=point, day__gte=timezone.localdate(start), created_at__gt=start
    )


def in_window(point, now):
    """The point's answers of the last hour."""
    return _since(point, now - WINDOW)


def same_comment(point, comment, now):
    """The point's answers of the last 24 hours with this comment."""
    return _since(point, now - SAME_COMMENT_WINDOW).filter(comment__iexact=comment.strip())


def is_repeatable(comment):
    return len(comment.strip()) >= MIN_REPEATED_LENGTH


def reason_to_hold(point, comment, now):
    """BURST, REPEATED or "" for a new answer to `point` at `now` with this (scrubbed)
    comment, before it is stored."""
    if in_window(point, now).count() + 1 > threshold(point, timezone.localdate(now)):
        return BURST
    if is_repeatable(comment):
        copies = same_comment(point, comment, now).count() + 1
        if copies >= settings.FEEDBACK_BURST_SAME_COMMENTS:
            return REPEATED
    return ""


def burst_of(point, reason, comment, now):
    """The answers of the same burst as a new held answer, to hold with it."""
    return in_window(point, now) if reason == BURST else same_comment(point, comment, now)
