"""The feedback platform's public addresses: a service point's form, thank-you and results."""

from django.urls import path

from feedback import views
from feedback.giving import views as giving
from feedback.posters import urls as posters
from feedback.sms import urls as sms

app_name = "feedback"

urlpatterns = [
    path("feedback/<str:code>/", giving.form, name="form"),
    path("feedback/<str:code>/thanks/", giving.thanks, name="thanks"),
    path("feedback/<str:code>/results/", views.point_results, name="results"),
    # Posters and SMS answers (feedback/posters/, feedback/sms/).
    *posters.urlpatterns,
    *sms.urlpatterns,
]
