"""Award cycles and their categories: when nominations open and close, what each category asks
for, and the cycle's own rules (one nomination per organisation and category)."""

from datetime import datetime, time, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from awards_site.caching.memo import until_content_changes
from awards_site.i18n import LocalisedText, localised
from nominations.choices import (
    ChangesUntil,
)


class CycleState(models.TextChoices):
    NOT_OPEN_YET = "not_open_yet", _("Not yet open")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class AwardCycleQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True).first()


def next_opening_or_closing(now=None):
    """The next moment a current cycle's nominations open or close (public pages change then),
    or None."""
    now = now or timezone.now()
    moments = until_content_changes(("cycle moments",), _current_cycles_moments)
    return min((moment for moment in moments if moment > now), default=None)


def _current_cycles_moments():
    current = AwardCycle.objects.filter(is_current=True)
    return [
        moment
        for opens, closes in current.values_list("nominations_open_at", "nominations_close_at")
        for moment in (opens, closes)
    ]


class AwardCycle(models.Model):
    name_en = models.CharField(
        _("name (English)"), max_length=80, help_text=_("For example “2027 Awards”.")
    )
    name_fr = models.CharField(
        _("name (French)"),
        max_length=80,
        help_text=_(
            "For example “Prix 2027”: the French pages say “les Prix 2027”, certificates "
            "in French print it."
        ),
    )
    code = models.CharField(
        _("reference prefix"),
        max_length=8,
        unique=True,
        help_text=_("Starts every nomination reference of this cycle, for example CX27."),
    )
    nominations_open_at = models.DateTimeField(_("nominations open"))
    nominations_close_at = models.DateTimeField(_("nominations close"))
    grace_minutes = models.PositiveIntegerField(
        _("grace minutes"),
        default=15,
        help_text=_(
            "Submissions started before the deadline are still accepted this many minutes after it."
        ),
    )
    judging_starts_on = models.DateField(_("judging starts"), null=True, blank=True)
    changes_until = models.CharField(
        _("sent nominations can be changed until"),
        max_length=10,
        choices=ChangesUntil.choices,
        default=ChangesUntil.DEADLINE,
        help_text=_(
            "Until the deadline (with its grace minutes), or until judging starts (the start of "
            "the day set in “judging starts”). A nomination's own extension can go later."
        ),
    )
    judging_ends_on = models.DateField(_("judging ends"), null=True, blank=True)
    results_on = models.DateField(_("results announced"), null=True, blank=True)
    one_nomination_per_organisation = models.BooleanField(
        _("one nomination per organisation and category"),
        default=False,
        help_text=_(
            "Once a nomination of an organisation is sent in a category, nobody can send "
            "another of the same organisation (same name and country) in that category; a "
            "withdrawn nomination frees the place."
        ),
    )
    is_current = models.BooleanField(
        _("current cycle"),
        default=False,
        help_text=_("The cycle the site shows and takes nominations for. Only one is current."),
    )
    retention_days = models.PositiveIntegerField(
        _("keep personal data for (days)"),
        default=1095,
        help_text=_(
            "Counted from the end of the cycle (the latest of the deadline, the end of judging "
            "and the results date). After it, the command anonymise_expired_data removes the "
            "contact details and evidence files of the cycle's nominations and deletes its "
            "unsent drafts; the answers about the initiative stay as the record. "
            "1095 days is three years."
        ),
    )

    objects = AwardCycleQuerySet.as_manager()

    class Meta:
        verbose_name = _("award cycle")
        verbose_name_plural = _("award cycles")
        ordering = ["-nominations_open_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=models.Q(is_current=True), name="one_current_cycle"
            ),
            models.CheckConstraint(
                condition=models.Q(nominations_close_at__gt=models.F("nominations_open_at")),
                name="cycle_closes_after_opening",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.is_current:
            AwardCycle.objects.exclude(pk=self.pk).filter(is_current=True).update(is_current=False)
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.changes_until == ChangesUntil.JUDGING:
            if not self.judging_starts_on:
                raise ValidationError(
                    {
                        "judging_starts_on": _(
                            "Enter the day judging starts: sent nominations can be changed "
                            "until then."
                        )
                    }
                )
            if self.nominations_close_at and self.judging_starts_at < self.nominations_close_at:
                raise ValidationError(
                    {
                        "judging_starts_on": _(
                            "Enter a day after the nomination deadline, or let sent "
                            "nominations be changed until the deadline."
                        )
                    }
                )

    @property
    def judging_starts_at(self):
        """The first moment of the day judging starts, in the site's time zone (or None)."""
        if not self.judging_starts_on:
            return None
        zone = timezone.get_default_timezone()
        return timezone.make_aware(datetime.combine(self.judging_starts_on, time.min), zone)

    @property
    def changes_until_judging(self):
        """Whether sent nominations stay changeable until judging starts (not the deadline)."""
        return self.changes_until == ChangesUntil.JUDGING and self.judging_starts_on is not None

    @property
    def name(self):
        """In the active language (the English one when the French is missing)."""
        return localised(self, "name")

    def state(self, now=None):
        now = now or timezone.now()
        if now < self.nominations_open_at:
            return CycleState.NOT_OPEN_YET
        if now < self.nominations_close_at:
            return CycleState.OPEN
        return CycleState.CLOSED

    @property
    def hard_deadline(self):
        """The last moment a change is accepted: the published deadline plus the grace."""
        return self.nominations_close_at + timezone.timedelta(minutes=self.grace_minutes)

    @property
    def ends_at(self):
        """When the cycle's work is over: the latest of the deadline (with its grace), the end
        of judging and the results date (a date counts until the end of that day)."""
        ends = [self.hard_deadline]
        zone = timezone.get_current_timezone()
        for day in (self.judging_ends_on, self.results_on):
            if day:
                ends.append(timezone.make_aware(datetime.combine(day, time.max), zone))
        return max(ends)

    @property
    def retention_ends_at(self):
        """After this moment the personal data of the cycle's nominations is removed."""
        return self.ends_at + timedelta(days=self.retention_days)


class Category(models.Model):
    cycle = models.ForeignKey(
        AwardCycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="categories"
    )
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    eligibility_en = models.TextField(_("eligibility (English)"), blank=True)
    eligibility_fr = models.TextField(_("eligibility (French)"), blank=True)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("accepts nominations"), default=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["cycle", "sort_order", "name_en"]

    def __str__(self):
        return self.name

    name = LocalisedText()
    description = LocalisedText()
    eligibility = LocalisedText()
