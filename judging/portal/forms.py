"""The judge portal's forms: the scoresheet (built from the entry's rubric), the conflict check of
an entry and a cycle-wide conflict. They render through the site's accessible form templates."""

from django import forms
from django.utils.functional import SimpleLazyObject, lazy
from django.utils.translation import gettext_lazy as _

from awards_site.forms import AccessibleFormMixin
from awards_site.vocabularies.countries import country_choices_sorted
from judging.models import Recommendation


class ScoresheetForm(AccessibleFormMixin, forms.Form):
    """A radio group and a comment per criterion, an overall comment and a recommendation.
    Every field may stay empty in a draft; completeness is checked when submitting."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, rubric, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rubric = rubric
        self.criteria = list(rubric.criteria.all())
        # The levels' descriptors are read when a label is first shown: a save that is valid
        # redirects without reading them.
        descriptors = SimpleLazyObject(
            lambda: {level.value: level.descriptor for level in rubric.levels.all()}
        )

        def label(value):
            descriptor = descriptors.get(value)
            return f"{value} – {descriptor}" if descriptor else str(value)

        choices = [(value, lazy(label, str)(value)) for value in rubric.scale]
        for criterion in self.criteria:
            self.fields[self.score_name(criterion)] = forms.TypedChoiceField(
                label=_("%(name)s (weight %(weight)s%%)")
                % {"name": criterion.name, "weight": criterion.weight},
                help_text=criterion.guidance,
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
                widget=forms.RadioSelect,
                # Needed to submit, not to save a draft: no "(optional)" beside it.
                template_name="judging/portal/score_field.html",
                error_messages={
                    "invalid_choice": _("Choose one of the scores from %(min)s to %(max)s.")
                    % {"min": rubric.scale_min, "max": rubric.scale_max}
                },
            )
            self.fields[self.comment_name(criterion)] = forms.CharField(
                label=_("Comment on “%(name)s”") % {"name": criterion.name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.fields["overall_comment"] = forms.CharField(
            label=_("Overall comment"), required=False, widget=forms.Textarea(attrs={"rows": 5})
        )
        self.fields["recommendation"] = forms.ChoiceField(
            label=_("Your recommendation"),
            choices=Recommendation.choices,
            required=False,
            widget=forms.RadioSelect,
            template_name="judging/portal/score_field.html",
        )

    @staticmethod
    def score_name(criterion):
        return f"score_{criterion.pk}"

    @staticmethod
    def comment_name(criterion):
        return f"comment_{criterion.pk}"

    def criterion_fields(self):
        """(criterion, score field, comment field) for the template."""
        return [
            (criterion, self[self.score_name(criterion)], self[self.comment_name(criterion)])
            for criterion in self.criteria
        ]

    def scores(self):
        """criterion id -> (score or None, comment), for scoring.save()."""
        data = self.cleaned_data
        return {
            criterion.pk: (
                data.get(self.score_name(criterion)),
                data.get(self.comment_name(criterion), ""),
            )
            for criterion in self.criteria
        }

    @classmethod
    def initial_from(cls, scoresheet):
        """Initial values from a saved scoresheet (None: a new, empty one)."""
        if scoresheet is None:
            return {"version": 1}
        initial = {
            "version": scoresheet.version,
            "overall_comment": scoresheet.overall_comment,
            "recommendation": scoresheet.recommendation,
        }
        for score in scoresheet.scores.all():
            initial[f"score_{score.criterion_id}"] = score.score
            initial[f"comment_{score.criterion_id}"] = score.comment
        return initial

    def unsaved_input(self):
        """What the judge typed, as text, whatever its validity: shown back when a save is
        refused (the round closed meanwhile) so nothing typed is lost. [(label, text), ...]"""
        data = self.data
        lines = []
        for criterion in self.rubric.criteria.all():
            score = data.get(self.add_prefix(self.score_name(criterion)), "").strip()
            comment = data.get(self.add_prefix(self.comment_name(criterion)), "").strip()
            if score or comment:
                text = " – ".join(part for part in (score, comment) if part)
                lines.append((criterion.name, text))
        for name in ("overall_comment", "recommendation"):
            value = data.get(self.add_prefix(name), "").strip()
            if value:
                field = self.fields[name]
                choices = dict(getattr(field, "choices", ()))
                lines.append((field.label, str(choices.get(value, value))))
        return lines

    def rebound(self, version):
        """The same typed input, bound again with another version (after a save or a conflict)."""
        data = self.data.copy()
        data[self.add_prefix("version")] = str(version)
        form = type(self)(self.rubric, data=data, prefix=self.prefix)
        form.is_valid()
        return form

    def add_missing_errors(self, missing_criteria, missing_recommendation):
        for criterion in missing_criteria:
            self.add_error(
                self.score_name(criterion),
                _("Choose a score for “%(name)s”, then submit again.") % {"name": criterion.name},
            )
        if missing_recommendation:
            self.add_error("recommendation", _("Choose your recommendation, then submit again."))


class ConflictForm(AccessibleFormMixin, forms.Form):
    """The judge has a conflict with an entry."""

    reason = forms.CharField(
        label=_("What is the conflict?"),
        help_text=_(
            "For example: “I worked for this agency until last year.” "
            "Only the awards team reads it."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CycleConflictForm(AccessibleFormMixin, forms.Form):
    """A conflict with an organisation or a whole country for the cycle."""

    organisation = forms.CharField(
        label=_("Organisation"),
        help_text=_("Its full name, as nominees write it. Leave empty for a country."),
        required=False,
        max_length=200,
    )
    country = forms.ChoiceField(
        label=_("Country"),
        help_text=_("Every entry from this country. Leave empty for an organisation."),
        choices=lambda: country_choices_sorted(blank_label=_("No country")),
        required=False,
    )
    reason = forms.CharField(
        label=_("What is the conflict?"),
        help_text=_("Only the awards team reads it."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self):
        data = super().clean()
        if not data.get("organisation", "").strip() and not data.get("country"):
            self.add_error(
                "organisation", _("Write the organisation's name, or choose a country below.")
            )
        return data
