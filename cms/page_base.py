"""What every content page shares: `BasePage` (intro, StreamField body, short menu title), its
lead panels, and the rate limit of the public forms pages serve."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from awards_site.caching.lookups import any_page_restricted, public  # noqa: F401
from cms.blocks import BaseStreamBlock
from cms.search.snippets import folded_words


def public_form_rate_limited(request):
    """Count one use of a public form from this address; True once over the limit."""
    return is_ratelimited(
        request,
        group="public-forms",
        key="ip",
        rate=settings.PUBLIC_FORM_RATE,
        method="POST",
        increment=True,
    )


LEAD_PANELS = [*Page.content_panels, FieldPanel("intro")]


class BasePage(Page):
    """What every content page has: a lead paragraph that doubles as search description."""

    intro = models.TextField(_("introduction"), blank=True, max_length=400)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    menu_title = models.CharField(
        _("menu title"),
        max_length=40,
        blank=True,
        help_text=_("A short title for the main menu, when the page title is long."),
    )

    promote_panels = [*Page.promote_panels, FieldPanel("menu_title")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("search_folded_words"),  # accents folded, for PostgreSQL (issue 20)
    ]
    content_panels = [*LEAD_PANELS, FieldPanel("body")]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        if not any_page_restricted():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def search_folded_words(self):
        return folded_words(self)

    def get_meta_description(self):
        return self.search_description or self.intro
