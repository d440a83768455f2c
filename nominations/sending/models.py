"""What sending a nomination records: each sent version of it (versions.py), and the counters
that number references per cycle and country (references.py)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nominations.cycles.models import (  # noqa: F401  (Django loads the app's models from here)
    AwardCycle,
    AwardCycleQuerySet,
    Category,
    CycleState,
)


class NominationVersion(models.Model):
    """What the nominator sent, each time: the first submission is version 1, every "Send
    changes" the next. The answers and the evidence list as they were (versions.py); judges
    are given a version, and see the differences when a newer one arrives."""

    nomination = models.ForeignKey(
        "nominations.Nomination",
        on_delete=models.CASCADE,
        related_name="versions",
        verbose_name=_("nomination"),
    )
    number = models.PositiveIntegerField(_("version"))
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # {field name: value as JSON} of every answer (versions.SNAPSHOT_FIELDS).
    answers = models.JSONField(default=dict)
    # [{"id", "name", "kind", "size", "sha256"}] of the evidence files, in upload order.
    evidence = models.JSONField(default=list)

    class Meta:
        verbose_name = _("nomination version")
        verbose_name_plural = _("nomination versions")
        ordering = ["nomination", "number"]
        constraints = [
            models.UniqueConstraint(fields=["nomination", "number"], name="one_version_number")
        ]

    def __str__(self):
        return _("Version %(number)s") % {"number": self.number}


class ReferenceCounter(models.Model):
    """The last sequence number given in a cycle and country (see references.py)."""

    cycle = models.ForeignKey(AwardCycle, on_delete=models.CASCADE)
    country = models.CharField(max_length=2)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "country"], name="one_counter_per_cycle_country"
            )
        ]

    def __str__(self):
        return f"{self.cycle_id}-{self.country}: {self.last_number}"
