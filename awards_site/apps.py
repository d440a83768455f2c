from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsSiteConfig(AppConfig):
    name = "awards_site"
    verbose_name = _("Site and accounts")
