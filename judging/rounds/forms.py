"""The round's admin form: dates in order, entering statuses, category rubrics, and what cannot
change once judges have scored."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from judging.models import ENTERING_STATUS_CHOICES, CriterionScore
from judging.rubrics.forms import add_formset_error, deleted_rows, live_rows
from nominations.models import Category


class RoundForm(WagtailAdminModelForm):
    entering_statuses = forms.MultipleChoiceField(
        label=_("Entries taken from nominations that are"),
        choices=ENTERING_STATUS_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Screening usually takes eligible nominations; a final, shortlisted ones."),
        error_messages={
            "required": _("Tick at least one status, so the round has entries to judge.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Category rows (the ones shown and the ones added in the page) offer the round's
        # cycle's categories once it has one, else every category named with its cycle.
        formset = self.formsets["category_rubrics"]
        cycle_id = self.instance.cycle_id
        categories = Category.objects.select_related("cycle")
        if cycle_id:
            categories = categories.filter(cycle=cycle_id)

        class CategoryRubricForm(formset.form):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                field = self.fields["category"]
                field.queryset = categories
                if not cycle_id:
                    field.label_from_instance = lambda category: (
                        f"{category.cycle} – {category.name}"
                    )

        formset.form = CategoryRubricForm

    def clean(self):
        cleaned = super().clean()
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        due = cleaned.get("scores_due_on")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error("closes_at", _("Choose a closing time after the opening time."))
        elif opens_at and closes_at and due and not (opens_at.date() <= due <= closes_at.date()):
            self.add_error(
                "scores_due_on",
                _("Choose a due date between the day the round opens and the day it closes."),
            )
        self._check_category_rubrics(cleaned.get("cycle"))
        self._check_locked_changes(cleaned)
        return cleaned

    def _check_category_rubrics(self, cycle):
        formset = self.formsets["category_rubrics"]
        if not formset.is_valid():
            return
        seen = set()
        for form in live_rows(formset):
            category = form.cleaned_data.get("category")
            if category is None:
                continue
            if cycle and category.cycle_id != cycle.pk:
                add_formset_error(
                    formset,
                    _("“%(category)s” belongs to another cycle. Choose a category of %(cycle)s.")
                    % {"category": category, "cycle": cycle},
                )
            if category.pk in seen:
                add_formset_error(
                    formset, _("“%(category)s” has two rubrics. Keep one.") % {"category": category}
                )
            seen.add(category.pk)

    def _check_locked_changes(self, cleaned):
        """Scores already given belong to the rubric they were given with, and assignments to
        the round's cycle."""
        if not self.instance.pk:
            return
        if "cycle" in self.changed_data and self.instance.assignments.exists():
            self.add_error(
                "cycle",
                _(
                    "Judges are already assigned in this round, so it stays in its cycle. "
                    "Create a new round for the other cycle."
                ),
            )
        overrides = self.formsets["category_rubrics"]
        rubrics_changed = "rubric" in self.changed_data or (
            overrides.is_valid()
            and (any(form.has_changed() for form in overrides.forms) or deleted_rows(overrides))
        )
        if (
            rubrics_changed
            and CriterionScore.objects.filter(scoresheet__assignment__round=self.instance).exists()
        ):
            self.add_error(
                "rubric",
                _(
                    "Judges have already scored entries of this round, so its rubrics cannot "
                    "change. Improve the rubric's wording instead, or create a new round."
                ),
            )
