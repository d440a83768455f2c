"""The sponsor area (cms/sponsors/views.py):

sponsors/                                          sponsors:index
sponsors/<cycle code>/report.xlsx                  sponsors:workbook   the whole cycle
sponsors/<cycle code>/report.pdf                   sponsors:summary
sponsors/<cycle code>/<category id>/report.xlsx    sponsors:workbook   one category
sponsors/<cycle code>/<category id>/report.pdf     sponsors:summary
"""

from django.urls import path

from cms.sponsors import views

app_name = "sponsors"

urlpatterns = [
    path("sponsors/", views.index, name="index"),
    path("sponsors/<str:cycle_code>/report.xlsx", views.workbook, name="workbook"),
    path("sponsors/<str:cycle_code>/report.pdf", views.summary, name="summary"),
    path(
        "sponsors/<str:cycle_code>/<int:category_id>/report.xlsx",
        views.workbook,
        name="workbook",
    ),
    path(
        "sponsors/<str:cycle_code>/<int:category_id>/report.pdf",
        views.summary,
        name="summary",
    ),
]
