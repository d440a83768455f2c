"""Results: moderation notes, the decision on each entry of a round and the record of
published results."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from judging.rounds.models import Round
from nominations.models import Nomination
from nominations.statuses import STATUSES, outcome_choices


class ModerationNote(models.Model):
    """What administrators note while they moderate a round's results."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="moderation_notes")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("moderation note")
        verbose_name_plural = _("moderation notes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:60]


# The outcomes a round may decide: the nomination statuses declared `decidable`.
Outcome = STATUSES.enum("Outcome", STATUSES.where(decidable=True))


class RoundDecision(models.Model):
    """An outcome decided from a round's results. It becomes the nomination's status, and the
    nominator hears of it, when the round's results are published (decisions.py)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="decisions")
    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="round_decisions"
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=outcome_choices)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        constraints = [
            models.UniqueConstraint(fields=["round", "nomination"], name="one_decision_per_entry")
        ]

    def __str__(self):
        return gettext("%(label)s: %(value)s") % {
            "label": self.nomination,
            "value": self.get_outcome_display(),
        }


class PublishedResults(models.Model):
    """A round's results as they were published (results.record_published_results): every
    entry's figures and rank, kept so that what sponsors, exports and reports read afterwards is
    the published record, read in one row rather than computed again."""

    round = models.OneToOneField(
        Round, on_delete=models.CASCADE, primary_key=True, related_name="published_record"
    )
    entries = models.JSONField(encoder=DjangoJSONEncoder)
    # When the results were published (the round's results_published_at), not when this row
    # was written: a demo or an import may write it long after.
    published_at = models.DateTimeField(_("published"))

    class Meta:
        verbose_name = _("published results")
        verbose_name_plural = _("published results")

    def __str__(self):
        return str(self.round)
