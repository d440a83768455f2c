"""The Wagtail admin of assignments: a round's assignment run (preview, shortfalls, apply) and
the assignments' viewset (list with filters, one by hand, removal)."""

import hashlib
import json

import django_filters
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from judging.admin_base import RoundView, url_or_none
from judging.assignment import manual
from judging.assignment import run as assignment_run
from judging.assignment.balancing import has_conflict, likely_conflict
from judging.assignment.forms import AssignmentAddForm, AssignmentEditForm
from judging.models import Assignment, JudgeProfile, Round, ScoresheetStatus
from judging.results.progress import overdue_q
from nominations.models import Nomination


def fingerprint(plan):
    """Identifies a plan's new assignments, so Apply saves exactly what the preview showed."""
    pairs = sorted((entry, judge) for entry, judges in plan.new.items() for judge in judges)
    return hashlib.sha256(json.dumps(pairs).encode()).hexdigest()[:20]


def shortfalls(round, plan, limit=100):
    """Entries the run cannot give k judges, with the reason, for the first `limit` of them."""
    if not plan.short:
        return []
    k = round.judges_per_entry
    judges = assignment_run.panel_judges(round)
    entries = {
        entry.id: entry
        for category_entries in assignment_run.round_entries(round).values()
        for entry in category_entries
    }
    ids = sorted(plan.short)[:limit]
    nominations = Nomination.objects.filter(pk__in=ids).select_related("category")
    rows = []
    for nomination in nominations.order_by("reference"):
        entry = entries[nomination.pk]
        panel = [
            judge
            for judge, categories in judges
            if None in categories or entry.category in categories
        ]
        likely = [judge for judge in panel if likely_conflict(judge, entry)]
        conflicted = [judge for judge in panel if has_conflict(judge, entry)]
        if not panel:
            reason = _("Nobody sits on the panel of this category.")
        elif len(panel) < k:
            reason = ngettext(
                "Only %(count)s judge sits on this category's panel; the round needs %(k)s.",
                "Only %(count)s judges sit on this category's panel; the round needs %(k)s.",
                len(panel),
            ) % {"count": len(panel), "k": k}
        else:
            reason = _(
                "%(conflicted)s of the %(panel)s judges on this category's panel have a conflict "
                "with it (%(likely)s of them likely, which you may clear on the Conflicts page)."
            ) % {"conflicted": len(conflicted), "panel": len(panel), "likely": len(likely)}
        rows.append(
            {"nomination": nomination, "missing": plan.short[nomination.pk], "reason": reason}
        )
    return rows


class AssignmentRunView(RoundView):
    permission_required = "judging.add_assignment"
    template_name = "judging/admin/assignment_run.html"
    page_title = gettext_lazy("Assignment run")
    header_icon = "resubmit"

    def get_context_data(self, plan=None, **kwargs):
        context = super().get_context_data(**kwargs)
        plan = plan or assignment_run.plan(self.round)
        profiles = JudgeProfile.objects.filter(pk__in=plan.loads_after).select_related("user")
        loads = sorted(
            (
                {
                    "judge": profile,
                    "before": plan.loads_before.get(profile.pk, 0),
                    "after": plan.loads_after.get(profile.pk, 0),
                    "added": plan.loads_after.get(profile.pk, 0)
                    - plan.loads_before.get(profile.pk, 0),
                }
                for profile in profiles
            ),
            key=lambda row: row["judge"].display_name.casefold(),
        )
        after = [row["after"] for row in loads]
        context.update(
            plan=plan,
            fingerprint=fingerprint(plan),
            loads=loads,
            spread=(max(after) - min(after)) if after else 0,
            entry_count=self.round.entries().count(),
            short_count=len(plan.short),
            shortfalls=shortfalls(self.round, plan),
            closed=self.round.is_closed(),
            add_url=reverse("judging_assignments:add"),
        )
        return context

    def post(self, request, *args, **kwargs):
        if self.round.is_closed():
            messages.error(request, _("This round has closed: its assignments cannot change."))
            return redirect("judging_rounds:assign", self.round.pk)
        plan = assignment_run.plan(self.round)
        if request.POST.get("fingerprint") != fingerprint(plan):
            messages.warning(
                request,
                _(
                    "Entries, judges or conflicts changed since the preview, so nothing was "
                    "saved. Check the new preview below and apply it again."
                ),
            )
            return self.render_to_response(self.get_context_data(plan=plan))
        made = assignment_run.apply(plan, user=request.user)
        messages.success(
            request,
            ngettext("%(count)s assignment made.", "%(count)s assignments made.", made)
            % {"count": made},
        )
        return redirect("judging_rounds:progress", self.round.pk)


class AssignmentIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("round__cycle", "nomination", "judge__user", "scoresheet")
        )


def assignment_status(assignment):
    scoresheet = getattr(assignment, "scoresheet", None)
    if scoresheet is None:
        return _("Not started")
    return scoresheet.get_status_display()


class AssignmentCreateView(generic.CreateView):
    def get_initial(self):
        initial = super().get_initial()
        for key in ("round", "judge", "reference"):
            if self.request.GET.get(key):
                initial[key] = self.request.GET[key]
        return initial

    def save_instance(self):
        return manual.assign_by_hand(self.form.instance, self.request.user)

    def get_success_url(self):
        return reverse("judging_assignments:index") + f"?round={self.object.round_id}"


class AssignmentDeleteView(generic.DeleteView):
    """Removing an assignment deletes the judge's draft scores with it; a submitted scoresheet
    or a closed round keeps it."""

    def refusal(self):
        return manual.removal_refusal(self.object)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["refusal"] = self.refusal()
        if context["refusal"] and not self.object.round.is_closed():
            context["results_entry_url"] = url_or_none(
                "judging_results_entry", self.object.round_id, self.object.nomination_id
            )
        scoresheet = getattr(self.object, "scoresheet", None)
        context["has_draft"] = bool(scoresheet and scoresheet.status == ScoresheetStatus.DRAFT)
        return context

    def form_valid(self, form):
        refusal = self.refusal()
        if refusal:
            messages.error(self.request, refusal)
            return redirect(self.get_success_url())
        assignment = self.object
        with transaction.atomic():
            manual.log_removal(assignment, self.request.user)
            response = super().form_valid(form)
        messages.info(
            self.request,
            _("Run the assignment again to give the entry another judge if it needs one."),
        )
        return response

    def get_success_url(self):
        return reverse("judging_assignments:index") + f"?round={self.object.round_id}"


class AssignmentFilterSet(WagtailFilterSet):
    STATUSES = [
        ("not_started", gettext_lazy("Not started")),
        (ScoresheetStatus.DRAFT, gettext_lazy("Draft")),
        (ScoresheetStatus.SUBMITTED, gettext_lazy("Submitted")),
        ("overdue", gettext_lazy("Overdue")),
    ]
    round = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Round"), queryset=Round.objects.select_related("cycle")
    )
    judge = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Judge"), queryset=JudgeProfile.objects.select_related("user")
    )
    status = django_filters.ChoiceFilter(
        label=gettext_lazy("Status"), choices=STATUSES, method="by_status"
    )

    class Meta:
        model = Assignment
        fields = ["round", "judge"]

    def by_status(self, queryset, name, value):
        if value == "not_started":
            return queryset.filter(scoresheet__isnull=True)
        if value == "overdue":
            return queryset.filter(overdue_q())
        return queryset.filter(scoresheet__status=value)


class AssignmentViewSet(ModelViewSet):
    model = Assignment
    name = "judging_assignments"
    url_prefix = "judging/assignments"
    icon = "clipboard-list"
    menu_label = gettext_lazy("Assignments")
    index_view_class = AssignmentIndexView
    add_view_class = AssignmentCreateView
    delete_view_class = AssignmentDeleteView
    delete_template_name = "judging/admin/assignment_delete.html"
    copy_view_enabled = False
    list_display = [
        "nomination",
        "judge",
        "round",
        "due_on",
        Column("status", label=gettext_lazy("Status"), accessor=assignment_status),
    ]
    filterset_class = AssignmentFilterSet
    search_fields = ["nomination__reference", "nomination__organisation_name", "judge__user__email"]
    list_per_page = 50

    def get_form_class(self, for_update=False):
        return AssignmentEditForm if for_update else AssignmentAddForm
