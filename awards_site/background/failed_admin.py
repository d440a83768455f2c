"""Failed background tasks in the Wagtail admin (Reports > Failed background tasks): a read-only
list with each failure's error and traceback. Deleting one dismisses it once it is dealt with;
nobody adds or edits them."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from awards_site.models import FailedTask


class ReadAndDismissPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)


register_permission_policy(FailedTask, ReadAndDismissPermissionPolicy(FailedTask))


class FailedTaskViewSet(ModelViewSet):
    model = FailedTask
    name = "failed_tasks"
    url_prefix = "failed-tasks"
    icon = "warning"
    menu_label = _("Failed background tasks")
    menu_hook = "register_reports_menu_item"
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []  # never shown: nobody may add or edit (Wagtail needs it declared)
    list_display = ["failed_at", "task_name", "attempts", "error"]
    list_filter = ["task_name"]
    inspect_view_fields = [
        "failed_at",
        "task_name",
        "task_path",
        "attempts",
        "arguments",
        "error",
        "traceback",
    ]
