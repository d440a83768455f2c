"""The administrators' and editors' report "Campaign reach" (Reports ▸ Campaign reach): per
campaign and source, the views, the top referrer domains and the conversions of each kind over
a period, and a chart of each campaign's daily views (an SVG drawn on the server,
awards_site/charts.py, with the same figures in a table). Spreadsheet export through the site's
writer. It moves the counts waiting in the cache into the database first (buffer.flush). For
`awards_site.see_reach_report` (awards_site/rules.py).

    admin/reports/campaign-reach/             reach_report
    admin/reports/campaign-reach/results/     reach_report_results
"""

import django_filters
from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from awards_site import charts, exports
from awards_site.reach import buffer, figures
from awards_site.reach.models import ReachDay

MOST_CHARTS = 10


def period_choices():
    return [
        (
            str(days),
            ngettext("The last %(days)s day", "The last %(days)s days", days) % {"days": days},
        )
        for days in figures.PERIODS
    ]


class ReachFilterSet(WagtailFilterSet):
    period = django_filters.ChoiceFilter(
        label=_("Period"), choices=period_choices, method="keep", empty_label=None
    )
    campaign = django_filters.ChoiceFilter(label=_("Campaign"), method="keep")

    class Meta:
        model = ReachDay
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["campaign"].extra["choices"] = [
            (name, name) for name in figures.campaign_names()
        ]

    def keep(self, queryset, name, value):
        """The figures are read from the form's values (ReachReportView), not a queryset."""
        return queryset


class ReachReportView(exports.SpreadsheetExport, ReportView):
    page_title = _("Campaign reach")
    header_icon = "view"
    index_url_name = "reach_report"
    index_results_url_name = "reach_report_results"
    results_template_name = "reach/report_results.html"
    filterset_class = ReachFilterSet
    paginate_by = 100

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("awards_site.see_reach_report"):
            raise PermissionDenied
        buffer.flush()
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def columns(self):
        return [
            Column("campaign_label", label=_("Campaign")),
            Column("source", label=_("Source")),
            Column("views", label=_("Views")),
            Column("top_referrers", label=_("Top referrers")),
            *[Column(name, label=heading) for name, heading in figures.conversion_columns()],
        ]

    @cached_property
    def list_export(self):
        return [
            "campaign_label",
            "source",
            "views",
            "top_referrers",
            *[name for name, _heading in figures.conversion_columns()],
        ]

    @cached_property
    def export_headings(self):
        return {
            "campaign_label": _("Campaign"),
            "source": _("Source"),
            "views": _("Views"),
            "top_referrers": _("Top referrers"),
            **dict(figures.conversion_columns()),
        }

    @cached_property
    def no_results_message(self):
        return _("Nothing has been counted in this period yet.")

    @cached_property
    def chosen(self):
        """(period, campaign or None) from the filters."""
        data = self.filters.form.cleaned_data if self.filters and self.filters.is_valid() else {}
        days = int(data.get("period") or figures.DEFAULT_PERIOD)
        return figures.Period.last(days), data.get("campaign") or None

    def get_filename(self):
        period, _campaign = self.chosen
        return f"campaign-reach-{period.start}-{period.end}"

    def get_queryset(self):
        period, campaign = self.chosen
        return figures.campaign_rows(period, campaign)

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if not self.is_export:
            period, _campaign = self.chosen
            context["period"] = period
            context["charts"] = self.charts(period, context["object_list"])
        return context

    def charts(self, period, rows):
        """A chart of daily views for each campaign of the rows shown (the first MOST_CHARTS)."""
        names = list(dict.fromkeys(row.campaign for row in rows if row.campaign))[:MOST_CHARTS]
        made = []
        for index, (name, days) in enumerate(figures.daily_views(period, names).items()):
            labelled = [(date_format(day, "SHORT_DATE_FORMAT"), views) for day, views in days]
            title = _("Daily views of the campaign %(campaign)s") % {"campaign": name}
            made.append(
                {
                    "campaign": name,
                    "svg": charts.column_chart(f"reach-chart-{index}", title, labelled),
                    "days": [(day, views) for day, views in days],
                    "total": sum(views for _day, views in days),
                }
            )
        return made


def urlpatterns():
    return [
        path("reports/campaign-reach/", ReachReportView.as_view(), name="reach_report"),
        path(
            "reports/campaign-reach/results/",
            ReachReportView.as_view(results_only=True),
            name="reach_report_results",
        ),
    ]
