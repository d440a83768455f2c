from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from feedback import demo, evidence, privacy
from feedback.admin_views import FeedbackGroup
from feedback.retention import pruning as retention
from nominations.wizard import measured


@hooks.register("register_admin_viewset")
def register_feedback():
    return FeedbackGroup()


# Editors moderate every agency's comments on the staff portal (feedback/staff/, cms/editors.py).
class CommentsToModerateMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("feedback.moderate_any_comment")


@hooks.register("register_admin_menu_item")
def register_comments_to_moderate():
    return CommentsToModerateMenuItem(
        _("Citizens' comments"),
        reverse_lazy("feedback:manage"),
        name="citizens-comments",
        icon_name="comment",
        order=450,
    )


# Agency staff accounts in a person's data (feedback/privacy.py, docs/privacy.md) ---------------
hooks.register("personal_data_sections", privacy.personal_data_sections)
hooks.register("erase_personal_data", privacy.erase_personal_data)
# Answers past retention, rejected comments' text (feedback/retention/pruning.py).
hooks.register("apply_retention", retention.apply_retention)


# The demo's agencies, service points and answers (cms/demo/loader.py asks every app's part).
hooks.register("load_demo_part", demo.load)
# Its agency staff login, printed with the others by load_demo.
hooks.register("demo_logins", demo.demo_logins)


# Measured results for the awards: the nomination wizard asks for the user's agencies and their
# frozen figures (nominations/wizard/measured.py, feedback/evidence.py).
hooks.register(measured.SOURCES_HOOK, evidence.SOURCE)
hooks.register("load_demo_part", evidence.load_demo, order=10)


@hooks.register("login_start_page", order=15)
def agency_staff_start_on_their_portal(user):
    """After signing in without a `next`, agency staff land on their portal, unless they have
    nominations of their own (a nominator who is also staff carries on with those)."""
    from django.urls import reverse

    from feedback.rules import is_agency_staff

    if is_agency_staff(user) and not user.nominations.exists():
        return reverse("feedback:manage")
    return None
