"""Forms of the judging admin: rubric and round editing with the rules that keep scores
meaningful, judge profiles with their panels, judge invitations and assignments by hand."""

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from awards_site.countries import COUNTRY_CHOICES
from judging.assignment.balancing import has_conflict, likely_conflict
from judging.models import (
    ENTERING_STATUS_CHOICES,
    Assignment,
    CriterionScore,
    JudgeProfile,
    PanelMembership,
    Round,
    ScoresheetStatus,
)
from judging.rubrics.rules import levels_problem, weights_problem
from nominations.models import AwardCycle, Category


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


class CategoryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, category):
        return f"{category.cycle} – {category.name}"


def categories_with_cycles():
    return Category.objects.select_related("cycle").order_by(
        "-cycle__nominations_open_at", "sort_order", "name_en"
    )


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
                    formset,
                    _("“%(category)s” has two rubrics. Keep one.") % {"category": category},
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


class PanelsField(forms.MultipleChoiceField):
    """Panel memberships as "cycle:category" choices ("cycle:" for every category)."""

    widget = forms.CheckboxSelectMultiple

    @staticmethod
    def key(cycle_id, category_id):
        return f"{cycle_id}:{category_id or ''}"

    @staticmethod
    def parse(key):
        cycle_id, _sep, category_id = key.partition(":")
        return int(cycle_id), int(category_id) if category_id else None

    def load_choices(self):
        choices = []
        categories = {}
        for category in Category.objects.order_by("sort_order", "name_en"):
            categories.setdefault(category.cycle_id, []).append(category)
        for cycle in AwardCycle.objects.all():
            options = [(self.key(cycle.pk, None), _("All categories"))]
            options += [
                (self.key(cycle.pk, category.pk), category.name)
                for category in categories.get(cycle.pk, [])
            ]
            choices.append((str(cycle), options))
        self.choices = choices


def sync_panels(profile, keys):
    """Make the judge's panel memberships exactly the given "cycle:category" keys."""
    wanted = {PanelsField.parse(key) for key in keys}
    current = {
        (membership.cycle_id, membership.category_id): membership
        for membership in profile.panel_memberships.all()
    }
    for pair, membership in current.items():
        if pair not in wanted:
            membership.delete()
    PanelMembership.objects.bulk_create(
        [
            PanelMembership(judge=profile, cycle_id=cycle_id, category_id=category_id)
            for cycle_id, category_id in wanted - set(current)
        ]
    )


