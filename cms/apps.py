from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site content")

    def ready(self):
        from awards_site.caching.generation import shown_publicly

        # Every page shows the site settings, the menus and the footer; the partners, the
        # winners' stories and the confirmed signatures show on pages too: any change to a
        # model of this app shows on the next request.
        shown_publicly(*self.get_models())
