"""What a round's published results call for in certificates (`planned`), and the preview of
what issuing would make (`preview`):

What a round calls for (`planned`), once its results are published:
- the kinds for an outcome (winner, finalist, merit): the round's decisions with that outcome;
- the kinds for every entry (participation): every nomination of the cycle that took part
  (eligible or further: a winner has its winner certificate and its participation certificate);
- the kinds for judges (appreciation): every judge with a submitted scoresheet in a published
  round of the cycle.
The kinds are declared in kinds.py. Entry and judge kinds are one per cycle, whichever round
issues them.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from judging.certificates.errors import CertificateError
from judging.certificates.kinds import ENTRY, JUDGE, KIND_ORDER, KINDS, OUTCOME_KINDS
from judging.models import (
    Certificate,
    JudgeProfile,
    RoundDecision,
    ScoresheetStatus,
)
from nominations.models import Nomination
from nominations.statuses import STATUSES

# Nominations that take part: eligible ones and those that went further.
TAKING_PART = STATUSES.values(entered=True)


# What a round calls for -------------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """A certificate to issue: its kind and its recipient (a nomination or a judge)."""

    kind: str
    nomination: Nomination | None = None
    judge: JudgeProfile | None = None

    @property
    def key(self):
        return key_of(
            self.kind, self.nomination and self.nomination.pk, self.judge and self.judge.pk
        )


def key_of(kind, nomination_id, judge_id):
    return (kind, judge_id) if KINDS[kind].recipients == JUDGE else (kind, nomination_id)


def check_round(round):
    if not round.results_published:
        raise CertificateError(
            _(
                "The results of this round are not published yet. Publish them first: "
                "certificates follow the published outcomes."
            )
        )


def planned(round):
    """Every certificate the round's published results call for, as Subjects, in KIND_ORDER."""
    taking_part = (
        Nomination.objects.filter(cycle=round.cycle_id, status__in=TAKING_PART)
        .select_related("category", "nominator")
        .order_by("category__sort_order", "reference", "pk")
    )
    decisions = (
        RoundDecision.objects.filter(
            round=round, outcome__in=OUTCOME_KINDS, nomination__status__in=TAKING_PART
        )
        .select_related("nomination__category", "nomination__nominator")
        .order_by("nomination__category__sort_order", "nomination__reference", "pk")
    )
    judges = (
        JudgeProfile.objects.filter(
            assignments__round__cycle=round.cycle_id,
            assignments__round__results_published_at__isnull=False,
            assignments__scoresheet__status=ScoresheetStatus.SUBMITTED,
            user__is_active=True,  # a closed account could not download it
        )
        .select_related("user")
        .distinct()
        .order_by("user__last_name", "user__first_name", "user__email")
    )
    subjects = [
        Subject(OUTCOME_KINDS[decision.outcome], nomination=decision.nomination)
        for decision in decisions
    ]
    subjects.sort(key=lambda subject: KIND_ORDER.index(subject.kind))
    for kind in KINDS.where(recipients=ENTRY):
        subjects += [Subject(kind.value, nomination=n) for n in taking_part]
    for kind in KINDS.where(recipients=JUDGE):
        subjects += [Subject(kind.value, judge=judge) for judge in judges]
    return subjects


VALID, REVOKED = "valid", "revoked"


def _existing(cycle_id):
    """{key: VALID or REVOKED} of the cycle's certificates (VALID wins over REVOKED)."""
    state = {}
    for kind, nomination_id, judge_id, revoked_at in Certificate.objects.filter(
        cycle=cycle_id
    ).values_list("kind", "nomination_id", "judge_id", "revoked_at"):
        key = key_of(kind, nomination_id, judge_id)
        if revoked_at is None:
            state[key] = VALID
        else:
            state.setdefault(key, REVOKED)
    return state


@dataclass
class PreviewRow:
    kind: str
    label: str
    given_to: str
    planned: int = 0
    new: int = 0
    kept: int = 0
    revoked: int = 0


def preview(round):
    """Per kind: how many certificates the round calls for, how many an issue would create, how
    many already exist (kept) and how many were revoked (not issued again)."""
    rows = {kind: PreviewRow(kind, KINDS[kind].label, KINDS[kind].given_to) for kind in KIND_ORDER}
    state = _existing(round.cycle_id)
    for subject in planned(round):
        row = rows[subject.kind]
        row.planned += 1
        found = state.get(subject.key)
        if found == VALID:
            row.kept += 1
        elif found == REVOKED:
            row.revoked += 1
        else:
            row.new += 1
    return list(rows.values())
