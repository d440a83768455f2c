"""Views of the judging admin beyond plain model editing: the assignment run of a round with its
preview, a round's progress and reminders, the overdue list, judge invitations, conflicts, and
the Wagtail view classes the viewsets in admin_setup.py customise.

Permissions follow the models the views change, so a "judging administrators" group is set up
in Settings ▸ Groups with the rubric, round, judge and assignment permissions:
- judges: invite = add judge; conflicts (see and clear) = change judge;
- assignments: run = add assignment; progress and overdue = any assignment permission;
  reminders = change assignment.
"""

import hashlib
import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Prefetch, ProtectedError, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy

from awards_site.account_linking import CREATED, SECURED
from judging.admin_forms import InviteForm
from judging.assignment import run as assignment_run
from judging.assignment.balancing import has_conflict, likely_conflict, normalise
from judging.models import (
    Assignment,
    Conflict,
    ConflictClearance,
    JudgeProfile,
    PanelMembership,
    Round,
    Rubric,
    ScoresheetStatus,
    WeightsDoNotAddUp,
)
from judging.panel.invitations import invite
from judging.panel.reminders import pending_judges, send_reminders
from judging.results import progress
from nominations import versions
from nominations.models import Nomination

ALL_ACTIONS = ("view", "add", "change", "delete")


def can(user, model, *actions):
    return ModelPermissionPolicy(model).user_has_any_permission(user, actions or ALL_ACTIONS)


def url_or_none(name, *args):
    """The URL, or None while the view behind it does not exist (another part of the admin)."""
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return None


class PermissionMixin:
    permission_model = Assignment
    permission_actions = ALL_ACTIONS

    def dispatch(self, request, *args, **kwargs):
        if not can(request.user, self.permission_model, *self.permission_actions):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class JudgingView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    def index_crumbs(self):
        return []

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            *self.index_crumbs(),
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]


