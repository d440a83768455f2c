"""The "Judging" menu of the Wagtail admin (registers its own hook): Rubrics, Rounds (with each
round's assignment run, progress and results), Judges (and invitations), Conflicts,
Assignments, Overdue, Results and Certificates. Each item is its package's viewset."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.viewsets.model import ModelViewSetGroup

from judging.admin_base import url_or_none
from judging.assignment.admin_views import AssignmentViewSet
from judging.panel.admin_views import ConflictsViewSet, JudgeViewSet
from judging.results.progress_admin import OverdueViewSet
from judging.rounds.admin_views import RoundViewSet
from judging.rubrics.admin_views import RubricViewSet


class ResultsMenuItem(MenuItem):
    """Results are another part of the admin (judging/results/admin.py): the item shows once its URL
    exists, to users who may manage results (the permission the results screens ask for)."""

    def is_shown(self, request):
        return url_or_none("judging_results_index") is not None and request.user.has_perm(
            "judging.manage_results"
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
