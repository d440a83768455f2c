"""Certificates: the public verification page and the nominators' and judges' downloads."""

from django.urls import path

from judging.certificates import views

urlpatterns = [
    path("certificates/verify/", views.verify_form, name="certificate_verify_form"),
    path("certificates/verify/<str:code>/", views.verify, name="certificate_verify"),
    path(
        "my-nominations/<uuid:uuid>/certificates/<str:code>/",
        views.nomination_certificate,
        name="nomination_certificate",
    ),
    path("judging/certificates/<str:code>/", views.judge_certificate, name="judge_certificate"),
]
