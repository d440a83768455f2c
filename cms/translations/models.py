"""A page translation reviewed by a native speaker. Pages in the draft languages (Portuguese,
Arabic: cms/translations/catalogues.py DRAFT_LANGUAGES) are drafts awaiting review until an
editor marks them reviewed (Reports ▸ Translations awaiting review); the row says who and when.
Removing the row (the page deleted, or by hand) makes the page a draft again."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class ReviewedTranslation(models.Model):
    page = models.OneToOneField(
        Page,
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="translation_review",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), default=timezone.now)

    class Meta:
        verbose_name = _("reviewed translation")
        verbose_name_plural = _("reviewed translations")

    def __str__(self):
        return str(self.page)
