"""The public library's addresses (library/resources/views.py), in every language's prefix."""

from django.urls import path

from library.resources import views

app_name = "resources"

urlpatterns = [
    path("resources/", views.index, name="index"),
    path("resources/<int:pk>/download/", views.download, name="download"),
]