class JudgeProfileForm(WagtailAdminModelForm):
    expertise = CategoryChoiceField(
        label=_("Expertise"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Judges are preferred for entries of their categories of expertise."),
    )
    panels = PanelsField(
        label=_("Panels"),
        required=False,
        help_text=_(
            "The cycles and categories this judge may be assigned entries of. “All categories” "
            "covers every category of the cycle."
        ),
    )

    class Meta:
        model = JudgeProfile
        fields = ["organisation", "country", "expertise", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expertise"].queryset = categories_with_cycles()
        self.fields["panels"].load_choices()
        if self.instance.pk:
            self.initial["panels"] = [
                PanelsField.key(membership.cycle_id, membership.category_id)
                for membership in self.instance.panel_memberships.all()
            ]

    def save(self, commit=True):
        profile = super().save(commit=commit)
        if commit:
            sync_panels(profile, self.cleaned_data.get("panels", []))
        return profile


LANGUAGE_CHOICES = settings.LANGUAGES


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        error_messages={"required": _("Enter the judge's email address.")},
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    language = forms.ChoiceField(
        label=_("Language of the emails"),
        choices=LANGUAGE_CHOICES,
        help_text=_("For a new account. A judge who already has one keeps their own choice."),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("Used to find likely conflicts with entries from the same organisation."),
    )
    country = forms.ChoiceField(
        label=_("Country"), choices=[("", "—"), *COUNTRY_CHOICES], required=False
    )
    expertise = CategoryChoiceField(
        label=_("Expertise"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    cycle = forms.ModelChoiceField(
        label=_("Panel of the cycle"),
        queryset=AwardCycle.objects.all(),
        required=False,
        help_text=_("Leave empty to invite the judge without a panel for now."),
    )
    categories = CategoryChoiceField(
        label=_("Panel categories"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked for every category of the cycle."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expertise"].queryset = categories_with_cycles()
        self.fields["categories"].queryset = categories_with_cycles()
        current = AwardCycle.objects.current()
        if current and not self.is_bound:
            self.initial.setdefault("cycle", current.pk)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        cycle, categories = cleaned.get("cycle"), cleaned.get("categories")
        if categories and not cycle:
            self.add_error("cycle", _("Choose the cycle of the panel categories you ticked."))
        elif cycle and categories:
            others = [category for category in categories if category.cycle_id != cycle.pk]
            if others:
                self.add_error(
                    "categories",
                    _("%(categories)s belong to another cycle. Tick categories of %(cycle)s.")
                    % {
                        "categories": ", ".join(category.name for category in others),
                        "cycle": cycle,
                    },
                )
        return cleaned


class JudgeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, profile):
        return f"{profile.display_name} <{profile.user.email}>"


class AssignmentAddForm(WagtailAdminModelForm):
    """An assignment by hand: the entry by its reference; the judge must sit on the entry's panel
    and have no conflict with it."""

    reference = forms.CharField(
        label=_("Entry reference"),
        max_length=32,
        help_text=_("The nomination's reference, for example CX27-KE-0001."),
        error_messages={"required": _("Enter the reference of the entry.")},
    )
    judge = JudgeChoiceField(
        label=_("Judge"),
        queryset=JudgeProfile.objects.none(),
        help_text=_("An active judge on the entry's panel, without a conflict with it."),
        error_messages={"required": _("Choose the judge.")},
    )

    class Meta:
        model = Assignment
        fields = ["round", "reference", "judge", "due_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["round"].queryset = Round.objects.select_related("cycle")
        self.fields["round"].error_messages["required"] = _("Choose the round.")
        self.fields["judge"].queryset = JudgeProfile.objects.filter(is_active=True).select_related(
            "user"
        )
        self.fields["due_on"].required = False
        self.fields["due_on"].help_text = _("Leave empty for the round's due date.")

    def clean(self):
        cleaned = super().clean()
        round, judge, reference = (
            cleaned.get("round"),
            cleaned.get("judge"),
            cleaned.get("reference", "").strip(),
        )
        if not round:
            return cleaned
        if round.is_closed():
            self.add_error("round", _("This round has closed: its assignments cannot change."))
            return cleaned
        if not reference:
            return cleaned
        nomination = (
            round.entries().filter(reference__iexact=reference).select_related("category").first()
        )
        if nomination is None:
            self.add_error(
                "reference",
                _(
                    "No entry of this round has the reference “%(reference)s”. Check the "
                    "reference, and that the nomination's status is one the round takes."
                )
                % {"reference": reference},
            )
            return cleaned
        self.instance.nomination = nomination
        if not cleaned.get("due_on"):
            cleaned["due_on"] = round.scores_due_on
            self.instance.due_on = round.scores_due_on
        if judge:
            problem = judge_problem(round, nomination, judge)
            if problem:
                self.add_error("judge", problem)
        return cleaned


def judge_problem(round, nomination, judge):
    """Why the judge cannot be given the entry by hand, or None."""
    from judging.assignment import run as assignment_run

    if assignment_run.assignable_judges(round, nomination).filter(pk=judge.pk).exists():
        return None
    if Assignment.objects.filter(round=round, nomination=nomination, judge=judge).exists():
        return _("%(judge)s already has this entry.") % {"judge": judge}
    on_panel = PanelMembership.objects.filter(judge=judge, cycle=round.cycle_id).filter(
        Q(category__isnull=True) | Q(category=nomination.category_id)
    )
    if not on_panel.exists():
        return _(
            "%(judge)s does not sit on the panel of this entry's category. Add the panel on "
            "their judge page first."
        ) % {"judge": judge}
    judges = {j.id: j for j, _categories in assignment_run.panel_judges(round)}
    entries = assignment_run.round_entries(round).get(nomination.category_id, [])
    entry = next((e for e in entries if e.id == nomination.pk), None)
    found = judges.get(judge.pk)
    if found and entry and likely_conflict(found, entry):
        return _(
            "%(judge)s probably has a conflict with this entry (same organisation or email "
            "domain). If there is none, clear it on the Conflicts page first."
        ) % {"judge": judge}
    if found and entry and has_conflict(found, entry):
        return _("%(judge)s has declared a conflict with this entry. Choose another judge.") % {
            "judge": judge
        }
    return _("%(judge)s cannot judge this entry. Choose another judge.") % {"judge": judge}


class AssignmentEditForm(WagtailAdminModelForm):
    class Meta:
        model = Assignment
        fields = ["due_on"]
