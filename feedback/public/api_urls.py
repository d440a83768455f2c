"""The feedback platform's read-only open-data API, /api/feedback/v1/ (docs/open-data.md): no
language prefix, JSON only."""

from django.urls import path

from feedback.public import api

app_name = "feedback_api"

urlpatterns = [
    path("monthly/", api.api_monthly, name="monthly"),
    path("agencies/", api.api_agencies, name="agencies"),
    path("countries/", api.api_countries, name="countries"),
]
