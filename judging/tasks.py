"""Background work of the judging app, through the django-tasks API. Tasks take ids and fetch
what they need, so a worker on another machine sees the committed state.
A task that fails is retried, then reported (awards_site/task_retry.py)."""

from django.urls import reverse

from awards_site import mail
from awards_site.site_url import absolute_url
from awards_site.task_retry import retried_task
from judging.models import Outcome, Round, RoundDecision
from nominations.models import Nomination


def _send(template, recipients, language, **context):
    """judging/email/<template>, in the recipient's language."""
    mail.send_templated(f"judging/email/{template}", recipients, language=language, **context)


# Results ----------------------------------------------------------------------------------------


@retried_task()
def send_round_result(round_pk, nomination_pk):
    """Tell an entry's nominator the outcome of a published round (or that the entry was not
    selected this time), with a link to the judges' comments when the round shares them."""
    round = Round.objects.select_related("cycle").get(pk=round_pk)
    nomination = Nomination.objects.select_related("cycle", "category", "nominator").get(
        pk=nomination_pk
    )
    outcome = (
        RoundDecision.objects.filter(round=round, nomination=nomination)
        .values_list("outcome", flat=True)
        .first()
    ) or ""
    feedback_url = ""
    if round.entrant_feedback:
        feedback_url = absolute_url(reverse("judging:feedback", kwargs={"uuid": nomination.uuid}))
    _send(
        "results",
        [nomination.nominator.email],
        nomination.language,
        round=round,
        nomination=nomination,
        outcome=outcome,
        outcome_label=Outcome(outcome).label if outcome else "",
        feedback_url=feedback_url,
    )


# Judging admin: judge invitations and reminders (judging/panel/invitations.py,
# judging/panel/reminders.py).


@retried_task()
def send_judge_invitation(profile_pk):
    from judging.panel.invitations import send_invitation_email

    send_invitation_email(profile_pk)


@retried_task()
def send_judging_reminder(judge_pk, round_pk):
    from judging.panel.reminders import send_reminder_email

    send_reminder_email(judge_pk, round_pk)


# Certificates (judging/certificates/issuing.py)
# ---------------------------------------------------------


@retried_task()
def issue_certificate_batch(batch_pk):
    """Render the PDFs of a certificate batch that are not rendered yet, writing its progress as
    it goes, then its ZIP. A failure marks the batch failed with the error; the retry (automatic,
    or "Try again" in the admin) renders only what is missing."""
    from judging.certificates.issuing import run_batch

    run_batch(batch_pk)
