"""The feedback platform's public addresses: a service point's form, thank-you and results; the
index of countries, a country's and an agency's page, the open data (feedback/public/); the
staff portal (feedback/staff/), posters (feedback/posters/) and the SMS webhook (feedback/sms/)."""

from django.urls import include, path

from feedback import views
from feedback.giving import views as giving
from feedback.posters import urls as posters
from feedback.public import api
from feedback.public import views as public
from feedback.sms import urls as sms

app_name = "feedback"

urlpatterns = [
    # The agency staff portal (feedback/staff/), before the points' codes.
    path("", include("feedback.staff.urls")),
    # Public figures and open data (feedback/public/), before the points' codes.
    path("feedback/", public.index, name="index"),
    path("feedback/countries/<str:cc>/", public.country, name="country"),
    path("feedback/agencies/<slug:slug>/", public.agency, name="agency"),
    path("feedback/open-data/", api.about, name="open_data"),
    path("feedback/open-data/monthly.csv", api.monthly_csv, name="open_data_csv"),
    # Posters and SMS answers (feedback/posters/, feedback/sms/).
    *posters.urlpatterns,
    *sms.urlpatterns,
    path("feedback/<str:code>/", giving.form, name="form"),
    path("feedback/<str:code>/thanks/", giving.thanks, name="thanks"),
    path("feedback/<str:code>/results/", views.point_results, name="results"),
]
