"""Admin forms of assignments: one by hand (the entry by its reference, a judge who may take
it: judging/assignment/manual.py says why not) and the change of its due date."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from judging.assignment import manual
from judging.models import Assignment, JudgeProfile, Round


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
        refusal = manual.round_refusal(round)
        if refusal:
            self.add_error("round", refusal)
            return cleaned
        if not reference:
            return cleaned
        try:
            nomination = manual.entry_for(round, reference)
        except manual.ManualAssignmentRefused as refused:
            self.add_error("reference", refused.message)
            return cleaned
        self.instance.nomination = nomination
        if judge:
            problem = manual.judge_problem(round, nomination, judge)
            if problem:
                self.add_error("judge", problem)
        return cleaned


class AssignmentEditForm(WagtailAdminModelForm):
    class Meta:
        model = Assignment
        fields = ["due_on"]
