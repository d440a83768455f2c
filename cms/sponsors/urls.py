"""The sponsor area (cms/sponsors/views.py), with one pair of URLs per report kind
(cms/reports/kinds.py), named after the kind:

sponsors/                                          sponsors:index
sponsors/<cycle code>/report.xlsx                  sponsors:workbook   the whole cycle
sponsors/<cycle code>/report.pdf                   sponsors:summary
sponsors/<cycle code>/<category id>/report.xlsx    sponsors:workbook   one category
sponsors/<cycle code>/<category id>/report.pdf     sponsors:summary
"""

from django.urls import path

from cms.reports.kinds import REPORT_KINDS
from cms.sponsors import views

app_name = "sponsors"


def report_paths(kind):
    whole_cycle = f"sponsors/<str:cycle_code>/report.{kind.extension}"
    one_category = f"sponsors/<str:cycle_code>/<int:category_id>/report.{kind.extension}"
    arguments = {"kind": kind.value}
    return [
        path(whole_cycle, views.report, arguments, name=kind.value),
        path(one_category, views.report, arguments, name=kind.value),
    ]


urlpatterns = [
    path("sponsors/", views.index, name="index"),
    *(route for kind in REPORT_KINDS for route in report_paths(kind)),
]
