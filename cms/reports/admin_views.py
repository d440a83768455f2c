"""The administrators' "Cycle reports" screen in the Wagtail admin (Reports ▸ Cycle reports):
every cycle, and each of its categories, with a full-data download of each report kind
(cms/reports/kinds.py: the workbook and the PDF summary).

Full reports name the contact person and the nominator of every nomination, so every view
asks for the permission that guards nominations' personal data elsewhere in the admin (view
or change nominations; superusers have both), like the evidence downloads.

    admin/cycle-reports/                                          cms_reports_index
    admin/cycle-reports/<cycle id>/report.xlsx                    cms_reports_workbook
    admin/cycle-reports/<cycle id>/report.pdf                     cms_reports_summary
    admin/cycle-reports/<cycle id>/<category id>/report.xlsx      cms_reports_workbook
    admin/cycle-reports/<cycle id>/<category id>/report.pdf       cms_reports_summary
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.reports.access import CATEGORY_ORDER, ReportScope
from cms.reports.kinds import REPORT_KINDS
from cms.reports.responses import report_response
from nominations.models import AwardCycle, Category
from nominations.statuses import STATUSES

NOT_SENT = STATUSES.values(sent=False)


class FullReportsPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("cms.see_full_reports"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ReportsIndexView(FullReportsPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/reports/admin_index.html"
    page_title = _("Cycle reports")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        from cms.models import Partner

        context = super().get_context_data(**kwargs)
        cycles = list(
            AwardCycle.objects.annotate(
                sent=Count("nominations", filter=~Q(nominations__status__in=NOT_SENT))
            )
            .prefetch_related(
                Prefetch("categories", Category.objects.order_by(*CATEGORY_ORDER)),
            )
            .order_by("-nominations_open_at", "-pk")
        )
        sponsors = {}
        for partner in Partner.objects.prefetch_related("cycles").order_by("name"):
            for cycle in partner.cycles.all():
                sponsors.setdefault(cycle.pk, []).append(partner.name)
        for cycle in cycles:
            cycle.sponsor_names = sponsors.get(cycle.pk, [])
        context["cycles"] = cycles
        context["report_kinds"] = REPORT_KINDS
        return context


class ReportFileView(FullReportsPermissionMixin, View):
    http_method_names = ["get"]

    def get(self, request, kind, cycle_id, category_id=None):
        cycle = get_object_or_404(AwardCycle, pk=cycle_id)
        category = None
        if category_id is not None:
            category = get_object_or_404(Category, pk=category_id, cycle=cycle)
        scope = ReportScope(cycle=cycle, category=category, full=True)
        return report_response(REPORT_KINDS[kind], scope, get_language())


def report_paths(prefix, kind):
    view = ReportFileView.as_view()
    arguments = {"kind": kind.value}
    return [
        path(f"{prefix}<int:cycle_id>/report.{kind.extension}", view, arguments, kind.admin_url),
        path(
            f"{prefix}<int:cycle_id>/<int:category_id>/report.{kind.extension}",
            view,
            arguments,
            kind.admin_url,
        ),
    ]


def urlpatterns():
    prefix = "cycle-reports/"
    return [
        path(prefix, ReportsIndexView.as_view(), name="cms_reports_index"),
        *(route for kind in REPORT_KINDS for route in report_paths(prefix, kind)),
    ]
