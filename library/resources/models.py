"""The guides and tools library (issue 17): `Resource`, a translatable snippet that is either a
document from Wagtail's library (uploaded through the checked path, cms/uploads/documents.py)
or an external https link, and `DownloadDay`, how many times a resource was downloaded on a
day: one number per resource and day, nothing about who (docs/editors.md)."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import TranslatableMixin
from wagtail.search import index

from awards_site.vocabularies.countries import country_name
from library.resources.fields import CountryCodesField
from library.resources.vocabularies import (
    KINDS,
    LANGUAGES,
    LICENCES,
    kind_choices,
    language_choices,
    licence_choices,
)


def check_link(url):
    """An external link must be a full https address with a host; say what to do otherwise."""
    if not url:
        return
    parts = urlsplit(url)
    if parts.scheme.lower() != "https" or not parts.hostname:
        raise ValidationError(
            _(
                "Links must start with https:// (a secure address). Copy the address from the "
                "browser's address bar on the video or document's own page, for example "
                "https://www.youtube.com/watch?v=…"
            ),
            code="not_https",
        )
    if parts.username or parts.password:
        raise ValidationError(
            _("Remove the name and password from the link: give the public address only."),
            code="credentials",
        )


class Resource(TranslatableMixin, index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=kind_choices, default="guide")
    language = models.CharField(
        _("language of the resource"),
        max_length=8,
        choices=language_choices,
        default="en",
        help_text=_("The language the document or video itself is in."),
    )
    all_africa = models.BooleanField(
        _("relevant to all of Africa"),
        default=True,
        help_text=_("Untick it and choose the countries below when the resource is for some."),
    )
    countries = CountryCodesField(_("countries"))
    licence = models.CharField(
        _("licence"), max_length=20, choices=licence_choices, default="cc-by-4.0"
    )
    summary = models.TextField(
        _("short summary"),
        max_length=500,
        help_text=_("Two or three sentences: who it is for and what it helps them do."),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    link = models.URLField(
        _("external link"),
        max_length=500,
        blank=True,
        validators=[check_link],
        help_text=_("A video or a page elsewhere, starting with https://."),
    )
    live = models.BooleanField(
        _("published"), default=False, help_text=_("Shown in the public library.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("language"),
        MultiFieldPanel(
            [FieldPanel("all_africa"), FieldPanel("countries")],
            heading=_("Country relevance"),
        ),
        FieldPanel("licence"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("link")],
            heading=_("A document or a link (one of them)"),
        ),
        FieldPanel("live"),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.SearchField("summary"),
        index.AutocompleteField("title"),
        index.FilterField("live"),
        index.FilterField("locale_id"),
        index.FilterField("kind"),
        index.FilterField("language"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.document_id and self.link:
            errors["link"] = _(
                "Give a document or a link, not both. Empty this field to offer the document."
            )
        elif not self.document_id and not self.link:
            errors["document"] = _(
                "Choose or upload a document, or give an external link below: the library needs "
                "something to offer."
            )
        elif self.document_id and KINDS[self.kind].link_only:
            errors["kind"] = _(
                "A video link needs an external link, not a document. Choose another kind, or "
                "give the video's https:// address instead of the document."
            )
        if not self.all_africa and not self.countries:
            errors["countries"] = _(
                "Choose at least one country, or tick “relevant to all of Africa”."
            )
        if errors:
            raise ValidationError(errors)

    # What the public list shows --------------------------------------------------------------
    @property
    def kind_label(self):
        return KINDS.label(self.kind)

    @property
    def language_label(self):
        return LANGUAGES.label(self.language)

    @property
    def licence_term(self):
        return LICENCES.get(self.licence)

    @property
    def country_names(self):
        return [str(country_name(code)) for code in self.countries]

    @property
    def is_link(self):
        return not self.document_id


class DownloadDay(models.Model):
    """How many times a resource was downloaded (or its link followed) on a day. Nothing else:
    no address, no cookie, no account."""

    resource = models.ForeignKey(
        Resource, on_delete=models.CASCADE, related_name="download_days", verbose_name=_("resource")
    )
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("downloads on a day")
        verbose_name_plural = _("downloads by day")
        constraints = [
            models.UniqueConstraint(fields=["resource", "day"], name="one_download_count_a_day")
        ]

    def __str__(self):
        return f"{self.resource_id} {self.day}: {self.count}"
