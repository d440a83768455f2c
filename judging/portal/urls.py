"""The judge portal under /judging/ (and /fr/judging/)."""

from django.urls import path

from judging.portal import conflict_views, document_views, views

urlpatterns = [
    path("judging/", views.dashboard, name="dashboard"),
    path("judging/conflicts/", conflict_views.conflict_list, name="conflicts"),
    path("judging/entries/<int:assignment_id>/", views.entry, name="entry"),
    path(
        "judging/entries/<int:assignment_id>/conflict/",
        conflict_views.conflict_check,
        name="conflict_check",
    ),
    path("judging/entries/<int:assignment_id>/submit/", views.submit, name="submit"),
    path(
        "judging/entries/<int:assignment_id>/evidence/<int:evidence_id>/",
        document_views.evidence,
        name="evidence",
    ),
    path("judging/entries/<int:assignment_id>/copy.pdf", document_views.pdf_copy, name="pdf"),
]
