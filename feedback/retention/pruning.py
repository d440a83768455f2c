"""Retention of citizens' answers (docs/feedback.md "Retention", docs/privacy.md):

- a raw answer (`Response`) older than FEEDBACK_RETAIN_ANSWERS_DAYS (400 by default) is deleted,
  with its reply if any. Its day's roll-up stays, so every published figure, trend and open-data
  row is the same before and after: the figures never read the answers;
- the text of a comment moderation did not publish (rejected) is blanked
  FEEDBACK_REJECTED_COMMENT_DAYS (30) after the decision (after the answer, if no one recorded
  when): long enough for the agency to review a mistaken refusal, no longer.

Run nightly by `manage.py prune_feedback_answers` (or the `prune_feedback_answers` task), and by
the data-protection framework's retention run (`manage.py anonymise_expired_data`, through the
`apply_retention` hook). Idempotent: a second run finds nothing to do."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from feedback.choices import CommentState
from feedback.models import Response


@dataclass(frozen=True)
class Pruned:
    answers: int
    rejected_comments: int


def old_answers(now):
    cut = timezone.localdate(now) - timedelta(days=settings.FEEDBACK_RETAIN_ANSWERS_DAYS)
    return Response.objects.filter(day__lt=cut)


def stale_rejected_comments(now):
    cut = now - timedelta(days=settings.FEEDBACK_REJECTED_COMMENT_DAYS)
    return (
        Response.objects.filter(comment_status=CommentState.REJECTED)
        .exclude(comment="")
        .filter(Q(moderated_at__lt=cut) | Q(moderated_at__isnull=True, created_at__lt=cut))
    )


def prune(now=None, dry_run=False):
    """Delete the answers past retention and blank the rejected comments' text; with
    `dry_run`, count them and change nothing."""
    now = now or timezone.now()
    answers, comments = old_answers(now), stale_rejected_comments(now)
    if dry_run:
        return Pruned(answers.count(), comments.count())
    with transaction.atomic():
        blanked = comments.update(comment="")
        deleted = answers.delete()[1].get(Response._meta.label, 0)
    return Pruned(deleted, blanked)


def apply_retention(now=None, dry_run=False):
    """The `apply_retention` hook of the data-protection framework: (what, how many) lines."""
    pruned = prune(now=now, dry_run=dry_run)
    return [
        ("citizen feedback answers past retention", pruned.answers),
        ("rejected feedback comments' text", pruned.rejected_comments),
    ]
