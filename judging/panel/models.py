"""The judges: their profiles, the panels (cycle and categories) they sit on, the conflicts
they declare and the clearances an administrator gives."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from awards_site.vocabularies.countries import COUNTRY_CHOICES
from nominations.models import AwardCycle, Category, Nomination


class JudgeProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="judge_profile"
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES, blank=True)
    expertise = models.ManyToManyField(
        Category, verbose_name=_("expertise"), blank=True, related_name="expert_judges"
    )
    is_active = models.BooleanField(_("active"), default=True)
    invited_at = models.DateTimeField(_("invited"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("judge")
        verbose_name_plural = _("judges")
        ordering = ["user__email"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        from nominations.privacy.records import is_anonymised

        if is_anonymised(self.user):
            return gettext("Judge (deleted)")
        return self.user.get_full_name() or self.user.email


class PanelMembership(models.Model):
    """A judge sits on a cycle's panel, for one category or (without one) for all of them."""

    judge = models.ForeignKey(
        JudgeProfile,
        verbose_name=_("judge"),
        on_delete=models.CASCADE,
        related_name="panel_memberships",
    )
    cycle = models.ForeignKey(
        AwardCycle,
        verbose_name=_("cycle"),
        on_delete=models.CASCADE,
        related_name="panel_memberships",
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Leave empty for every category of the cycle."),
    )

    class Meta:
        verbose_name = _("panel membership")
        verbose_name_plural = _("panel memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["judge", "cycle", "category"], name="one_membership_per_category"
            ),
            models.UniqueConstraint(
                fields=["judge", "cycle"],
                condition=models.Q(category__isnull=True),
                name="one_whole_cycle_membership",
            ),
        ]

    def __str__(self):
        return f"{self.judge} – {self.category or self.cycle}"


class Conflict(models.Model):
    """A conflict a judge declared: with one entry, or with an organisation or a country for the
    whole cycle."""

    judge = models.ForeignKey(JudgeProfile, on_delete=models.CASCADE, related_name="conflicts")
    cycle = models.ForeignKey(AwardCycle, on_delete=models.CASCADE, related_name="+")
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("entry"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRY_CHOICES, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        ordering = ["-declared_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nomination__isnull=False)
                | ~models.Q(organisation="")
                | ~models.Q(country=""),
                name="conflict_names_what",
            )
        ]

    def __str__(self):
        subject = self.nomination or self.organisation or self.get_country_display()
        return f"{self.judge} – {subject}"


class ConflictClearance(models.Model):
    """An administrator's decision that a likely conflict (same organisation or email domain) is
    not one, for this judge and entry."""

    judge = models.ForeignKey(JudgeProfile, on_delete=models.CASCADE, related_name="clearances")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="+")
    cleared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    cleared_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["judge", "nomination"], name="one_clearance_per_pair")
        ]

    def __str__(self):
        return f"{self.judge} – {self.nomination}"
