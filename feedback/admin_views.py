"""The administrators' screens of the feedback platform (Wagtail ModelViewSets, in a "Citizen
feedback" menu): agencies, their service points (with their posters) and the SMS gateways. Who
may use them follows the models' permissions (administrators: all). Agency staff's own
dashboards are not in this slice."""

from django import forms
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from feedback.models import Agency, ServicePoint, SmsGateway
from feedback.sms import gateways


class AgencyViewSet(ModelViewSet):
    model = Agency
    name = "feedback_agencies"
    url_prefix = "feedback/agencies"
    icon = "group"
    menu_label = _("Agencies")
    copy_view_enabled = False
    form_fields = ["name", "country", "slug", "poster_languages"]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "poster_languages":
            # The site's languages as boxes to tick (the JSON list holds their codes).
            return forms.TypedMultipleChoiceField(
                label=db_field.verbose_name,
                help_text=_("One page per language; none ticked: all the site's languages."),
                choices=settings.LANGUAGES,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        return super().formfield_for_dbfield(db_field, **kwargs)

    list_display = ["name", "country", "slug"]
    list_filter = ["country"]
    search_fields = ["name"]


class ServicePointIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("agency")


class ServicePointViewSet(ModelViewSet):
    model = ServicePoint
    name = "feedback_points"
    url_prefix = "feedback/points"
    icon = "site"
    menu_label = _("Service points")
    copy_view_enabled = False
    form_fields = ["agency", "kind", "name", "town", "region", "active"]
    list_display = [
        "name",
        "agency",
        "kind",
        "town",
        Column("code", label=_("Public address"), accessor=lambda point: point.get_absolute_url()),
        "active",
        Column("posters", label=_("Posters"), accessor=lambda point: poster_links(point)),
    ]
    list_filter = ["kind", "active", "agency"]
    search_fields = ["name", "town", "code"]
    list_per_page = 50
    index_view_class = ServicePointIndexView


def poster_links(point):
    """The point's poster (A4) and counter card (A6), as links (feedback/posters/)."""
    return format_html(
        '<a href="{}">{}</a> · <a href="{}">{}</a>',
        reverse("feedback:poster_a4", kwargs={"code": point.code}),
        gettext("A4 poster"),
        reverse("feedback:card_a6", kwargs={"code": point.code}),
        gettext("A6 card"),
    )


# SMS gateways (feedback/sms/): the secret is made on creation and shown once -----------------
class SmsGatewayCreateView(generic.CreateView):
    def save_instance(self):
        self.secret = gateways.new_secret(self.form.instance)
        return super().save_instance()

    def get_success_message(self, instance):
        return format_html(
            "{} <code>{}</code> {} <code>{}</code> {}",
            gettext("Gateway created. Its secret, shown only now:"),
            self.secret,
            gettext("Webhook address to paste into the provider:"),
            gateways.webhook_url(instance, self.secret),
            gettext(
                "Africa's Talking: the secret is in the address. RapidPro: send it in the "
                "X-Feedback-Secret header. Keep it safe; to change it, create a new gateway."
            ),
        )


class SmsGatewayViewSet(ModelViewSet):
    model = SmsGateway
    name = "feedback_sms_gateways"
    url_prefix = "feedback/sms-gateways"
    icon = "mail"
    menu_label = _("SMS gateways")
    copy_view_enabled = False
    form_fields = ["name", "provider", "country", "number", "api_username", "active"]
    list_display = ["name", "provider", "country", "number", "active"]
    list_filter = ["provider", "country", "active"]
    add_view_class = SmsGatewayCreateView


class FeedbackGroup(ModelViewSetGroup):
    menu_label = _("Citizen feedback")
    menu_icon = "comment"
    menu_order = 170
    items = (AgencyViewSet, ServicePointViewSet, SmsGatewayViewSet)
