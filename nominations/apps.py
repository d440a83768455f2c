from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NominationsConfig(AppConfig):
    name = "nominations"
    verbose_name = _("Nominations")

    def ready(self):
        from awards_site.caching.generation import shown_publicly
        from awards_site.caching.pages import changes_at
        from nominations import publicity
        from nominations.cycles.models import AwardCycle, Category, next_opening_or_closing

        # Public pages say whether nominations are open and list the categories; they change
        # when a cycle is edited, and by themselves when its nominations open or close.
        shown_publicly(AwardCycle, Category)
        changes_at(next_opening_or_closing)
        publicity.connect()
