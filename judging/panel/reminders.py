"""Reminders to judges with pending work in an open round: one email per judge listing the
entries they have not submitted yet, with due dates and a link to the judge portal.

A judge is reminded about a round at most once a day. The audit log is the record: every
reminder is logged on the judge's profile ("judging.remind", with the round), and a judge who
already has such an entry for the round since midnight (in the programme's time zone) is
skipped. So the one-click button and the scheduled command can both run on the same day without
anyone getting two emails, and the judge's history shows when they were reminded.
"""

from dataclasses import dataclass, field
from datetime import datetime, time

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from awards_site import mail
from awards_site.site_url import absolute_url
from judging.models import Assignment, JudgeProfile, Round, ScoresheetStatus
from judging.panel.invitations import portal_path

REMIND = "judging.remind"
SUBMITTED = ScoresheetStatus.SUBMITTED


def pending_judges(round):
    """Active judges with assignments of the round not submitted yet, each with `pending`
    (how many) — none when the round is not open."""
    if not round.is_open():
        return JudgeProfile.objects.none()
    pending = Q(assignments__round=round) & ~Q(assignments__scoresheet__status=SUBMITTED)
    return (
        JudgeProfile.objects.filter(is_active=True)
        .annotate(pending=Count("assignments", filter=pending))
        .filter(pending__gt=0)
        .select_related("user")
        .order_by("user__email")
    )


def reminded_today(round, judge_ids):
    """Ids of the judges already reminded about the round today, from the audit log."""
    midnight = timezone.make_aware(datetime.combine(timezone.localdate(), time.min))
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(JudgeProfile),
        action=REMIND,
        timestamp__gte=midnight,
        object_id__in=[str(pk) for pk in judge_ids],
    ).values_list("object_id", "data")
    return {int(object_id) for object_id, data in entries if (data or {}).get("round") == round.pk}


@dataclass
class Reminded:
    sent: list = field(default_factory=list)  # judge profiles reminded now
    skipped: list = field(default_factory=list)  # already reminded today


def send_reminders(round, user=None):
    """Queue one reminder email per judge with pending work in the round, once a day."""
    judges = list(pending_judges(round))
    already = reminded_today(round, [judge.pk for judge in judges])
    result = Reminded()
    with transaction.atomic():
        for judge in judges:
            if judge.pk in already:
                result.skipped.append(judge)
                continue
            log(judge, REMIND, user=user, data={"round": round.pk, "pending": judge.pending})
            transaction.on_commit(lambda pk=judge.pk: _enqueue(pk, round.pk))
            result.sent.append(judge)
    return result


def _enqueue(judge_pk, round_pk):
    from judging.panel.tasks import send_judging_reminder

    send_judging_reminder.enqueue(judge_pk, round_pk)


def send_reminder_email(judge_pk, round_pk):
    """The reminder email (run by the send_judging_reminder task); nothing when the judge has
    submitted everything in the meantime."""
    judge = JudgeProfile.objects.select_related("user").get(pk=judge_pk)
    round = Round.objects.get(pk=round_pk)
    assignments = list(
        Assignment.objects.filter(round=round, judge=judge)
        .exclude(scoresheet__status=SUBMITTED)
        .select_related("nomination", "scoresheet")
        .order_by("due_on", "nomination__reference")
    )
    if not assignments:
        return False
    today = timezone.localdate()
    for assignment in assignments:
        scoresheet = getattr(assignment, "scoresheet", None)
        assignment.status = scoresheet.status if scoresheet else "not_started"
        assignment.is_overdue = assignment.due_on < today
    user = judge.user
    with mail.speaking(user.language):
        context = {
            "judge": judge,
            "user": user,
            "round": round,
            "assignments": assignments,
            "portal_url": absolute_url(portal_path()),
        }
        mail.send_templated("judging/email/reminder", [user.email], **context)
    return True
