"""The Wagtail admin's own password and email forms are off (docs/security.md): its account page
points to the site's account security page instead."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def account_security(request):
    return {
        "url": reverse("mfa_index"),
        "label": _("Account security"),
        "help_text": _(
            "Two-step verification, recovery codes, password, email address and where you are "
            "signed in."
        ),
    }


@hooks.register("register_admin_viewset")
def failed_tasks():
    from awards_site.background.failed_admin import FailedTaskViewSet

    return FailedTaskViewSet()


# Wagtail's bulk actions on users ask for the same confirmation and write the same security log
# as the single-user screens (awards_site/accounts/users_admin.py).
@hooks.register("before_bulk_action")
def before_bulk_action(request, action_type, objects, action_class_instance):
    from awards_site.accounts.users_admin import before_user_bulk_action

    return before_user_bulk_action(request, action_type, objects, action_class_instance)


@hooks.register("after_bulk_action")
def after_bulk_action(request, action_type, objects, action_class_instance):
    from awards_site.accounts.users_admin import after_user_bulk_action

    return after_user_bulk_action(request, action_type, objects, action_class_instance)
