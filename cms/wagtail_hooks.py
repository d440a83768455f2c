from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import OpenLetterSignature, Partner, PledgeSignature


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "tier", "country", "website"]
    list_filter = ["tier", "country"]
    search_fields = ["name"]


class OpenLetterSignatureViewSet(SnippetViewSet):
    model = OpenLetterSignature
    icon = "edit"
    menu_label = _("Letter co-signatures")
    list_display = ["name", "organisation", "country", "email", "list_publicly", "created_at"]
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
    ]


class PledgeSignatureViewSet(SnippetViewSet):
    model = PledgeSignature
    icon = "tick"
    menu_label = _("Pledge signatures")
    list_display = ["name", "kind", "organisation", "country", "email", "created_at"]
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
    ]


class ProgramSnippets(SnippetViewSetGroup):
    menu_label = _("Program")
    menu_icon = "folder-open-inverse"
    menu_order = 200
    items = (PartnerViewSet, OpenLetterSignatureViewSet, PledgeSignatureViewSet)


register_snippet(ProgramSnippets)
