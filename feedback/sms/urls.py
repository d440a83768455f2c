"""The inbound SMS webhook (included by feedback/urls.py)."""

from django.urls import path

from feedback.sms import views

urlpatterns = [
    path("feedback/sms/<int:gateway_id>/", views.inbound, name="sms"),
]
