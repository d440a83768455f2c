"""The Wagtail admin of rounds: the viewset, its list with each round's links, and the round's
own screens (assignment run, progress, reminders) mounted under it."""

from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from judging.admin_base import ProtectedDeleteView, round_links
from judging.assignment.admin_views import AssignmentRunView
from judging.models import Round
from judging.results.progress_admin import ProgressView, RemindView
from judging.rounds.forms import RoundForm


def round_links_cell(round):
    return format_html(
        "{}",
        format_html_join(
            " · ", '<a href="{}">{}</a>', ((url, label) for label, url in round_links(round))
        ),
    )


class RoundIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("cycle", "rubric")


class RoundViewSet(ModelViewSet):
    model = Round
    name = "judging_rounds"
    url_prefix = "judging/rounds"
    icon = "date"
    menu_label = _("Rounds")
    index_view_class = RoundIndexView
    delete_view_class = ProtectedDeleteView
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
            path("<int:pk>/assign/", AssignmentRunView.as_view(), name="assign"),
            path("<int:pk>/progress/", ProgressView.as_view(), name="progress"),
            path("<int:pk>/remind/", RemindView.as_view(), name="remind"),
        ]
