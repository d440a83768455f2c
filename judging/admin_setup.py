"""Wagtail admin of rounds, rubrics, judges, conflicts and assignments (registers its own hooks).

One "Judging" menu groups them: Rubrics, Rounds (with each round's assignment run, progress and
results), Judges (and invitations), Conflicts, Assignments, Overdue and Results (the results
screens are in results_admin.py). The views are in admin_setup_views.py, the forms in
admin_forms.py.
"""

import django_filters
from django.db.models import Count
from django.urls import path, reverse_lazy
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
)
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from judging import admin_setup_views as views
from judging.admin_forms import (
    AssignmentAddForm,
    AssignmentEditForm,
    JudgeProfileForm,
    RoundForm,
    RubricForm,
)
from judging.models import Assignment, JudgeProfile, Round, Rubric, ScoresheetStatus
from judging.results.progress import overdue_q


def menu_item_shown_to(model, *actions):
    """A menu item class shown only to users with one of the model's permissions."""

    class PermissionMenuItem(MenuItem):
        def is_shown(self, request):
            return views.can(request.user, model, *actions)

    return PermissionMenuItem


# Rubrics -------------------------------------------------------------------------------------


class RubricIndexView(views.generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(criteria_count=Count("criteria"))


class RubricViewSet(ModelViewSet):
    model = Rubric
    name = "judging_rubrics"
    url_prefix = "judging/rubrics"
    icon = "list-ol"
    menu_label = _("Rubrics")
    index_view_class = RubricIndexView
    delete_view_class = views.ProtectedDeleteView
    copy_view_class = views.RubricCopyView
    list_display = [
        "name",
        Column(
            "scale",
            label=_("Scale"),
            accessor=lambda rubric: f"{rubric.scale_min}–{rubric.scale_max}",
        ),
        Column("criteria_count", label=_("Criteria")),
    ]
    search_fields = ["name"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldRowPanel(
                [FieldPanel("scale_min"), FieldPanel("scale_max")],
                heading=_("Scale"),
                help_text=_("Judges give each criterion a whole number on this scale."),
            ),
            InlinePanel(
                "criteria",
                heading=_("Criteria"),
                label=_("Criterion"),
                help_text=_("The weights add up to 100."),
                panels=[
                    FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_fr")]),
                    FieldPanel("guidance_en"),
                    FieldPanel("guidance_fr"),
                    FieldPanel("weight"),
                ],
            ),
            InlinePanel(
                "levels",
                heading=_("What each score means"),
                label=_("Score"),
                help_text=_("One descriptor for every score of the scale."),
                panels=[
                    FieldPanel("value"),
                    FieldRowPanel([FieldPanel("descriptor_en"), FieldPanel("descriptor_fr")]),
                ],
            ),
        ],
        base_form_class=RubricForm,
    )

    def get_copy_view_kwargs(self, **kwargs):
        return {}


# Rounds --------------------------------------------------------------------------------------


def round_links_cell(round):
    return format_html(
        "{}",
        format_html_join(
            " · ", '<a href="{}">{}</a>', ((url, label) for label, url in views.round_links(round))
        ),
    )


class RoundIndexView(views.generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("cycle", "rubric")


class RoundViewSet(ModelViewSet):
    model = Round
    name = "judging_rounds"
    url_prefix = "judging/rounds"
    icon = "date"
    menu_label = _("Rounds")
    index_view_class = RoundIndexView
    delete_view_class = views.ProtectedDeleteView
    copy_view_enabled = False
    list_display = [
        "name",
        "cycle",
        "kind",
        "opens_at",
        "closes_at",
        "scores_due_on",
        Column("judges_per_entry", label=_("Judges per entry")),
        Column("links", label=_("Judging"), accessor=round_links_cell),
    ]
    list_filter = ["cycle", "kind"]
    edit_handler = ObjectList(
        [
            FieldPanel("cycle"),
            FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_fr")]),
            FieldPanel("kind"),
            FieldPanel("rubric"),
            MultiFieldPanel(
                [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("scores_due_on")],
                heading=_("Dates"),
            ),
            MultiFieldPanel(
                [FieldPanel("entering_statuses"), FieldPanel("judges_per_entry")],
                heading=_("Entries and judges"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("hide_nominator"),
                    FieldPanel("score_visibility"),
                    FieldPanel("entrant_feedback"),
                    FieldPanel("disagreement_threshold"),
                ],
                heading=_("What judges and entrants see"),
            ),
            InlinePanel(
                "category_rubrics",
                heading=_("Category rubrics"),
                label=_("Category rubric"),
                help_text=_("A category listed here is judged with its own rubric."),
                panels=[FieldPanel("category"), FieldPanel("rubric")],
            ),
        ],
        base_form_class=RoundForm,
    )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/assign/", views.AssignmentRunView.as_view(), name="assign"),
            path("<int:pk>/progress/", views.ProgressView.as_view(), name="progress"),
            path("<int:pk>/remind/", views.RemindView.as_view(), name="remind"),
        ]


