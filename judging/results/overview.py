"""The awards overview of the admin dashboard: the current cycle, its nominations by status and
by category, judging progress per round (scoresheets submitted out of assigned) and the
certificates issued. The numbers only; the dashboard panel (judging/wagtail_hooks.py, template
judging/admin/overview_panel.html) adds the links into the admin lists.

Every figure is a database aggregate: five queries whatever the number of nominations,
categories, rounds, assignments or certificates (tests/judging/results/test_overview.py pins it).
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q

from judging.models import Certificate, Round, ScoresheetStatus
from nominations.models import AwardCycle, Category, Nomination
from nominations.statuses import STATUSES, counted


@dataclass
class Line:
    """One line of a breakdown: what it counts (a status value, a category id), its label, the
    count."""

    key: object
    label: str
    count: int


@dataclass
class RoundProgress:
    round: Round
    submitted: int
    assigned: int

    @property
    def percent(self):
        return round(100 * self.submitted / self.assigned) if self.assigned else 0


@dataclass
class Overview:
    cycle: AwardCycle
    by_status: list = field(default_factory=list)  # [Line], every status with nominations
    by_category: list = field(default_factory=list)  # [Line], every category of the cycle
    rounds: list = field(default_factory=list)  # [RoundProgress], in the order they open
    certificates: int = 0  # issued and not revoked

    @property
    def state(self):
        """Whether nominations are open: "not_open_yet", "open" or "closed"."""
        return self.cycle.state()

    @property
    def nominations(self):
        return sum(line.count for line in self.by_status)

    @property
    def sent(self):
        """Nominations sent (drafts and withdrawn ones are not)."""
        unsent = STATUSES.values(sent=False)
        return sum(line.count for line in self.by_status if line.key not in unsent)


def _by_status(cycle):
    return [Line(*row) for row in counted(Nomination.objects.filter(cycle=cycle))]


def _by_category(cycle):
    categories = (
        Category.objects.filter(cycle=cycle)
        .annotate(count=Count("nominations"))
        .order_by("sort_order", "pk")
    )
    return [Line(category.pk, category.name, category.count) for category in categories]


def _rounds(cycle):
    submitted = Q(assignments__scoresheet__status=ScoresheetStatus.SUBMITTED)
    rounds = (
        Round.objects.filter(cycle=cycle)
        .annotate(assigned=Count("assignments"), submitted=Count("assignments", filter=submitted))
        .order_by("opens_at", "pk")
    )
    return [RoundProgress(round_, round_.submitted, round_.assigned) for round_ in rounds]


def awards_overview(cycle=None):
    """The overview of `cycle` (the current cycle by default), or None without one."""
    cycle = cycle or AwardCycle.objects.current()
    if cycle is None:
        return None
    return Overview(
        cycle=cycle,
        by_status=_by_status(cycle),
        by_category=_by_category(cycle),
        rounds=_rounds(cycle),
        certificates=Certificate.objects.filter(cycle=cycle, revoked_at__isnull=True).count(),
    )
