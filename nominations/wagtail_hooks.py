from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from nominations.models import AwardCycle, Category, DeletionRequest, Nomination
from nominations.privacy import nominations_part
from nominations.privacy.hooks import ANONYMISE_NOMINATIONS, PERSONAL_DATA_SECTIONS
from nominations.review import admin_views


class AwardCycleViewSet(ModelViewSet):
    model = AwardCycle
    icon = "date"
    menu_label = _("Award cycles")
    list_display = [
        "name_en",
        "name_fr",
        "code",
        "nominations_open_at",
        "nominations_close_at",
        "is_current",
    ]
    form_fields = [
        "name_en",
        "name_fr",
        "code",
        "nominations_open_at",
        "nominations_close_at",
        "grace_minutes",
        "judging_starts_on",
        "judging_ends_on",
        "results_on",
        "retention_days",
        "one_nomination_per_organisation",
        "is_current",
    ]
    copy_view_enabled = False


class CategoryIndexView(IndexView):
    def get_base_queryset(self):
        # Each row shows its cycle.
        return super().get_base_queryset().select_related("cycle")


class CategoryViewSet(ModelViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Categories")
    index_view_class = CategoryIndexView
    list_display = ["name_en", "name_fr", "cycle", "sort_order", "is_active"]
    list_filter = ["cycle", "is_active"]
    form_fields = [
        "cycle",
        "name_en",
        "name_fr",
        "description_en",
        "description_fr",
        "eligibility_en",
        "eligibility_fr",
        "sort_order",
        "is_active",
    ]


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Nominations come from the nomination form, never from the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


register_permission_policy(Nomination, NoAddPermissionPolicy(Nomination))


class NominationViewSet(ModelViewSet):
    model = Nomination
    icon = "form"
    menu_label = _("Nominations")
    index_view_class = admin_views.NominationIndexView
    inspect_view_class = admin_views.NominationReviewView
    edit_view_class = admin_views.NominationEditView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "display_reference",
        "organisation_name",
        "country",
        "category",
        "status",
        "submitted_at",
    ]
    list_filter = {
        "cycle": ["exact"],
        "category": ["exact"],
        "country": ["exact"],
        "status": ["exact"],
        "submitted_at": ["date__gte", "date__lte"],
    }
    search_fields = ["reference", "organisation_name", "initiative_title", "contact_name", "city"]
    list_export = [
        "reference",
        "organisation_name",
        "organisation_kind",
        "country",
        "city",
        "category",
        "status",
        "submitted_at",
        "initiative_title",
        "nps_before",
        "nps_after",
        "customer_effort_score",
        "first_contact_resolution",
        "satisfaction",
    ]
    export_filename = "nominations"
    # Never shown: the edit address leads to the review screen (admin_views.NominationEditView),
    # where decisions go through eligibility.py. Wagtail's viewset needs a form all the same.
    form_fields = ["status_reason"]


class HandleOnlyPermissionPolicy(ModelPermissionPolicy):
    """Deletion requests come from the person; administrators handle them (change) and never
    delete them: a completed request is the record of the erasure."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)


register_permission_policy(DeletionRequest, HandleOnlyPermissionPolicy(DeletionRequest))


class DeletionRequestViewSet(ModelViewSet):
    model = DeletionRequest
    name = "deletion_requests"
    url_prefix = "nominations/deletion-requests"
    icon = "user"
    menu_label = _("Deletion requests")
    index_view_class = admin_views.DeletionRequestIndexView
    inspect_view_class = admin_views.DeletionRequestInspectView
    edit_view_class = admin_views.DeletionRequestEditView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        Column("__str__", label=_("Request"), accessor=str),
        Column("user", label=_("Person"), accessor=lambda request: request.user.email),
        Column(
            "nomination",
            label=_("Covers"),
            accessor=lambda request: request.nomination or _("Everything, and the account"),
        ),
        "requested_at",
        "status",
        "completed_at",
    ]
    list_filter = ["status"]
    edit_handler = ObjectList(
        [FieldPanel("decision"), FieldPanel("remove_evidence"), FieldPanel("note")],
        base_form_class=admin_views.DeletionDecisionForm,
    )


class AwardsGroup(ModelViewSetGroup):
    menu_label = _("Awards")
    menu_icon = "pick"
    menu_order = 150
    items = (NominationViewSet, AwardCycleViewSet, CategoryViewSet, DeletionRequestViewSet)


@hooks.register("register_admin_viewset")
def register_awards():
    return AwardsGroup()


@hooks.register("register_admin_urls")
def register_evidence_download():
    return [
        path(
            "nominations/evidence/<int:pk>/",
            admin_views.evidence_download,
            name="nominations_admin_evidence",
        )
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "nominations.submit", _("Submit"), _("Nomination sent by the nominator")
    )
    actions.register_action(
        "nominations.change", _("Change by nominator"), _("Nomination changed by the nominator")
    )
    actions.register_action(
        "nominations.changes_sent",
        _("Changes sent"),
        _("Changes sent by the nominator: a new version"),
    )
    actions.register_action(
        "nominations.withdraw", _("Withdraw"), _("Nomination withdrawn by the nominator")
    )
    actions.register_action(
        "nominations.reopen", _("Reopened for changes"), _("Sent back to the nominator for changes")
    )
    actions.register_action(
        "nominations.decision", _("Eligibility decision"), _("Eligibility decided")
    )
    actions.register_action(
        "nominations.extension", _("Deadline extension"), _("Deadline extended")
    )
    # Personal data (nominations/privacy/, docs/privacy.md)
    actions.register_action(
        "nominations.consent_withdraw", _("Consent withdrawn"), _("Consent withdrawn by the person")
    )
    actions.register_action(
        "nominations.deletion_request",
        _("Deletion requested"),
        _("Deletion of personal data requested by the person"),
    )
    actions.register_action(
        "nominations.deletion_complete",
        _("Deletion completed"),
        _("Deletion request completed: data deleted or anonymised"),
    )
    actions.register_action(
        "nominations.deletion_refuse", _("Deletion refused"), _("Deletion request refused")
    )
    actions.register_action(
        "nominations.anonymise", _("Anonymised"), _("Personal data removed from the nomination")
    )


# Nominations' part of a person's data (nominations/privacy/nominations_part.py, docs/privacy.md).
# Its sections come first in the archive, right after the account (order -1: before cms and
# judging, whose apps are loaded first).
hooks.register(PERSONAL_DATA_SECTIONS, nominations_part.personal_data_sections, order=-1)
hooks.register(ANONYMISE_NOMINATIONS, nominations_part.anonymise_nominations)