# Judges --------------------------------------------------------------------------------------


class JudgeViewSet(ModelViewSet):
    model = JudgeProfile
    name = "judging_judges"
    url_prefix = "judging/judges"
    icon = "group"
    menu_label = _("Judges")
    index_view_class = views.JudgeIndexView
    add_view_class = views.InviteView
    delete_view_class = views.JudgeDeleteView
    copy_view_enabled = False
    list_display = [
        "display_name",
        Column("email", label=_("Email"), accessor="user.email"),
        "organisation",
        "country",
        Column("panels", label=_("Panels"), accessor=views.panels_label),
        BooleanColumn("is_active", label=_("Active")),
        Column("current_load", label=_("Assignments in open rounds")),
    ]
    list_filter = ["is_active", "country"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "organisation"]

    def get_add_view_kwargs(self, **kwargs):
        return {}

    def get_form_class(self, for_update=False):
        return JudgeProfileForm


# Assignments ---------------------------------------------------------------------------------


class AssignmentFilterSet(WagtailFilterSet):
    STATUSES = [
        ("not_started", _("Not started")),
        (ScoresheetStatus.DRAFT, _("Draft")),
        (ScoresheetStatus.SUBMITTED, _("Submitted")),
        ("overdue", _("Overdue")),
    ]
    round = django_filters.ModelChoiceFilter(
        label=_("Round"), queryset=Round.objects.select_related("cycle")
    )
    judge = django_filters.ModelChoiceFilter(
        label=_("Judge"), queryset=JudgeProfile.objects.select_related("user")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=STATUSES, method="by_status")

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
    menu_label = _("Assignments")
    index_view_class = views.AssignmentIndexView
    add_view_class = views.AssignmentCreateView
    delete_view_class = views.AssignmentDeleteView
    delete_template_name = "judging/admin/assignment_delete.html"
    copy_view_enabled = False
    list_display = [
        "nomination",
        "judge",
        "round",
        "due_on",
        Column("status", label=_("Status"), accessor=views.assignment_status),
    ]
    filterset_class = AssignmentFilterSet
    search_fields = ["nomination__reference", "nomination__organisation_name", "judge__user__email"]
    list_per_page = 50

    def get_form_class(self, for_update=False):
        return AssignmentEditForm if for_update else AssignmentAddForm


# Pages without a model of their own ---------------------------------------------------------


class ConflictsViewSet(ViewSet):
    name = "judging_conflicts"
    url_prefix = "judging/conflicts"
    icon = "warning"
    menu_label = _("Conflicts")

    @cached_property
    def menu_item_class(self):
        return menu_item_shown_to(JudgeProfile, "change")

    def get_urlpatterns(self):
        return [
            path("", views.ConflictsView.as_view(), name="index"),
            path("clear/", views.ClearConflictView.as_view(), name="clear"),
        ]


class OverdueViewSet(ViewSet):
    name = "judging_overdue"
    url_prefix = "judging/overdue"
    icon = "time"
    menu_label = _("Overdue")

    @cached_property
    def menu_item_class(self):
        return menu_item_shown_to(Assignment)

    def get_urlpatterns(self):
        return [path("", views.OverdueView.as_view(), name="index")]


class ResultsMenuItem(MenuItem):
    """Results are another part of the admin (results_admin.py): the item shows once its URL
    exists, to users who may change rounds (the permission the results screens ask for)."""

    def is_shown(self, request):
        return views.url_or_none("judging_results_index") is not None and views.can(
            request.user, Round, "change"
        )


class ResultsLink(ViewSet):
    name = "judging_results_link"
    icon = "table"
    menu_label = _("Results")
    menu_url = reverse_lazy("judging_results_index")
    menu_item_class = ResultsMenuItem


def _certificate_items():
    from judging.certificates.admin import CertificatesLink, SignatoryViewSet

    return (CertificatesLink, SignatoryViewSet)


class JudgingGroup(ModelViewSetGroup):
    menu_label = _("Judging")
    menu_icon = "tasks"
    menu_order = 160
    items = (
        RubricViewSet,
        RoundViewSet,
        JudgeViewSet,
        ConflictsViewSet,
        AssignmentViewSet,
        OverdueViewSet,
        ResultsLink,
        *_certificate_items(),
    )


@hooks.register("register_admin_viewset")
def register_judging():
    return JudgingGroup()
