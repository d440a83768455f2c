"""Resources in the Wagtail admin (Snippets ▸ Guides and tools): search, filters, and each
resource's downloads in its row (one grouped query for the page)."""

from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.views.snippets import SnippetViewSet

from library.resources.models import Resource


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "doc-full"
    menu_label = _("Guides and tools")
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        "title",
        "kind",
        "language",
        BooleanColumn("live", label=_("Published")),
        Column("downloads", label=_("Downloads"), sort_key="downloads"),
    ]
    list_filter = ["kind", "language", "licence", "live", "all_africa"]
    # The database's own search (title and summary contain the words): the list's downloads
    # are an aggregate, which Wagtail's search backends do not keep.
    search_backend_name = None
    search_fields = ["title", "summary"]

    def get_queryset(self, request):
        return Resource.objects.select_related("locale").annotate(
            downloads=Coalesce(Sum("download_days__count"), 0)
        )
