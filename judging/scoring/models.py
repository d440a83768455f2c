"""Scoresheets: a judge's scores of one assigned entry, criterion by criterion, with the
sheet's figures stored when it is submitted (judging/scoring/sheet_figures.py)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from judging.assignment.models import Assignment
from judging.rubrics.models import Criterion
from nominations.models import NominationVersion


class ScoresheetStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class Recommendation(models.TextChoices):
    YES = "yes", _("Recommend")
    MAYBE = "maybe", _("Recommend with reservations")
    NO = "no", _("Do not recommend")


class Scoresheet(models.Model):
    assignment = models.OneToOneField(
        Assignment, on_delete=models.CASCADE, related_name="scoresheet"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ScoresheetStatus.choices,
        default=ScoresheetStatus.DRAFT,
        db_index=True,
    )
    overall_comment = models.TextField(_("overall comment"), blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=8, choices=Recommendation.choices, blank=True
    )
    # Optimistic concurrency: every save raises it; a save based on an older one is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    # The version of the entry these scores are for (the assignment's, at each save).
    nomination_version = models.ForeignKey(
        NominationVersion,
        verbose_name=_("version scored"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    # What the sheet contributes to the results, stored when it is submitted and cleared when it
    # is reopened (judging/scoring/sheet_figures.py), so the results read sheets, not criterion
    # scores.
    weighted_score = models.FloatField(_("weighted score"), null=True, editable=False)
    top_criterion_score = models.SmallIntegerField(null=True, editable=False)
    top_scores = models.PositiveSmallIntegerField(null=True, editable=False)

    class Meta:
        verbose_name = _("scoresheet")
        verbose_name_plural = _("scoresheets")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="submitted") | models.Q(weighted_score__isnull=False),
                name="submitted_sheet_has_its_score",
            )
        ]

    def __str__(self):
        return str(self.assignment)

    @property
    def is_submitted(self):
        return self.status == ScoresheetStatus.SUBMITTED


class CriterionScore(models.Model):
    scoresheet = models.ForeignKey(Scoresheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    score = models.SmallIntegerField(_("score"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scoresheet", "criterion"], name="one_score_per_criterion"
            )
        ]

    def __str__(self):
        return gettext("%(label)s: %(value)s") % {"label": self.criterion, "value": self.score}
