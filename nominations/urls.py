from django.urls import path

from nominations.mine import views as mine
from nominations.privacy import views as privacy_views
from nominations.sending import resend_views
from nominations.wizard import views as wizard

app_name = "nominations"

urlpatterns = [
    path("nominate/", wizard.start, name="start"),
    path("nominate/<uuid:uuid>/", wizard.nomination_wizard, name="wizard"),
    path("nominate/<uuid:uuid>/<str:step>/", wizard.nomination_wizard, name="step"),
    path("my-nominations/", mine.my_nominations, name="my_nominations"),
    path("my-nominations/<uuid:uuid>/", mine.detail, name="detail"),
    path("my-nominations/<uuid:uuid>/submitted/", mine.submitted, name="submitted"),
    path("my-nominations/<uuid:uuid>/withdraw/", mine.withdraw, name="withdraw"),
    path("my-nominations/<uuid:uuid>/copy.pdf", mine.pdf_copy, name="pdf"),
    path(
        "my-nominations/<uuid:uuid>/case-study-consent/",
        mine.withdraw_case_study_consent,
        name="withdraw_case_study_consent",
    ),
    path(
        "my-nominations/<uuid:uuid>/evidence/<int:evidence_id>/",
        mine.evidence_download,
        name="evidence",
    ),
    path(
        "my-nominations/<uuid:uuid>/resend-confirmation/",
        resend_views.resend_submission,
        name="resend_submission",
    ),
    path(
        "account/resend-confirmation/",
        resend_views.resend_verification,
        name="resend_verification",
    ),
    path("my-data/", privacy_views.my_data, name="my_data"),
    path("my-data/download/", privacy_views.download, name="my_data_download"),
    path("my-data/delete/", privacy_views.request_deletion, name="request_deletion"),
    path(
        "my-data/consents/<int:consent_id>/withdraw/",
        privacy_views.withdraw_consent,
        name="withdraw_consent",
    ),
]
