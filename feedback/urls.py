"""The feedback platform's public addresses: a service point's form, thank-you and results."""

from django.urls import include, path

from feedback import views
from feedback.giving import views as giving

app_name = "feedback"

urlpatterns = [
    # The agency staff portal (feedback/staff/), before the points' codes.
    path("", include("feedback.staff.urls")),
    path("feedback/<str:code>/", giving.form, name="form"),
    path("feedback/<str:code>/thanks/", giving.thanks, name="thanks"),
    path("feedback/<str:code>/results/", views.point_results, name="results"),
]
