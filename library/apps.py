from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Best practices and guides")

    def ready(self):
        from library.cases import consent

        # A nominator's withdrawn consent unpublishes the case study (nominations/mine/signals.py).
        consent.connect()
