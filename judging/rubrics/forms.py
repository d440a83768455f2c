"""The rubric's admin form, with the rules that keep scores meaningful (weights, a descriptor
for every level, criteria kept once scored), and the formset helpers other admin forms share."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from judging.models import CriterionScore, ScoresheetStatus
from judging.rubrics.rules import levels_problem, weights_problem


def live_rows(formset):
    """The forms of an inline formset that will be saved: filled in and not marked for deletion."""
    rows = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if not data or data.get("DELETE"):
            continue
        rows.append(form)
    return rows


def deleted_rows(formset):
    return [
        form
        for form in formset.forms
        if getattr(form, "cleaned_data", None)
        and form.cleaned_data.get("DELETE")
        and form.instance.pk
    ]


def add_formset_error(formset, message):
    """Shown at the top of the inline panel, and makes the whole form invalid."""
    formset.non_form_errors().append(message)


class RubricForm(WagtailAdminModelForm):
    """Weights add up to 100 and every score of the scale has a descriptor. Once judges have
    submitted scores against a rubric, its criteria, weights and scale stay as they are: changing
    them would change the meaning of scores already given (wording can still be improved)."""

    def scores_exist(self, submitted_only):
        if not self.instance.pk:
            return False
        scores = CriterionScore.objects.filter(criterion__rubric=self.instance)
        if submitted_only:
            scores = scores.filter(scoresheet__status=ScoresheetStatus.SUBMITTED)
        return scores.exists()

    def clean(self):
        cleaned = super().clean()
        criteria = self.formsets["criteria"]
        levels = self.formsets["levels"]
        if criteria.is_valid():
            problem = weights_problem(
                [form.cleaned_data.get("weight") for form in live_rows(criteria)]
            )
            if problem:
                add_formset_error(criteria, problem)
            self._check_scored_criteria(criteria)
        if levels.is_valid():
            problem = levels_problem(
                cleaned.get("scale_min"),
                cleaned.get("scale_max"),
                [form.cleaned_data.get("value") for form in live_rows(levels)],
            )
            if problem:
                add_formset_error(levels, problem)
        if self.scores_exist(submitted_only=True):
            for field in ("scale_min", "scale_max"):
                if field in self.changed_data:
                    self.add_error(
                        field,
                        _(
                            "Judges have already submitted scores on this scale, so it cannot "
                            "change. Copy the rubric to use another scale in a new round."
                        ),
                    )
        return cleaned

    def _check_scored_criteria(self, criteria):
        if not self.instance.pk:
            return
        removed = deleted_rows(criteria)
        scored_ids = set(
            CriterionScore.objects.filter(
                criterion__in=[form.instance.pk for form in removed]
            ).values_list("criterion_id", flat=True)
        )
        for form in removed:
            if form.instance.pk in scored_ids:
                add_formset_error(
                    criteria,
                    _(
                        "“%(name)s” already has judges' scores, so it cannot be removed. Keep it, "
                        "or copy the rubric and change the copy for a new round."
                    )
                    % {"name": form.instance.name_en},
                )
        if not self.scores_exist(submitted_only=True):
            return
        message = _(
            "Judges have already submitted scores against this rubric, so its criteria and "
            "weights cannot change (you can still improve the wording). Copy the rubric and "
            "change the copy for a new round."
        )
        changed = [
            form
            for form in live_rows(criteria)
            if not form.instance.pk or "weight" in form.changed_data
        ]
        if changed or removed:
            add_formset_error(criteria, message)
