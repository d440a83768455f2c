import json
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import policy_registry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet, SnippetCreateView
from wagtail.snippets.views.snippets import IndexView as SnippetIndexView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from awards_site import exports
from cms import privacy
from cms.campaigns import admin_views as campaign_views
from cms.campaigns import privacy as campaign_privacy
from cms.campaigns import subscribing
from cms.campaigns.admin import SubscriberViewSet
from cms.campaigns.models import CampaignEmailPage
from cms.models import OpenLetterSignature, Partner, PledgeSignature, SponsorMember
from cms.reports import admin_views as report_views
from cms.signing import confirmation as signatures
from cms.translations import buttons as translation_buttons
from cms.translations import report as translation_report
from cms.translations import review as translation_review


class PersonalDataChooserViewSet(SnippetChooserViewSet):
    """Wagtail's snippet choosers list every object to anyone with admin access, whatever their
    permissions. Sponsor users and signatures are personal data that no editing screen picks:
    only users with a permission on the model may open their chooser."""

    def get_urlpatterns(self):
        patterns = super().get_urlpatterns()
        for pattern in patterns:
            pattern.callback = self._with_model_permission(pattern.callback)
        return patterns

    def _with_model_permission(self, view):
        @wraps(view)
        def checked(request, *args, **kwargs):
            policy = policy_registry.get_by_type(self.model)
            if not policy.user_has_any_permission(
                request.user, ["add", "change", "delete", "view"]
            ):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return checked


class NoChooserCreateView(SnippetCreateView):
    """Wagtail registers a chooser "create" address for every snippet, though its chooser has no
    creation form (no "Create" tab): a POST there failed with a server error for anyone allowed
    to add the snippet. Partners are added on their own screen."""

    def can_create(self):
        return False


class PartnerChooserViewSet(SnippetChooserViewSet):
    create_view_class = NoChooserCreateView


class PartnerViewSet(SnippetViewSet):
    model = Partner
    chooser_viewset_class = PartnerChooserViewSet
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "tier", "country", "website"]
    list_filter = ["tier", "country", "cycles"]
    search_fields = ["name"]


