"""The Wagtail admin of judges and conflicts: the judges' viewset (list, invite, edit, delete)
and the conflicts screen, where likely conflicts are seen and cleared."""

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, View
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet

from awards_site.accounts.linking import CREATED, SECURED
from judging.admin_base import JudgingView, PermissionMixin, menu_item_shown_to
from judging.assignment import run as assignment_run
from judging.assignment.balancing import normalise
from judging.models import (
    Assignment,
    Conflict,
    ConflictClearance,
    JudgeProfile,
    PanelMembership,
    Round,
)
from judging.panel.forms import InviteForm, JudgeProfileForm
from judging.panel.invitations import invite
from nominations.models import Nomination


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
    permission_required = "judging.add_judgeprofile"
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
    permission_required = "judging.change_judgeprofile"
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
            can_unassign=self.request.user.has_perm("judging.delete_assignment"),
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
    permission_required = "judging.change_judgeprofile"

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


class JudgeViewSet(ModelViewSet):
    model = JudgeProfile
    name = "judging_judges"
    url_prefix = "judging/judges"
    icon = "group"
    menu_label = gettext_lazy("Judges")
    index_view_class = JudgeIndexView
    add_view_class = InviteView
    delete_view_class = JudgeDeleteView
    copy_view_enabled = False
    list_display = [
        "display_name",
        Column("email", label=gettext_lazy("Email"), accessor="user.email"),
        "organisation",
        "country",
        Column("panels", label=gettext_lazy("Panels"), accessor=panels_label),
        BooleanColumn("is_active", label=gettext_lazy("Active")),
        Column("current_load", label=gettext_lazy("Assignments in open rounds")),
    ]
    list_filter = ["is_active", "country"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation"]

    def get_add_view_kwargs(self, **kwargs):
        return {}

    def get_form_class(self, for_update=False):
        return JudgeProfileForm


class ConflictsViewSet(ViewSet):
    name = "judging_conflicts"
    url_prefix = "judging/conflicts"
    icon = "warning"
    menu_label = gettext_lazy("Conflicts")

    @cached_property
    def menu_item_class(self):
        return menu_item_shown_to("judging.change_judgeprofile")

    def get_urlpatterns(self):
        return [
            path("", ConflictsView.as_view(), name="index"),
            path("clear/", ClearConflictView.as_view(), name="clear"),
        ]
