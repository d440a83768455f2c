from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JudgingConfig(AppConfig):
    name = "judging"
    verbose_name = _("Judging")

    def ready(self):
        from awards_site.caching.generation import shown_publicly
        from judging.models import Round

        # The winners page shows a cycle's results once a round publishes them: publishing
        # saves the round (judging/results/decisions.py publish).
        shown_publicly(Round)
