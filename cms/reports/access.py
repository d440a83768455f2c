"""Who sees which report.

A report covers one award cycle, either the whole cycle or one of its categories
(`ReportScope`). Administrators reach every report, with full data, from the Wagtail admin.
A sponsor user (a `SponsorMember`) reaches the reports of their partner, by this rule:

- only cycles the partner supports (`Partner.cycles`);
- in such a cycle, if the partner supports some of the cycle's categories
  (`Partner.categories`), it sees those categories' reports and nothing else of the cycle:
  not the whole cycle, not the other categories;
- if it supports none of the cycle's categories, it sees the whole cycle's report and the
  report of every category of the cycle.

Categories of a cycle the partner does not support grant nothing (the partner form refuses
them). Any other report is a 404, so the sponsor area does not even say whether it exists.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.http import Http404

from nominations.models import AwardCycle, Category

CATEGORY_ORDER = ("sort_order", "name_en", "pk")


@dataclass(frozen=True)
class ReportScope:
    """What a report covers, and for whom: `full` is the administrators' version (with the
    contact person and the nominator); `partner` the sponsor it is prepared for (its logo)."""

    cycle: AwardCycle
    category: Category | None = None
    full: bool = False
    partner: object = None  # cms.models.Partner

    @property
    def category_id(self):
        return self.category.pk if self.category else None


@dataclass
class SponsoredCycle:
    """A cycle as the sponsor area lists it: the whole-cycle report (when `whole`) and the
    category reports the partner may download."""

    cycle: AwardCycle
    whole: bool
    categories: list = field(default_factory=list)


def sponsored_cycles(partner):
    """The partner's cycles, newest first, with what it may see of each. Three queries,
    however many cycles and categories."""
    cycles = list(partner.cycles.order_by("-nominations_open_at", "-pk"))
    if not cycles:
        return []
    chosen = {}
    for category in partner.categories.filter(cycle__in=cycles).order_by(*CATEGORY_ORDER):
        chosen.setdefault(category.cycle_id, []).append(category)
    whole = [cycle.pk for cycle in cycles if cycle.pk not in chosen]
    every = {}
    if whole:
        for category in Category.objects.filter(cycle__in=whole).order_by(*CATEGORY_ORDER):
            every.setdefault(category.cycle_id, []).append(category)
    return [
        SponsoredCycle(
            cycle=cycle,
            whole=cycle.pk not in chosen,
            categories=chosen.get(cycle.pk) or every.get(cycle.pk, []),
        )
        for cycle in cycles
    ]


def sponsor_scope(partner, cycle_code, category_id=None):
    """The scope of a report the partner may see, or Http404."""
    cycle = partner.cycles.filter(code=cycle_code).first()
    if cycle is None:
        raise Http404
    chosen = list(partner.categories.filter(cycle=cycle).order_by(*CATEGORY_ORDER))
    if category_id is None:
        if chosen:
            raise Http404
        return ReportScope(cycle=cycle, partner=partner)
    if chosen:
        category = next((c for c in chosen if c.pk == category_id), None)
    else:
        category = Category.objects.filter(cycle=cycle, pk=category_id).first()
    if category is None:
        raise Http404
    category.cycle = cycle
    return ReportScope(cycle=cycle, category=category, partner=partner)


def report_language(request):
    """The sponsor user's preferred language, else the page's."""
    language = getattr(request.user, "language", "") or getattr(request, "LANGUAGE_CODE", "")
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE
