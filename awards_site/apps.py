from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsSiteConfig(AppConfig):
    name = "awards_site"
    verbose_name = _("Site and accounts")

    def ready(self):
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .templatetags.site_tags import invalidate_main_menu

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(invalidate_main_menu, dispatch_uid=f"menu-{signal!r}")
        from django.db.models.signals import post_delete
        from wagtail.models import Page

        post_delete.connect(invalidate_main_menu, sender=Page, dispatch_uid="menu-page-delete")

        from allauth.account.signals import password_reset

        from .accounts import verify_email_on_password_reset

        password_reset.connect(verify_email_on_password_reset, dispatch_uid="verify-on-reset")
