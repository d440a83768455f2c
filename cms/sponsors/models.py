"""Partners (the sponsor organisations, with the cycles and categories they support) and sponsor
members (a user tied to one sponsor), as Wagtail snippets."""

from django.conf import settings
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from awards_site.vocabularies.countries import COUNTRY_CHOICES
from cms.choices import PartnerTier
from cms.sponsors.forms import PartnerForm, SponsorMemberForm


class Partner(models.Model):
    name = models.CharField(_("name"), max_length=160)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tier = models.CharField(_("tier"), max_length=20, choices=PartnerTier.choices)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES, blank=True)
    website = models.URLField(_("website"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    # A sponsor: what it supports decides the reports its users download (cms/reports/access.py).
    cycles = models.ManyToManyField(
        "nominations.AwardCycle",
        verbose_name=_("cycles supported"),
        blank=True,
        related_name="+",
        help_text=_("Its users download the reports of these cycles from the sponsor area."),
    )
    categories = models.ManyToManyField(
        "nominations.Category",
        verbose_name=_("categories supported"),
        blank=True,
        related_name="+",
        help_text=_(
            "Leave empty to support whole cycles. With categories of a cycle ticked, its users "
            "see only those categories' reports of that cycle."
        ),
    )

    base_form_class = PartnerForm
    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("tier"), FieldPanel("country")]),
        FieldPanel("website"),
        FieldPanel("sort_order"),
        MultiFieldPanel(
            [
                # What a partner sponsors decides which reports its users download: for
                # administrators only (editors change names, logos, tiers; cms/editors.py).
                FieldPanel(
                    "cycles", widget=CheckboxSelectMultiple, permission="cms.manage_sponsorship"
                ),
                FieldPanel(
                    "categories",
                    widget=CheckboxSelectMultiple,
                    permission="cms.manage_sponsorship",
                ),
            ],
            heading=_("Sponsorship"),
            help_text=_(
                "The users of this partner (Sponsor users) download reports of what it supports."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["sort_order", "name"]
        permissions = [("manage_sponsorship", _("Can choose what a sponsor supports"))]

    def __str__(self):
        return self.name


class SponsorMember(models.Model):
    """A user of a sponsor organisation (a Partner): they download its reports at /sponsors/.
    A user belongs to one sponsor."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="sponsor_membership",
    )
    partner = models.ForeignKey(
        Partner, verbose_name=_("sponsor"), on_delete=models.CASCADE, related_name="members"
    )
    added_at = models.DateTimeField(_("added"), default=timezone.now, editable=False)

    base_form_class = SponsorMemberForm
    panels = [FieldPanel("email"), FieldPanel("partner"), FieldPanel("language")]

    class Meta:
        verbose_name = _("sponsor user")
        verbose_name_plural = _("sponsor users")
        ordering = ["partner__name", "user__email"]

    def __str__(self):
        return f"{self.user} ({self.partner})"


def partner_support(partners):
    """[(partner, [(cycle, [category, ...]), ...]), ...]: the cycles each partner supports,
    newest first, each with the categories it supports in it (none: the whole cycle). Only
    partners that support a cycle; reads the prefetched `cycles` and `categories`."""
    rows = []
    for partner in partners:
        cycles = sorted(partner.cycles.all(), key=lambda c: c.nominations_open_at, reverse=True)
        if not cycles:
            continue
        categories = sorted(partner.categories.all(), key=lambda c: (c.sort_order, c.name))
        rows.append(
            (
                partner,
                [(cycle, [c for c in categories if c.cycle_id == cycle.pk]) for cycle in cycles],
            )
        )
    return rows
