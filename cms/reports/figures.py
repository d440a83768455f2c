"""The key figures of a report, each computed by the database (COUNT ... GROUP BY): Python
only orders and labels the grouped rows, it never loops over nominations or assignments.

What counts
    Nominations: sent ones only - every status but draft and withdrawn (`Nomination.objects
    .submitted()`). A draft is the nominator's work in progress and a withdrawn nomination
    left the awards; neither is shown to sponsors, nor counted in either version of a report.
    Ineligible nominations were sent, so they count, under their own status.
    Judging: every assignment of the cycle's rounds (in a category report, the assignments of
    the category's entries), with how many scoresheets are submitted, drafts or not started
    (the definitions of judging/results/progress.py).
    Pledges: every pledge signature of the program to date, by country. The pledge belongs to
    the whole program, not to a cycle or a category, so every report shows the same counts;
    no name or email ever leaves the database, only counts.
    Measured evidence: how many of those nominations carry measured results of the citizen
    feedback platform (frozen in `Nomination.measured_results`), overall and by category,
    counted in the same query as the categories.
    Results: only rounds whose results are published (`Round.results_published_at`), as they
    were published (judging.results.computation.published_round_results: the record kept at
    publication).
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from awards_site.vocabularies.countries import country_name
from judging.models import Assignment, Round
from judging.results.computation import published_round_results
from judging.results.overview import Line as Row
from judging.results.progress import DRAFT, NOT_STARTED, SUBMITTED
from nominations.models import Nomination
from nominations.statuses import counted


@dataclass
class RoundProgress:
    round: Round
    name: str
    assigned: int = 0
    submitted: int = 0
    drafts: int = 0
    not_started: int = 0

    @property
    def share_submitted(self):
        """Submitted scoresheets over assignments, from 0 to 1."""
        return self.submitted / self.assigned if self.assigned else 0.0

    @property
    def percent_submitted(self):
        return round(100 * self.share_submitted)


@dataclass
class Figures:
    scope: object  # access.ReportScope
    generated_at: object
    total: int = 0
    by_country: list = field(default_factory=list)
    by_category: list = field(default_factory=list)
    # Nominations carrying measured results of the citizen feedback platform, by category.
    measured_by_category: list = field(default_factory=list)
    by_status: list = field(default_factory=list)
    rounds: list = field(default_factory=list)
    pledges_by_country: list = field(default_factory=list)
    published_rounds: list = field(default_factory=list)

    @property
    def country_count(self):
        return sum(1 for row in self.by_country if row.key)

    @property
    def measured_total(self):
        return sum(row.count for row in self.measured_by_category)

    @property
    def pledges_total(self):
        return sum(row.count for row in self.pledges_by_country)

    @property
    def assigned(self):
        return sum(r.assigned for r in self.rounds)

    @property
    def submitted_sheets(self):
        return sum(r.submitted for r in self.rounds)

    @property
    def share_submitted(self):
        return self.submitted_sheets / self.assigned if self.assigned else 0.0

    def key_figures(self):
        """(label, value, number format) of the summary's first table."""
        return [
            (_("Nominations sent"), self.total, "0"),
            (_("Countries"), self.country_count, "0"),
            (_("Categories with nominations"), sum(1 for r in self.by_category if r.count), "0"),
            (_("Nominations with measured results"), self.measured_total, "0"),
            (_("Judges' assignments"), self.assigned, "0"),
            (_("Scoresheets submitted"), self.submitted_sheets, "0"),
            (_("Scoresheets submitted (%)"), self.share_submitted, "0%"),
            (_("Rounds with published results"), len(self.published_rounds), "0"),
            (_("Pledge signatures (whole program)"), self.pledges_total, "0"),
        ]


def nominations(scope):
    """The nominations a report covers: sent ones of the cycle (or category)."""
    queryset = Nomination.objects.submitted().filter(cycle=scope.cycle)
    if scope.category is not None:
        queryset = queryset.filter(category=scope.category)
    return queryset


def _by_country(queryset, field_name="country"):
    rows = queryset.values_list(field_name).annotate(n=Count("pk")).order_by()
    labelled = [
        Row(code, str(country_name(code)) if code else _("Not given"), n) for code, n in rows
    ]
    return sorted(labelled, key=lambda row: (-row.count, row.label.casefold()))


def by_category(scope):
    return by_category_with_measured(scope)[0]


def by_category_with_measured(scope):
    """Nominations by category, and (in the same query) those of them that carry measured
    results of the citizen feedback platform: two lists of rows, in the categories' order."""
    french = get_language() == "fr"
    rows = (
        nominations(scope)
        .values_list("category_id", "category__name_en", "category__name_fr")
        .annotate(n=Count("pk"), measured=Count("pk", filter=Q(measured_results__isnull=False)))
        .order_by("category__sort_order", "category__name_en", "category_id")
    )
    counts, measured = [], []
    for pk, name_en, name_fr, n, with_measured in rows:
        label = (name_fr if french and name_fr else name_en) or _("No category")
        counts.append(Row(pk, label, n))
        measured.append(Row(pk, label, with_measured))
    return counts, measured


def by_status(scope):
    return [Row(status, str(label), n) for status, label, n in counted(nominations(scope))]


def judging_progress(scope):
    """One RoundProgress per round of the cycle, in order, zero for rounds without
    assignments. Two queries."""
    rounds = list(Round.objects.filter(cycle=scope.cycle).order_by("opens_at", "pk"))
    assignments = Assignment.objects.filter(round__cycle=scope.cycle)
    if scope.category is not None:
        assignments = assignments.filter(nomination__category=scope.category)
    counts = {
        row["round"]: row
        for row in assignments.values("round")
        .annotate(
            assigned=Count("pk"),
            submitted=Count("pk", filter=SUBMITTED),
            drafts=Count("pk", filter=DRAFT),
            not_started=Count("pk", filter=NOT_STARTED),
        )
        .order_by()
    }
    progress = []
    for round_ in rounds:
        row = counts.get(round_.pk, {})
        progress.append(
            RoundProgress(
                round=round_,
                name=round_.name,
                assigned=row.get("assigned", 0),
                submitted=row.get("submitted", 0),
                drafts=row.get("drafts", 0),
                not_started=row.get("not_started", 0),
            )
        )
    return progress


def pledges_by_country():
    from cms.models import PledgeSignature

    return _by_country(PledgeSignature.objects.confirmed())


def key_figures(scope):
    """Every figure of the report. Six queries, whatever the number of nominations."""
    by_country = _by_country(nominations(scope))
    rounds = judging_progress(scope)
    categories, measured_by_category = by_category_with_measured(scope)
    return Figures(
        scope=scope,
        generated_at=timezone.localtime(),
        total=sum(row.count for row in by_country),
        by_country=by_country,
        by_category=categories,
        measured_by_category=measured_by_category,
        by_status=by_status(scope),
        rounds=rounds,
        pledges_by_country=pledges_by_country(),
        published_rounds=[p.round for p in rounds if p.round.results_published],
    )


def published_results(figures):
    """[(round, [EntryResult, ...]), ...] of the published rounds, in the scope's category
    when it has one. Two queries per published round."""
    return [
        (round_, published_round_results(round_, figures.scope.category_id))
        for round_ in figures.published_rounds
    ]
