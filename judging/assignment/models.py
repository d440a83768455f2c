"""Assignments: which judge scores which entry in a round."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from judging.panel.models import JudgeProfile
from judging.rounds.models import Round
from nominations.models import Nomination, NominationVersion


class Assignment(models.Model):
    round = models.ForeignKey(
        Round, verbose_name=_("round"), on_delete=models.CASCADE, related_name="assignments"
    )
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("entry"),
        on_delete=models.PROTECT,
        related_name="judge_assignments",
    )
    judge = models.ForeignKey(
        JudgeProfile, verbose_name=_("judge"), on_delete=models.PROTECT, related_name="assignments"
    )
    due_on = models.DateField(_("due"))
    # The version of the entry the judge was given (the latest sent when assigned; the judge
    # may move to a newer one while their scoresheet is not submitted: judging/portal/views.py).
    nomination_version = models.ForeignKey(
        NominationVersion,
        verbose_name=_("version given"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    # The judge has seen the entry's name, country and category and said they have no conflict.
    conflict_checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_on", "nomination__reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "nomination", "judge"], name="one_assignment_per_judge_entry"
            )
        ]
        indexes = [models.Index(fields=["judge", "round"])]

    def __str__(self):
        return f"{self.nomination} – {self.judge}"
