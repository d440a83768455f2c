"""Rounds: a cycle's stages of judging (screening, final), with their dates, what judges see
and the rubric of each category."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from awards_site.i18n import LocalisedText
from judging.rubrics.models import Rubric
from nominations.choices import NominationStatus
from nominations.models import AwardCycle, Category, Nomination


class RoundKind(models.TextChoices):
    SCREENING = "screening", _("Screening (shortlist)")
    FINAL = "final", _("Final")


class ScoreVisibility(models.TextChoices):
    NEVER = "never", _("Never")
    AFTER_OWN = "after_own", _("After submitting their own scoresheet")
    AFTER_CLOSE = "after_close", _("After the round closes")


# Statuses a round may take entries from.
ENTERING_STATUS_CHOICES = [
    (status.value, status.label)
    for status in (NominationStatus.ELIGIBLE, NominationStatus.SHORTLISTED)
]


class Round(ClusterableModel):
    cycle = models.ForeignKey(
        AwardCycle, verbose_name=_("cycle"), on_delete=models.CASCADE, related_name="rounds"
    )
    name_en = models.CharField(_("name (English)"), max_length=80)
    name_fr = models.CharField(_("name (French)"), max_length=80, blank=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=RoundKind.choices, default=RoundKind.SCREENING
    )
    rubric = models.ForeignKey(
        Rubric,
        verbose_name=_("rubric"),
        on_delete=models.PROTECT,
        related_name="rounds",
        help_text=_("Used for every category unless a category has its own rubric below."),
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(
        _("closes"), help_text=_("After this moment no scoresheet of the round can change.")
    )
    scores_due_on = models.DateField(
        _("scores due"), help_text=_("The due date given to new assignments.")
    )
    entering_statuses = models.JSONField(
        _("entries taken from nominations that are"),
        default=list,
        help_text=_("Screening usually takes eligible nominations; a final, shortlisted ones."),
    )
    judges_per_entry = models.PositiveSmallIntegerField(
        _("judges per entry"), default=3, validators=[MinValueValidator(1), MaxValueValidator(9)]
    )
    hide_nominator = models.BooleanField(
        _("hide who nominated"),
        default=True,
        help_text=_("Judges do not see the nominator or the contact person."),
    )
    score_visibility = models.CharField(
        _("judges see each other's scores"),
        max_length=12,
        choices=ScoreVisibility.choices,
        default=ScoreVisibility.AFTER_CLOSE,
    )
    entrant_feedback = models.BooleanField(
        _("share judges' comments with entrants"),
        default=False,
        help_text=_(
            "After the results are published, nominators read the judges' comments on their "
            "entry, without the judges' names."
        ),
    )
    disagreement_threshold = models.PositiveSmallIntegerField(
        _("disagreement flag (points)"),
        default=25,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "An entry is flagged when its highest and lowest weighted scores (0 to 100) are "
            "this far apart or more."
        ),
    )
    results_published_at = models.DateTimeField(
        _("results published"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("judging round")
        verbose_name_plural = _("judging rounds")
        ordering = ["cycle", "opens_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="round_closes_after_opening",
            )
        ]

    def __str__(self):
        return f"{self.cycle} – {self.name}"

    name = LocalisedText()

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_closed(self, now=None):
        return (now or timezone.now()) >= self.closes_at

    @property
    def results_published(self):
        return self.results_published_at is not None

    def rubric_for(self, category_id):
        """The category's own rubric when it has one, else the round's."""
        for override in self.category_rubrics.all():
            if override.category_id == category_id:
                return override.rubric
        return self.rubric

    def entries(self):
        """The nominations this round judges."""
        return Nomination.objects.filter(cycle=self.cycle_id, status__in=self.entering_statuses)


class CategoryRubric(Orderable):
    round = ParentalKey(Round, on_delete=models.CASCADE, related_name="category_rubrics")
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.CASCADE)
    rubric = models.ForeignKey(Rubric, verbose_name=_("rubric"), on_delete=models.PROTECT)

    class Meta(Orderable.Meta):
        verbose_name = _("category rubric")
        verbose_name_plural = _("category rubrics")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "category"], name="one_rubric_per_round_category"
            )
        ]

    def __str__(self):
        return gettext("%(label)s: %(value)s") % {"label": self.category, "value": self.rubric}
