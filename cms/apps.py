from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Site content")

    def ready(self):
        from django.db.models.signals import post_save

        from awards_site.templatetags.site_tags import invalidate_main_menu
        from cms.models import SiteSettings

        # The footer's pages come from the site settings: a change there rebuilds the cache.
        post_save.connect(invalidate_main_menu, sender=SiteSettings, dispatch_uid="footer-settings")
