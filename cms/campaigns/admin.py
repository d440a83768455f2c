"""The news subscribers in the admin (Campaigns ▸ News subscribers): a list to filter and search,
each subscription's consent to inspect, and the download of the *consenting* subscribers for an
outside mailing tool, through the site's safe writer (awards_site/exports.py). Subscriptions
come only from the people themselves (with their consent), so nobody adds or edits one here;
whoever may delete one removes a person who asks by another way."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from awards_site import exports
from cms.campaigns.models import Subscriber


class ConsentOnlyPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action not in ("add", "change") and super().user_has_permission(user, action)


register_permission_policy(Subscriber, ConsentOnlyPermissionPolicy(Subscriber))


class SubscriberIndexView(exports.SpreadsheetExport, IndexView):
    """The downloads hold only confirmed subscriptions, whatever the list's filters show."""

    def get_base_queryset(self):
        subscribers = super().get_base_queryset()
        return subscribers.consenting() if self.is_export else subscribers

    @cached_property
    def export_buttons(self):
        from wagtail.admin.widgets.button import HeaderButton

        return [
            HeaderButton(
                _("Download subscribed (Excel)"), url=self.xlsx_export_url, icon_name="download"
            ),
            HeaderButton(
                _("Download subscribed (CSV)"), url=self.csv_export_url, icon_name="download"
            ),
        ]


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("News subscribers")
    add_to_admin_menu = True
    menu_order = 290
    index_view_class = SubscriberIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["email", "language", "country", "status", "source", "confirmed_at"]
    list_filter = ["status", "language", "country", "source"]
    search_fields = ["email"]
    list_export = [
        "email",
        "language",
        "country",
        "source",
        "consented_at",
        "confirmed_at",
        "consent_wording",
    ]
    export_filename = "news-subscribers"
    form_fields = ["country"]  # never shown: nobody adds or edits a subscription here
    inspect_view_fields = [
        "email",
        "language",
        "country",
        "status",
        "source",
        "consent_wording",
        "consented_at",
        "confirmed_at",
        "unsubscribed_at",
    ]
