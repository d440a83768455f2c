"""The agency staff portal's addresses, in the feedback namespace (feedback/urls.py)."""

from django.urls import path

from feedback.staff import views

urlpatterns = [
    path("feedback/manage/", views.index, name="manage"),
    path("feedback/manage/<slug:slug>/", views.dashboard, name="dashboard"),
    path("feedback/manage/<slug:slug>/figures.csv", views.figures_csv, name="figures_csv"),
    path("feedback/manage/<slug:slug>/figures.xlsx", views.figures_xlsx, name="figures_xlsx"),
    path("feedback/manage/<slug:slug>/points/add/", views.point_add, name="point_add"),
    path(
        "feedback/manage/<slug:slug>/points/<int:point_id>/",
        views.point_edit,
        name="point_edit",
    ),
    path("feedback/manage/<slug:slug>/comments/", views.comments, name="comments"),
    path(
        "feedback/manage/<slug:slug>/comments/<int:response_id>/",
        views.comment,
        name="comment",
    ),
    path("feedback/manage/<slug:slug>/held/", views.held, name="held"),
    path(
        "feedback/manage/<slug:slug>/held/<int:response_id>/",
        views.held_answer,
        name="held_answer",
    ),
]
