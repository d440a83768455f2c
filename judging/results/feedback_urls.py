"""Entrants' feedback: the judges' comments on a nomination, after results are published."""

from django.urls import path

from judging.results import feedback

urlpatterns = [
    path("my-nominations/<uuid:uuid>/feedback/", feedback.feedback, name="feedback"),
]