class RoundView(JudgingView):
    """A view of one round (the pk in the URL)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.round = get_object_or_404(
            Round.objects.select_related("cycle", "rubric"), pk=kwargs["pk"]
        )

    def get_page_subtitle(self):
        return str(self.round)

    def index_crumbs(self):
        return [
            {"url": reverse("judging_rounds:index"), "label": _("Judging rounds")},
            {"url": reverse("judging_rounds:edit", args=[self.round.pk]), "label": self.round},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["round"] = self.round
        context["links"] = round_links(self.round)
        return context


def round_links(round):
    links = [
        (_("Assignment run"), reverse("judging_rounds:assign", args=[round.pk])),
        (_("Progress"), reverse("judging_rounds:progress", args=[round.pk])),
        (_("Assignments"), reverse("judging_assignments:index") + f"?round={round.pk}"),
    ]
    results = url_or_none("judging_results", round.pk)
    if results:
        links.append((_("Results"), results))
    return links


# The assignment run ------------------------------------------------------------------------


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
    permission_actions = ("add",)
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


# Progress, reminders, overdue -----------------------------------------------------------------


class ProgressView(RoundView):
    template_name = "judging/admin/progress.html"
    page_title = gettext_lazy("Progress")
    header_icon = "tasks"
    entries_per_page = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            totals=progress.round_totals(self.round),
            judges=progress.judge_rows(self.round),
            entries=Paginator(progress.entry_rows(self.round), self.entries_per_page).get_page(
                self.request.GET.get("page")
            ),
            k=self.round.judges_per_entry,
            is_open=self.round.is_open(),
            pending_count=pending_judges(self.round).count(),
            can_remind=can(self.request.user, Assignment, "change"),
            overdue_url=reverse("judging_overdue:index") + f"?round={self.round.pk}",
        )
        return context


class RemindView(RoundView):
    http_method_names = ["post"]
    permission_actions = ("change",)

    def post(self, request, *args, **kwargs):
        if not self.round.is_open():
            messages.error(
                request, _("Reminders are only sent while a round is open: nobody can score now.")
            )
        else:
            result = send_reminders(self.round, user=request.user)
            if result.sent:
                messages.success(
                    request,
                    ngettext(
                        "Reminder sent to %(count)s judge.",
                        "Reminders sent to %(count)s judges.",
                        len(result.sent),
                    )
                    % {"count": len(result.sent)},
                )
            if result.skipped:
                messages.info(
                    request,
                    ngettext(
                        "%(count)s judge was already reminded today and was not emailed again.",
                        "%(count)s judges were already reminded today and were not emailed again.",
                        len(result.skipped),
                    )
                    % {"count": len(result.skipped)},
                )
            if not result.sent and not result.skipped:
                messages.info(request, _("No judge has pending work in this round."))
        return redirect("judging_rounds:progress", self.round.pk)


class OverdueView(JudgingView):
    template_name = "judging/admin/overdue.html"
    page_title = gettext_lazy("Overdue scoresheets")
    header_icon = "time"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        open_rounds = list(
            Round.objects.filter(closes_at__gt=timezone.now()).select_related("cycle")
        )
        selected = next(
            (r for r in open_rounds if str(r.pk) == self.request.GET.get("round")), None
        )
        context.update(
            rounds=open_rounds,
            selected=selected,
            assignments=Paginator(progress.overdue(round=selected), 100).get_page(
                self.request.GET.get("page")
            ),
            today=progress.today(),
        )
        return context


# Judges --------------------------------------------------------------------------------------


class JudgeIndexView(generic.IndexView):
    add_item_label = gettext_lazy("Invite a judge")

    def get_base_queryset(self):
        current = Q(assignments__round__closes_at__gt=timezone.now())
        return (
            super()
            .get_base_queryset()
            .select_related("user")
            .prefetch_related(
                Prefetch(
                    "panel_memberships",
                    queryset=PanelMembership.objects.select_related("cycle", "category").order_by(
                        "-cycle__nominations_open_at", "category__sort_order"
                    ),
                )
            )
            .annotate(current_load=Count("assignments", filter=current))
        )


def panels_label(profile):
    return "; ".join(
        f"{membership.cycle} – {membership.category.name if membership.category else _('all')}"
        for membership in profile.panel_memberships.all()
    )


class InviteView(PermissionMixin, WagtailAdminTemplateMixin, FormView):
    permission_model = JudgeProfile
    permission_actions = ("add",)
    form_class = InviteForm
    template_name = "judging/admin/invite.html"
    page_title = gettext_lazy("Invite a judge")
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("judging_judges:index"), "label": _("Judges")},
            {"url": "", "label": self.get_page_title()},
        ]

    def form_valid(self, form):
        data = form.cleaned_data
        profile, outcome = invite(
            data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            language=data["language"],
            organisation=data["organisation"],
            country=data["country"],
            expertise=data["expertise"],
            cycle=data["cycle"],
            categories=list(data["categories"]),
            invited_by=self.request.user,
        )
        email = profile.user.email
        if outcome == CREATED:
            message = _("Invitation sent to %(email)s with a link to choose a password.") % {
                "email": email
            }
        elif outcome == SECURED:
            message = _(
                "%(email)s already had an account, but its address was never confirmed: whoever "
                "made it may not be the judge. Its password and sessions were removed, and the "
                "invitation has a link to choose a new password; the judge's area opens once "
                "it is used."
            ) % {"email": email}
        else:
            message = _(
                "%(email)s already had an account with a confirmed address: it is now a judge's, "
                "with the same password. Invitation sent."
            ) % {"email": email}
        messages.success(self.request, message)
        return redirect("judging_judges:index")


class JudgeDeleteView(generic.DeleteView):
    """A judge with assignments is kept (their scores are part of the results): deactivate
    them instead."""

    def form_valid(self, form):
        if self.object.assignments.exists():
            messages.error(
                self.request,
                _(
                    "%(judge)s has assignments, so they cannot be deleted. Untick “active” on "
                    "their page instead: they will get no new assignments."
                )
                % {"judge": self.object},
            )
            return redirect(self.get_success_url())
        return super().form_valid(form)


class ProtectedDeleteView(generic.DeleteView):
    """Deleting something still in use says so, instead of failing."""

    def refuse(self):
        messages.error(
            self.request,
            _(
                "“%(object)s” is still used (by a round or by judges' scores), so it cannot "
                "be deleted."
            )
            % {"object": self.object},
        )
        return redirect(self.get_success_url())

    def form_valid(self, form):
        if self.usage and self.usage.is_protected:
            return self.refuse()
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError:
            return self.refuse()


# Rubrics ---------------------------------------------------------------------------------------


def copy_rubric(rubric, name):
    """A new rubric with the same scale, criteria and descriptors, free to change."""
    copy, _child_map = rubric.copy_cluster()
    copy.name = name
    copy.save()
    return copy


class RubricCopyView(PermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Copy a rubric (confirmed by POST), e.g. to change a scored one for a new round."""

    permission_model = Rubric
    permission_actions = ("add",)
    template_name = "judging/admin/rubric_copy.html"
    page_title = gettext_lazy("Copy a rubric")
    header_icon = "copy"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.rubric = get_object_or_404(Rubric, pk=kwargs["pk"])

    def get_page_subtitle(self):
        return str(self.rubric)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rubric"] = self.rubric
        context["name"] = self.copy_name()
        return context

    def copy_name(self):
        return _("%(name)s (copy)") % {"name": self.rubric.name}

    def post(self, request, *args, **kwargs):
        name = request.POST.get("name", "").strip()[:120] or self.copy_name()
        try:
            copy = copy_rubric(self.rubric, name)
        except WeightsDoNotAddUp as refused:
            # A rubric stored before the rule: its copy would break it too.
            messages.error(
                request,
                _("This rubric cannot be copied as it is: %(problem)s")
                % {"problem": " ".join(refused.messages)},
            )
            return redirect("judging_rubrics:edit", self.rubric.pk)
        messages.success(request, _("“%(name)s” created: change it as you need.") % {"name": name})
        return redirect("judging_rubrics:edit", copy.pk)


