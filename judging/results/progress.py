"""How far a round's judging has come: per judge, per entry, and the overdue assignments.

Every figure is a database aggregate (Count with a filter), so the number of queries does not
grow with the number of judges, entries or assignments. An assignment is "not started" while it
has no scoresheet, a "draft" while its scoresheet is not submitted, and "overdue" when its due
date has passed, it is not submitted and its round has not closed (after closing, nothing can
be submitted any more, so it is no longer something to chase).
"""

from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.utils import timezone

from judging.models import Assignment, ScoresheetStatus

SUBMITTED = Q(scoresheet__status=ScoresheetStatus.SUBMITTED)
DRAFT = Q(scoresheet__status=ScoresheetStatus.DRAFT)
NOT_STARTED = Q(scoresheet__isnull=True)


def today():
    return timezone.localdate()


def overdue_q(on=None):
    return Q(due_on__lt=on or today()) & ~SUBMITTED


def _counts(on=None):
    """Count annotations over assignments."""
    return {
        "assigned": Count("pk"),
        "submitted": Count("pk", filter=SUBMITTED),
        "drafts": Count("pk", filter=DRAFT),
        "not_started": Count("pk", filter=NOT_STARTED),
        "overdue": Count("pk", filter=overdue_q(on)),
    }


@dataclass
class Totals:
    assigned: int = 0
    submitted: int = 0
    drafts: int = 0
    not_started: int = 0
    overdue: int = 0

    @property
    def percent_submitted(self):
        return round(100 * self.submitted / self.assigned) if self.assigned else 0


def round_totals(round, on=None):
    values = Assignment.objects.filter(round=round).aggregate(**_counts(on=on))
    totals = Totals(**values)
    if round.is_closed():
        totals.overdue = 0
    return totals


def judge_rows(round, on=None):
    """One row per judge of the round: name, email and their counts, by name. One query."""
    rows = (
        Assignment.objects.filter(round=round)
        .values(
            "judge_id",
            first_name=F("judge__user__first_name"),
            last_name=F("judge__user__last_name"),
            email=F("judge__user__email"),
        )
        .annotate(**_counts(on=on))
        .order_by("last_name", "first_name", "email")
    )
    closed = round.is_closed()
    result = []
    for row in rows:
        row["name"] = f"{row['first_name']} {row['last_name']}".strip() or row["email"]
        if closed:
            row["overdue"] = 0
        result.append(row)
    return result


def entry_rows(round):
    """The round's entries with how many judges they have and how many submitted, those short
    of judges first, then the least advanced. A queryset (one query per page of it)."""
    in_round = Q(judge_assignments__round=round)
    return (
        round.entries()
        .select_related("category")
        .annotate(
            assigned=Count("judge_assignments", filter=in_round),
            submitted=Count(
                "judge_assignments",
                filter=in_round
                & Q(judge_assignments__scoresheet__status=ScoresheetStatus.SUBMITTED),
            ),
        )
        .order_by("assigned", "submitted", "reference")
    )


def overdue(round=None, on=None, now=None):
    """Overdue assignments of open rounds (or of one round, if it is open), oldest first."""
    now = now or timezone.now()
    assignments = (
        Assignment.objects.filter(overdue_q(on), round__closes_at__gt=now)
        .select_related("round__cycle", "nomination", "judge__user", "scoresheet")
        .order_by("due_on", "round_id", "judge__user__email", "nomination__reference")
    )
    if round is not None:
        assignments = assignments.filter(round=round)
    return assignments