class SponsorMemberViewSet(SnippetViewSet):
    """The users of sponsor organisations: each downloads their partner's reports at
    /sponsors/. Added by the email address of their account (SponsorMemberForm)."""

    model = SponsorMember
    chooser_viewset_class = PersonalDataChooserViewSet
    icon = "user"
    menu_label = _("Sponsor users")
    list_display = ["user", "partner", "added_at"]
    list_filter = ["partner"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return SponsorMember.objects.select_related("user", "partner")


class ExportingIndexView(exports.SpreadsheetExport, SnippetIndexView):
    """A snippet list that downloads through the site's writer: people's names and
    organisations come from public forms, so they are text, never formulas."""


class OpenLetterSignatureViewSet(SnippetViewSet):
    model = OpenLetterSignature
    index_view_class = ExportingIndexView
    chooser_viewset_class = PersonalDataChooserViewSet
    icon = "edit"
    menu_label = _("Letter co-signatures")
    list_display = [
        "name",
        "organisation",
        "country",
        "email",
        "list_publicly",
        "created_at",
        "confirmed_at",
    ]
    list_filter = ["country", "list_publicly"]
    search_fields = ["name", "organisation", "email"]
    list_export = [
        "name",
        "organisation",
        "country",
        "email",
        "list_publicly",
        "language",
        "created_at",
        "confirmed_at",
    ]


class PledgeSignatureViewSet(SnippetViewSet):
    model = PledgeSignature
    index_view_class = ExportingIndexView
    chooser_viewset_class = PersonalDataChooserViewSet
    icon = "tick"
    menu_label = _("Pledge signatures")
    list_display = [
        "name",
        "kind",
        "organisation",
        "country",
        "email",
        "created_at",
        "confirmed_at",
    ]
    list_filter = ["kind", "country", "show_publicly"]
    search_fields = ["name", "organisation", "email"]
    list_export = [
        "name",
        "kind",
        "organisation",
        "country",
        "email",
        "show_publicly",
        "language",
        "created_at",
        "confirmed_at",
    ]


class ProgramSnippets(SnippetViewSetGroup):
    menu_label = _("Program")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (
        PartnerViewSet,
        SponsorMemberViewSet,
        OpenLetterSignatureViewSet,
        PledgeSignatureViewSet,
    )


register_snippet(ProgramSnippets)


# Cycle reports (cms/reports/admin_views.py), in Wagtail's Reports menu -------------------------


class CycleReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("cms.see_full_reports")


@hooks.register("register_reports_menu_item")
def register_cycle_reports_menu_item():
    return CycleReportsMenuItem(
        _("Cycle reports"),
        reverse("cms_reports_index"),
        name="cycle-reports",
        icon_name="table",
        order=100,
    )


@hooks.register("register_admin_urls")
def register_cycle_reports_urls():
    return report_views.urlpatterns()


# Translations (cms/translations/): the editors' report and the Translate action on aliases ----


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("cms.see_translation_report")


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(
        _("Translations to update"),
        reverse("cms_translation_report"),
        name="translations-to-update",
        icon_name="globe",
        order=90,
    )


@hooks.register("register_admin_urls")
def register_translation_report_urls():
    return translation_report.urlpatterns()


@hooks.register("register_reports_menu_item")
def register_translation_review_menu_item():
    return TranslationReportMenuItem(
        _("Translations awaiting review"),
        reverse("cms_translation_review_report"),
        name="translations-awaiting-review",
        icon_name="globe",
        order=91,
    )


@hooks.register("register_admin_urls")
def register_translation_review_urls():
    return translation_review.urlpatterns()


hooks.register("register_page_header_buttons", translation_buttons.translate_alias_buttons)


@hooks.register("insert_global_admin_css")
def admin_stylesheet():
    """Fixes to Wagtail's own widgets (static/css/admin.css): the date picker's target sizes."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("insert_global_admin_js")
def name_unnamed_admin_fields():
    """The rich text box, the tag input and the date picker's buttons get names
    (static/js/admin-field-names.js, until Wagtail names them itself: wagtail/wagtail#14205)."""
    labels = {
        "previousMonth": gettext("Previous month"),
        "nextMonth": gettext("Next month"),
        "today": gettext("Go to today"),
        "earlierTimes": gettext("Earlier times"),
        "laterTimes": gettext("Later times"),
    }
    return format_html(
        '<script src="{}" data-labels="{}" defer></script>',
        static("js/admin-field-names.js"),
        json.dumps(labels),
    )


# Personal data: signatures, enquiries and sponsor users (cms/privacy.py, docs/privacy.md) -------


hooks.register("personal_data_sections", privacy.personal_data_sections)
# Signatures never confirmed are removed with unconfirmed accounts (manage.py remove_unconfirmed).
hooks.register("remove_unconfirmed", signatures.remove_unconfirmed)
hooks.register("erase_personal_data", privacy.erase_personal_data)


@hooks.register("login_start_page", order=20)
def sponsors_start_on_their_reports(user):
    """After signing in without a `next`, a sponsor's user lands on the reports."""
    if user.has_perm("cms.use_sponsor_area"):
        return reverse("sponsors:index")
    return None


# Campaign emails and news subscribers (cms/campaigns/, docs/editors.md) ---------------------


@hooks.register("register_admin_viewset")
def register_subscribers():
    return SubscriberViewSet("news_subscribers")


@hooks.register("register_admin_urls")
def register_campaign_urls():
    return campaign_views.urlpatterns()


@hooks.register("register_page_header_buttons")
def send_campaign_button(page, user, view_name=None, next_url=None):
    """ "Send to subscribers" in a campaign email page's menu, for whoever may publish it."""
    if not isinstance(page.specific_deferred, CampaignEmailPage):
        return
    if not page.permissions_for_user(user).can_publish():
        return
    from wagtail.admin.widgets import Button

    yield Button(
        _("Send to subscribers"),
        reverse("cms_campaign_send", args=[page.pk]),
        icon_name="mail",
        priority=5,
    )


hooks.register("personal_data_sections", campaign_privacy.personal_data_sections)
hooks.register("erase_personal_data", campaign_privacy.erase_personal_data)
# Requests never confirmed are removed with unconfirmed accounts (manage.py remove_unconfirmed).
hooks.register("remove_unconfirmed", subscribing.remove_unconfirmed)
