"""Decisions drawn from a round's results, and publishing them.

- A decision (RoundDecision) gives an entry an outcome: shortlisted, finalist, merit or winner.
  `shortlist_top` decides "shortlisted" for the top N ranked entries of each category; `decide`
  and `undecide` set or clear one entry's outcome by hand. Each change is in the audit log
  ("judging.decision", on the nomination).
- Until the results are published, decisions change nothing else: nominators see nothing.
- `publish` closes the matter, once: in one transaction it stamps the round's
  results_published_at, makes each decided nomination's status its outcome (an eligible entry
  without one becomes "not placed") and logs
  "judging.publish"; after the commit every entry's nominator is told by email (the outcome, or
  that the entry was not selected this time, with a link to the judges' comments when the round
  shares them). Decisions cannot change after that, and publishing again does nothing.
"""

from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from judging.models import Outcome, Round, RoundDecision
from judging.results.computation import entries, record_published_results, round_results
from nominations.choices import NominationStatus
from nominations.models import Nomination


class DecisionError(Exception):
    """A decision refused, with a message for the administrator who tried it."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _check_open(round):
    if round.results_published:
        raise DecisionError(
            _(
                "The results of this round were published on %(date)s, so its decisions can no "
                "longer change."
            )
            % {"date": date_format(timezone.localtime(round.results_published_at), "DATE_FORMAT")}
        )


def _check_entry(round, nomination):
    if not entries(round).filter(pk=nomination.pk).exists():
        raise DecisionError(_("This nomination is not an entry of this round."))


def _log(round, nomination, user, outcome, previous, now=None):
    log(
        nomination,
        "judging.decision",
        user=user,
        data={
            "round": round.pk,
            "round_name": str(round),
            "outcome": outcome,
            "previous": previous,
        },
        timestamp=now or timezone.now(),
    )


def decide(round, nomination, outcome, user, now=None):
    """Give the entry this outcome (replacing any earlier decision). Returns the decision.
    `now`: when it was decided (the demo decides at past dates)."""
    now = now or timezone.now()
    if outcome not in Outcome.values:
        raise DecisionError(_("Choose one of the outcomes offered."))
    _check_open(round)
    _check_entry(round, nomination)
    with transaction.atomic():
        decision = (
            RoundDecision.objects.select_for_update()
            .filter(round=round, nomination=nomination)
            .first()
        )
        previous = decision.outcome if decision else ""
        if decision is None:
            decision = RoundDecision(round=round, nomination=nomination)
        elif previous == outcome:
            return decision
        decision.outcome = outcome
        decision.decided_by = user
        decision.decided_at = now
        decision.save()
        _log(round, nomination, user, outcome, previous, now)
    return decision


def undecide(round, nomination, user):
    """Clear the entry's decision, if it has one. Returns whether there was one."""
    _check_open(round)
    with transaction.atomic():
        decision = (
            RoundDecision.objects.select_for_update()
            .filter(round=round, nomination=nomination)
            .first()
        )
        if decision is None:
            return False
        decision.delete()
        _log(round, nomination, user, "", decision.outcome)
    return True


def shortlist_top(round, n, user, category_id=None):
    """Decide "shortlisted" for the n best-ranked entries of each category (or of one). Entries
    that already have a decision keep it; unranked entries are never shortlisted. Running it
    again changes nothing. Returns the number of new decisions."""
    _check_open(round)
    if n < 1:
        raise DecisionError(_("Enter how many entries to shortlist per category: 1 or more."))
    chosen = [
        result.nomination_id
        for result in round_results(round, category_id)
        if result.rank is not None and result.rank <= n and not result.outcome
    ]
    if not chosen:
        return 0
    now = timezone.now()
    with transaction.atomic():
        taken = set(
            RoundDecision.objects.filter(round=round, nomination__in=chosen).values_list(
                "nomination_id", flat=True
            )
        )
        new = [pk for pk in chosen if pk not in taken]
        RoundDecision.objects.bulk_create(
            [
                RoundDecision(
                    round=round,
                    nomination_id=pk,
                    outcome=Outcome.SHORTLISTED,
                    decided_by=user,
                    decided_at=now,
                )
                for pk in new
            ],
            ignore_conflicts=True,
        )
        for nomination in Nomination.objects.filter(pk__in=new):
            _log(round, nomination, user, Outcome.SHORTLISTED.value, "", now)
    return len(new)


def publish(round, user, now=None, notify=True):
    """Publish the round's results (see the module docstring). Returns False when they were
    already published: nothing is done and nobody is told twice. `now`: the moment of
    publishing (the demo publishes at past dates); `notify=False` emails nobody (the demo)."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = Round.objects.select_for_update().get(pk=round.pk)
        if locked.results_published:
            round.results_published_at = locked.results_published_at
            return False
        if not locked.is_closed(now):
            raise DecisionError(
                _(
                    "The round is still open until %(date)s: judges can still change their "
                    "scores. Publish the results once it has closed."
                )
                % {"date": date_format(timezone.localtime(locked.closes_at), "DATETIME_FORMAT")}
            )
        entry_ids = list(entries(locked).order_by("pk").values_list("pk", flat=True))
        by_outcome = defaultdict(list)
        for nomination_id, outcome in RoundDecision.objects.filter(round=locked).values_list(
            "nomination_id", "outcome"
        ):
            by_outcome[outcome].append(nomination_id)
        for outcome, nomination_ids in by_outcome.items():
            Nomination.objects.filter(pk__in=nomination_ids).update(status=outcome, updated_at=now)
        # Eligible entries without an outcome were not placed: they say so, not "Eligible".
        decided = [pk for ids in by_outcome.values() for pk in ids]
        not_placed = (
            Nomination.objects.filter(pk__in=entry_ids, status=NominationStatus.ELIGIBLE)
            .exclude(pk__in=decided)
            .update(status=NominationStatus.NOT_PLACED, updated_at=now)
        )
        locked.results_published_at = now
        locked.save(update_fields=["results_published_at"])
        record_published_results(locked)
        round.results_published_at = now
        log(
            locked,
            "judging.publish",
            user=user,
            data={
                "entries": len(entry_ids),
                "decisions": {outcome: len(ids) for outcome, ids in sorted(by_outcome.items())},
                "not_placed": not_placed,
            },
            timestamp=now,
        )
        if notify:
            transaction.on_commit(lambda: _tell_nominators(locked.pk, entry_ids))
    return True


def _tell_nominators(round_pk, nomination_ids):
    from judging.results.tasks import send_round_result

    for nomination_id in nomination_ids:
        send_round_result.enqueue(round_pk, nomination_id)
