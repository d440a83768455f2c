from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Citizen feedback")

    def ready(self):
        from feedback.giving import rollups  # noqa: F401  (a deleted point leaves its agency's sums)
