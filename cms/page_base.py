"""What every content page shares: `BasePage` (intro, StreamField body, short menu title), its
lead panels, and the rate limits of the public forms pages serve."""

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


def mailbox_rate_limited(request, email):
    """Count one email a public form is about to send to the address typed (a subscription's
    or a signature's confirmation); True once over MAILBOX_RATE. Counted per address, whoever
    types it and from whatever network, across the forms: nobody floods a stranger's mailbox
    by rotating networks or forms. The form then answers as if it had sent it."""
    address = email.strip().lower()
    return is_ratelimited(
        request,
        group="public-form-mailbox",
        key=lambda group, request: address,
        rate=settings.MAILBOX_RATE,
        method=is_ratelimited.ALL,
        increment=True,
    )


LEAD_PANELS = [*Page.content_panels, FieldPanel("intro")]


def social_image_field():
    """The picture a shared link shows (cms/sharing/), on every page type: served as a 1200x630
    rendition; without one, the page's generated card (its title on the program's colours)."""
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when the page is shared (WhatsApp, LinkedIn, X, Facebook, email), cropped to "
            "1200 by 630 pixels. Leave empty to share a card showing the page title."
        ),
    )


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

    # The picture a shared link shows (cms/sharing/): served as a 1200x630 rendition; without
    # one, the page's generated card (its title on the program's colours).
    social_image = social_image_field()

    promote_panels = [*Page.promote_panels, FieldPanel("menu_title"), FieldPanel("social_image")]

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
