"""Background work of the judges' panel, through the django-tasks API: the invitation email
(judging/panel/invitations.py) and the reminder email (judging/panel/reminders.py), each queued
after commit by the module that decides to send it. Tasks take ids; a task that fails is
retried, then reported (awards_site/background/retry.py)."""

from awards_site.background.retry import retried_task
from judging.panel import invitations, reminders


@retried_task()
def send_judge_invitation(profile_pk):
    invitations.send_invitation_email(profile_pk)


@retried_task()
def send_judging_reminder(judge_pk, round_pk):
    reminders.send_reminder_email(judge_pk, round_pk)
