"""Background work of a round's results, through the django-tasks API: telling each entry's
nominator the outcome of a published round (judging/results/decisions.py queues it after
commit). Tasks take ids and fetch what they need, so a worker on another machine sees the
committed state. A task that fails is retried, then reported (awards_site/background/retry.py)."""

from django.urls import reverse

from awards_site import mail
from awards_site.background.retry import retried_task
from awards_site.site_url import absolute_url
from judging.models import Outcome, Round, RoundDecision
from nominations.models import Nomination
from nominations.statuses import STATUSES, NominationStatus


def _send(template, recipients, language, **context):
    """judging/email/<template>, in the recipient's language."""
    mail.send_templated(f"judging/email/{template}", recipients, language=language, **context)


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
        # An entry with no decision was not placed.
        announcement=STATUSES[outcome or NominationStatus.NOT_PLACED].announcement_for(
            nomination.reference
        ),
        feedback_url=feedback_url,
    )
