"""The administrators' screens of the feedback platform (Wagtail ModelViewSets, in a "Citizen
feedback" menu): agencies and their service points. Who may use them follows the models'
permissions (administrators: all). Agency staff's own dashboards are not in this slice."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from feedback.models import Agency, ServicePoint


class AgencyViewSet(ModelViewSet):
    model = Agency
    name = "feedback_agencies"
    url_prefix = "feedback/agencies"
    icon = "group"
    menu_label = _("Agencies")
    copy_view_enabled = False
    form_fields = ["name", "country", "slug"]
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
    ]
    list_filter = ["kind", "active", "agency"]
    search_fields = ["name", "town", "code"]
    list_per_page = 50
    index_view_class = ServicePointIndexView


class FeedbackGroup(ModelViewSetGroup):
    menu_label = _("Citizen feedback")
    menu_icon = "comment"
    menu_order = 170
    items = (AgencyViewSet, ServicePointViewSet)
