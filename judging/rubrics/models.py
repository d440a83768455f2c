"""Rubrics: what judges score (weighted criteria on one scale, with a descriptor for
every level). The rules on weights and levels are in judging/rubrics/rules.py."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from awards_site.i18n import LocalisedText
from judging.rubrics.rules import weights_problem


class Rubric(ClusterableModel):
    """What judges score: weighted criteria on one scale, with a descriptor for every level.

    The criteria's weights add up to 100, a rule of the model: a rubric is saved with its
    criteria (modelcluster: the admin's form, a copy, the demo, code), and `save` refuses
    weights that do not add up (`WeightsDoNotAddUp`, a ValidationError), writing nothing.
    """

    name = models.CharField(_("name"), max_length=120)
    scale_min = models.PositiveSmallIntegerField(_("lowest score"), default=1)
    scale_max = models.PositiveSmallIntegerField(
        _("highest score"), default=5, validators=[MaxValueValidator(100)]
    )

    class Meta:
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scale_max__gt=models.F("scale_min")),
                name="rubric_scale_has_a_range",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def scale(self):
        return range(self.scale_min, self.scale_max + 1)

    def weights_problem(self):
        """The message when the criteria this rubric holds (those given to it, not saved yet,
        or else those saved) do not add up to 100, else None."""
        return weights_problem([criterion.weight for criterion in self.criteria.all()])

    def save(self, *args, **kwargs):
        problem = self.weights_problem()
        if problem:
            raise WeightsDoNotAddUp(problem, code="weights")
        super().save(*args, **kwargs)


class WeightsDoNotAddUp(ValidationError):
    """A rubric whose criteria's weights do not add up to 100 was about to be saved."""


class Criterion(Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_fr = models.CharField(_("name (French)"), max_length=120, blank=True)
    guidance_en = models.TextField(_("guidance for judges (English)"), blank=True)
    guidance_fr = models.TextField(_("guidance for judges (French)"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight (%)"),
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("The weights of a rubric's criteria add up to 100."),
    )

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self):
        return self.name

    name = LocalisedText()
    guidance = LocalisedText()


class ScaleLevel(Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="levels")
    value = models.SmallIntegerField(_("score"))
    descriptor_en = models.CharField(_("what it means (English)"), max_length=200)
    descriptor_fr = models.CharField(_("what it means (French)"), max_length=200, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("scale level")
        verbose_name_plural = _("scale levels")
        constraints = [
            models.UniqueConstraint(fields=["rubric", "value"], name="one_descriptor_per_level")
        ]

    def __str__(self):
        return gettext("%(label)s: %(value)s") % {"label": self.value, "value": self.descriptor}

    descriptor = LocalisedText()
