"""The editors' report "Resource downloads" (Reports ▸ Resource downloads): downloads per
resource per month, newest month first, from the day counts (counting.py); spreadsheet export
through the site's writer, as every Wagtail report. For whoever may manage resources
(`library.see_download_report`, library/rules.py).

    admin/reports/resource-downloads/             library_downloads_report
    admin/reports/resource-downloads/results/     library_downloads_report_results
"""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.urls import path
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from awards_site import exports
from library.resources.models import DownloadDay
from library.resources.vocabularies import KINDS


@dataclass
class MonthRow:
    title: str
    kind: str
    language: str
    month_start: date
    downloads: int

    @property
    def month(self):
        return date_format(self.month_start, "YEAR_MONTH_FORMAT")


def monthly_downloads():
    """(resource, month) with the month's total, newest month first: one grouped query."""
    rows = (
        DownloadDay.objects.annotate(month_start=TruncMonth("day"))
        .values(
            "month_start",
            "resource_id",
            "resource__title",
            "resource__kind",
            "resource__locale__language_code",
        )
        .annotate(downloads=Sum("count"))
        .order_by("-month_start", "-downloads", "resource__title")
    )
    return [
        MonthRow(
            title=row["resource__title"],
            kind=str(KINDS.label(row["resource__kind"])),
            language=row["resource__locale__language_code"],
            month_start=row["month_start"],
            downloads=row["downloads"],
        )
        for row in rows
    ]


class DownloadsReportView(exports.SpreadsheetExport, ReportView):
    page_title = _("Resource downloads")
    header_icon = "download"
    index_url_name = "library_downloads_report"
    index_results_url_name = "library_downloads_report_results"
    columns = [
        Column("month", label=_("Month"), width="20%"),
        Column("title", label=_("Resource"), width="45%"),
        Column("kind", label=_("Kind"), width="15%"),
        Column("downloads", label=_("Downloads"), width="20%"),
    ]
    list_export = ["month_start", "title", "kind", "language", "downloads"]
    export_headings = {
        "month_start": _("Month"),
        "title": _("Resource"),
        "kind": _("Kind"),
        "language": _("Listed in"),
        "downloads": _("Downloads"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("library.see_download_report"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def no_results_message(self):
        return _("No resource has been downloaded yet.")

    def get_filename(self):
        return "resource-downloads"

    def get_queryset(self):
        return monthly_downloads()


def urlpatterns():
    return [
        path(
            "reports/resource-downloads/",
            DownloadsReportView.as_view(),
            name="library_downloads_report",
        ),
        path(
            "reports/resource-downloads/results/",
            DownloadsReportView.as_view(results_only=True),
            name="library_downloads_report_results",
        ),
    ]
