"""What the reach figures keep: counts per day and nothing about a person. There is no field for
an address, a User-Agent, an account or a session, and tests/site/reach/ holds it so."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from awards_site.reach.kinds import conversion_choices

# utm values and referrer domains are cut to these lengths (awards_site/reach/cleaning.py).
TAG_LENGTH = 80
DOMAIN_LENGTH = 253


class ReachDay(models.Model):
    """Views of one public page on one day, from one referrer domain and one tagged link."""

    day = models.DateField(_("day"))
    path = models.CharField(_("path"), max_length=255)
    page_id = models.PositiveIntegerField(_("Wagtail page"), null=True, blank=True)
    referrer = models.CharField(_("referrer domain"), max_length=DOMAIN_LENGTH, blank=True)
    campaign = models.CharField(_("campaign"), max_length=TAG_LENGTH, blank=True)
    source = models.CharField(_("source"), max_length=TAG_LENGTH, blank=True)
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("page views of a day")
        verbose_name_plural = _("page views of each day")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "path", "referrer", "campaign", "source"], name="one_reach_row"
            )
        ]
        indexes = [models.Index(fields=["campaign", "day"], name="reach_campaign_day")]

    def __str__(self):
        return f"{self.day} {self.path}: {self.views}"


class ConversionDay(models.Model):
    """Conversions of one kind on one day, attributed to the campaign that brought the visit."""

    day = models.DateField(_("day"))
    kind = models.CharField(_("conversion"), max_length=20, choices=conversion_choices)
    campaign = models.CharField(_("campaign"), max_length=TAG_LENGTH, blank=True)
    source = models.CharField(_("source"), max_length=TAG_LENGTH, blank=True)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("conversions of a day")
        verbose_name_plural = _("conversions of each day")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "kind", "campaign", "source"], name="one_conversion_row"
            )
        ]

    def __str__(self):
        return f"{self.day} {self.kind}: {self.count}"


class ReachFlush(models.Model):
    """A time slot whose counts were moved from the cache into the rows above. Written in the
    same transaction as the counts, so a slot is never counted twice (buffer.py)."""

    slot = models.BigIntegerField(unique=True)
    flushed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("flushed time slot")
        verbose_name_plural = _("flushed time slots")

    def __str__(self):
        return str(self.slot)