# Conflicts -----------------------------------------------------------------------------------


def likely_reason(profile, nomination):
    if normalise(profile.organisation or "") and normalise(profile.organisation) == normalise(
        nomination.organisation_name
    ):
        return _("Same organisation")
    judge_domain = assignment_run.email_domain(profile.user.email)
    if judge_domain and judge_domain == assignment_run.website_domain(nomination.website):
        return _("Email domain matches the entry's website (%(domain)s)") % {"domain": judge_domain}
    return _("Email domain matches the nominator's (%(domain)s)") % {"domain": judge_domain}


class ConflictsView(JudgingView):
    permission_model = JudgeProfile
    permission_actions = ("change",)
    template_name = "judging/admin/conflicts.html"
    page_title = gettext_lazy("Conflicts of interest")
    header_icon = "warning"

    @cached_property
    def rounds(self):
        return list(Round.objects.select_related("cycle").order_by("-opens_at"))

    @cached_property
    def selected(self):
        wanted = self.request.GET.get("round")
        if wanted:
            return next((r for r in self.rounds if str(r.pk) == wanted), None)
        now = timezone.now()
        return next((r for r in self.rounds if r.is_open(now)), None) or next(
            iter(self.rounds), None
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        round = self.selected
        declared = Conflict.objects.select_related("judge__user", "nomination", "cycle")
        clearances = ConflictClearance.objects.select_related(
            "judge__user", "nomination", "cleared_by"
        ).order_by("-cleared_at")
        likely, conflicted = [], []
        if round:
            declared = declared.filter(cycle=round.cycle_id)
            clearances = clearances.filter(nomination__cycle=round.cycle_id)
            likely = self.likely_rows(round)
            conflicted = list(
                Assignment.objects.filter(
                    pk__in=[a.pk for a in assignment_run.conflicted_assignments(round)]
                ).select_related("nomination", "judge__user", "scoresheet")
            )
        context.update(
            rounds=self.rounds,
            selected=round,
            declared=declared[:500],
            clearances=clearances[:500],
            likely=likely,
            conflicted=conflicted,
            can_unassign=can(self.request.user, Assignment, "delete"),
        )
        return context

    def likely_rows(self, round):
        pairs = assignment_run.likely_conflicts(round)
        profiles = JudgeProfile.objects.select_related("user").in_bulk(
            {judge for judge, _entry in pairs}
        )
        nominations = Nomination.objects.select_related("nominator", "category").in_bulk(
            {entry for _judge, entry in pairs}
        )
        rows = [
            {
                "judge": profiles[judge],
                "nomination": nominations[entry],
                "reason": likely_reason(profiles[judge], nominations[entry]),
            }
            for judge, entry in pairs
        ]
        return sorted(
            rows, key=lambda row: (row["nomination"].reference, row["judge"].display_name)
        )


class ClearConflictView(PermissionMixin, View):
    http_method_names = ["post"]
    permission_model = JudgeProfile
    permission_actions = ("change",)

    def post(self, request, *args, **kwargs):
        from judging.panel.conflicts import clear_likely_conflict

        judge = get_object_or_404(
            JudgeProfile.objects.select_related("user"), pk=request.POST.get("judge")
        )
        nomination = get_object_or_404(Nomination, pk=request.POST.get("nomination"))
        clear_likely_conflict(judge, nomination, request.user, request.POST.get("note", ""))
        messages.success(
            request,
            _("%(judge)s may now judge %(entry)s. Run the assignment again to use them.")
            % {"judge": judge, "entry": nomination.reference},
        )
        target = reverse("judging_conflicts:index")
        if request.POST.get("round", "").isdigit():
            target += f"?round={request.POST['round']}"
        return redirect(target)


# Assignments ---------------------------------------------------------------------------------


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
        instance = self.form.instance
        instance.created_by = self.request.user
        # The judge is given the entry as last sent.
        instance.nomination_version_id = versions.latest_ids([instance.nomination_id]).get(
            instance.nomination_id
        )
        instance.save()
        log(
            instance,
            "judging.assign",
            user=self.request.user,
            data={
                "round": instance.round_id,
                "nomination": instance.nomination_id,
                "judge": instance.judge_id,
                "due_on": instance.due_on.isoformat(),
            },
        )
        return instance

    def get_success_url(self):
        return reverse("judging_assignments:index") + f"?round={self.object.round_id}"


class AssignmentDeleteView(generic.DeleteView):
    """Removing an assignment deletes the judge's draft scores with it; a submitted scoresheet
    or a closed round keeps it."""

    def refusal(self):
        assignment = self.object
        if assignment.round.is_closed():
            return _("The round has closed: its assignments cannot change.")
        submitted = getattr(assignment, "scoresheet", None)
        if submitted and submitted.status == ScoresheetStatus.SUBMITTED:
            return _(
                "The judge has submitted their scoresheet for this entry. Reopen it first "
                "(from the round's results), then remove the assignment."
            )
        return None

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
            log(
                assignment,
                "judging.unassign",
                user=self.request.user,
                data={
                    "round": assignment.round_id,
                    "nomination": assignment.nomination_id,
                    "judge": assignment.judge_id,
                    "had_draft": hasattr(assignment, "scoresheet"),
                },
            )
            response = super().form_valid(form)
        messages.info(
            self.request,
            _("Run the assignment again to give the entry another judge if it needs one."),
        )
        return response

    def get_success_url(self):
        return reverse("judging_assignments:index") + f"?round={self.object.round_id}"
