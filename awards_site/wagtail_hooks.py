"""The Wagtail admin's own password and email forms are off (docs/security.md): its account page
points to the site's account security page instead. The failed tasks, the campaign reach report
(awards_site/reach/report.py) and its demo figures."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem


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


# Reach figures without tracking people (awards_site/reach/, docs/reach.md) ------------------


class ReachReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("awards_site.see_reach_report")


@hooks.register("register_reports_menu_item")
def register_reach_report_menu_item():
    return ReachReportMenuItem(
        gettext_lazy("Campaign reach"),
        reverse("reach_report"),
        name="campaign-reach",
        icon_name="view",
        order=120,
    )


@hooks.register("register_admin_urls")
def register_reach_report_urls():
    from awards_site.reach import report

    return report.urlpatterns()


@hooks.register("load_demo_part", order=60)
def load_reach_demo():
    from awards_site.reach import demo

    demo.load()
