"""One form per step of the nomination wizard. Model fields are optional in the database (a draft
is incomplete by nature); each step form says which answers it needs before moving on."""

from django import forms
from django.db import transaction
from django.forms.models import ModelChoiceIterator, model_to_dict
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from awards_site.forms import AccessibleFormMixin, ModelChoiceField
from awards_site.vocabularies.countries import country_choices_sorted
from nominations import phones
from nominations.choices import OrganisationKind, Relation
from nominations.mine import case_study_consent
from nominations.models import WORD_LIMITS, Category, EvidenceFile, Nomination
from nominations.privacy.consents import record_declaration
from nominations.sending import organisations
from nominations.validators import (
    decimals_message,
    looks_like_a_decimal,
    plain_number,
    plain_number_field,
)
from nominations.wizard import measured
from nominations.wizard.declaration import DECLARATION_VERSION
from nominations.wizard.evidence import ACCEPT, attach, check_evidence, limit_problem

RESULT_FIELDS = ("results", "citizen_impact", "sustainability")
# What each number of the results step is, for its message ("Enter a score between ...").
NUMBER_KINDS = {
    "nps_before": "score",
    "nps_after": "score",
    "customer_effort_score": "score",
    "first_contact_resolution": "percentage",
    "turnaround_before": "number",
    "turnaround_after": "number",
    "satisfaction": "percentage",
}
METRIC_FIELDS = (
    "baseline_period",
    "latest_period",
    "nps_before",
    "nps_after",
    "customer_effort_score",
    "first_contact_resolution",
    "turnaround_before",
    "turnaround_after",
    "turnaround_unit",
    "satisfaction",
)


class StepForm(AccessibleFormMixin, forms.ModelForm):
    required_fields = ()
    title = ""

    @classmethod
    def stored_data(cls, nomination):
        """The nomination's saved answers in the shape this form takes when bound, so the
        task list can ask the form itself whether its section is complete."""
        data = {}
        for name, value in model_to_dict(nomination, fields=cls._meta.fields).items():
            if isinstance(value, bool):
                if value:
                    data[name] = "on"
            elif value is not None:
                data[name] = value
        return data

    def written_fields(self):
        """The nomination's columns a save of this step writes (drafts.save_step)."""
        own = {field.name for field in Nomination._meta.concrete_fields}
        return [name for name in self._meta.fields if name in own]

    def prepare_write(self):
        """Set on the nomination what a save writes besides the form's own answers; return
        what must follow the write in the same transaction (a callable), or None."""
        return None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.required_fields:
            self.fields[name].required = True
        for name, limit in WORD_LIMITS.items():
            if name in self.fields:
                field = self.fields[name]
                field.widget.attrs.update(
                    {
                        "rows": 6,
                        "data-word-limit": limit,
                        # For the live counter of static/js/site.js.
                        "data-word-count-text": _("{count} of {limit} words"),
                    }
                )
                field.help_text = _("%(help)s Up to %(limit)d words.") % {
                    "help": field.help_text,
                    "limit": limit,
                }


class ChoicesOfTheQueryset(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:  # evaluated once, then its results are reused
            yield self.choice(obj)


class CategoryStepForm(StepForm):
    title = _("Category and eligibility")
    required_fields = ("category", "relation")

    eligibility_confirmed = forms.BooleanField(
        label=_(
            "I confirm the organisation is a public body of one of the 54 African "
            "states and meets the category’s eligibility rules"
        ),
        required=True,
    )

    class Meta:
        model = Nomination
        fields = ["category", "relation", "eligibility_confirmed"]
        widgets = {"relation": forms.RadioSelect, "category": forms.RadioSelect}
        field_classes = {"category": ModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One query for the choices and the notes below them: the choices read the
        # queryset's own results (Django's iterator() would ask the database again).
        self.fields["category"].iterator = ChoicesOfTheQueryset
        self.fields["category"].queryset = Category.objects.filter(
            cycle=self.instance.cycle, is_active=True
        )
        categories = self.fields["category"].queryset
        self.fields["category"].empty_label = None
        self.fields["category"].label = _("Which category is the nomination for?")
        self.fields["relation"].choices = Relation.choices
        self.fields["relation"].label = _("Who is nominating?")
        self.categories = categories
        self.apply_required_messages()  # again: the labels above are what people read

    def _get_validation_exclusions(self):
        # The field has found the category among the cycle's active ones: the model's own
        # check that it exists would only ask the database again.
        return {*super()._get_validation_exclusions(), "category"}

    def clean(self):
        cleaned = super().clean()
        category = cleaned.get("category")
        if category is not None:
            message = organisations.problem(self.instance, category_id=category.pk)
            if message:
                self.add_error("category", message)
        return cleaned


class OrganisationStepForm(StepForm):
    title = _("The organisation")
    required_fields = ("organisation_name", "organisation_kind", "country", "city")

    class Meta:
        model = Nomination
        fields = ["organisation_name", "organisation_kind", "country", "city", "website"]
        widgets = {
            "organisation_kind": forms.RadioSelect,
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
        help_texts = {"website": _("For example https://www.example.gov")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation_kind"].choices = OrganisationKind.choices
        self.fields["country"].choices = country_choices_sorted(_("Choose a country"))[:-1]

    def clean(self):
        cleaned = super().clean()
        name, country = cleaned.get("organisation_name"), cleaned.get("country")
        if name and country:
            message = organisations.problem(self.instance, organisation_name=name, country=country)
            if message:
                self.add_error("organisation_name", message)
        return cleaned


class ContactStepForm(StepForm):
    title = _("Contact person")
    required_fields = ("contact_name", "contact_role", "contact_email")

    class Meta:
        model = Nomination
        fields = ["contact_name", "contact_role", "contact_email", "contact_phone"]
        widgets = {
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_phone": forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
        }
        help_texts = {
            "contact_name": _(
                "The person at the organisation we can write to about this nomination."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        country = self.instance.country
        phone = self.fields["contact_phone"]
        # The calling code of the nomination's country (the organisation step comes first).
        phone.help_text = phones.hint(country)
        phone.widget.attrs["inputmode"] = "tel"
        if self.instance.contact_phone:
            self.initial["contact_phone"] = phones.display(self.instance.contact_phone)

    def clean_contact_phone(self):
        """Stored in E.164 (+254712345678); a number without its country code is read as one
        of the nomination's country."""
        typed = self.cleaned_data.get("contact_phone", "")
        if not typed:
            return ""
        if typed == phones.display(self.instance.contact_phone):
            return self.instance.contact_phone  # unchanged, even if stored as typed long ago
        return phones.validate(typed, self.instance.country)


# Every answer of the initiative step is required to send.
INITIATIVE_FIELDS = (
    "initiative_title",
    "summary",
    "challenge",
    "actions_people",
    "actions_process",
    "actions_technology",
)


class InitiativeStepForm(StepForm):
    title = _("The initiative")
    required_fields = INITIATIVE_FIELDS

    class Meta:
        model = Nomination
        fields = list(INITIATIVE_FIELDS)


class WholeNumberField(forms.IntegerField):
    """A whole number; "12.5" is told to leave out the decimals, not that it is no number."""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            if looks_like_a_decimal(value):
                raise forms.ValidationError(decimals_message(0), code="decimals") from None
            raise


class ResultsStepForm(StepForm):
    title = _("Results and metrics")
    required_fields = ("results", "citizen_impact")

    class Meta:
        model = Nomination
        fields = [*RESULT_FIELDS, *METRIC_FIELDS]
        field_classes = {"nps_before": WholeNumberField, "nps_after": WholeNumberField}
        help_texts = {
            "nps_before": _("From −100 to 100."),
            "nps_after": _("From −100 to 100."),
            "customer_effort_score": _("On a scale of 1 (very easy) to 7 (very hard)."),
            "first_contact_resolution": _(
                "Share of requests solved at the first contact, 0 to 100."
            ),
            "satisfaction": _("Share of satisfied users, 0 to 100."),
        }

    metric_fields = METRIC_FIELDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["turnaround_unit"].required = False
        for name, kind in NUMBER_KINDS.items():
            plain_number_field(self.fields[name], Nomination._meta.get_field(name), kind)
            # Shown as people write it: 78, not 78.0.
            value = getattr(self.instance, name)
            if value is not None:
                self.initial[name] = plain_number(value, localise=False)
        for name in self.metric_fields:
            widget = self.fields[name].widget
            if isinstance(widget, forms.NumberInput):
                whole = isinstance(self.fields[name], forms.IntegerField)
                widget.attrs["step"] = "1" if whole else "any"
                if not whole:
                    # A keypad with the decimal point (NPS keeps the full one: it has a minus).
                    widget.attrs["inputmode"] = "decimal"

    def narrative(self):
        return [self[name] for name in RESULT_FIELDS]

    def metrics(self):
        return [self[name] for name in self.metric_fields]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("turnaround_unit"):
            cleaned["turnaround_unit"] = "days"
        return cleaned


class MeasuredResultsForm(AccessibleFormMixin, forms.Form):
    """Attach an agency's measured results (nominations/wizard/measured.py): a choice and a period,
    never a figure. The choices are the user's own agencies, so another agency's is refused."""

    prefix = "measured"
    source = forms.ChoiceField(
        label=_("Whose measured results?"),
        error_messages={
            "required": _("Choose the agency whose measured results to attach."),
            "invalid_choice": _(
                "You can attach only the measured results of an agency you are staff of. "
                "Choose one of the agencies listed."
            ),
        },
    )
    period = forms.ChoiceField(
        label=_("For which period?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the period of the measured results."),
            "invalid_choice": _("Choose one of the periods listed."),
        },
    )

    def __init__(self, *args, source_choices=(), cycle=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.cycle = cycle
        self.fields["source"].choices = list(source_choices)
        if len(self.fields["source"].choices) == 1:
            self.initial["source"] = self.fields["source"].choices[0][0]
        self.fields["period"].choices = measured.period_choices(cycle)
        self.initial.setdefault("period", measured.LAST_12)

    def chosen_period(self):
        return measured.period(self.cleaned_data["period"], self.cycle)


class EvidenceStepForm(AccessibleFormMixin, forms.Form):
    """Add one file at a time; the step is complete once at least one file is attached."""

    title = _("Evidence")
    file = forms.FileField(
        label=_("Add a file"),
        required=False,
        help_text=_(
            "PDF, JPEG, PNG, Word (DOCX) or Excel (XLSX), up to 10 MB each, 5 files at most."
        ),
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        error_messages={
            "empty": _("The selected file is empty. Choose a file that has content."),
            "invalid": _("The file could not be read. Choose the file again."),
        },
    )

    @classmethod
    def stored_data(cls, nomination):
        return {}  # complete when a file is attached: checked against the instance

    def __init__(self, *args, instance=None, uploading=False, evidence=None, **kwargs):
        self.instance = instance
        self.uploading = uploading
        super().__init__(*args, **kwargs)
        # The step needs one file: until one is attached, the field is required (no
        # "optional" beside it); after that, more files are optional. `evidence`: the files
        # when the caller has read them already.
        field = self.fields["file"]
        if evidence is not None:
            self.has_evidence = bool(evidence)
        else:
            self.has_evidence = instance is not None and instance.evidence.exists()
        field.required = not self.has_evidence
        if self.has_evidence:
            field.label = _("Add another file")
        field.error_messages["required"] = (
            _("Select a file to upload.")
            if uploading
            else _("Add at least one file as evidence: choose a file, then “Upload this file”.")
        )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not upload:
            if self.uploading:
                raise forms.ValidationError(_("Select a file to upload."), code="required")
            return None
        self.checked = check_evidence(upload, EvidenceFile.MAX_BYTES)
        # Said at once when the nomination is already full; `save` decides under the lock.
        held = list(self.instance.evidence.values_list("size", flat=True))
        problem = limit_problem(len(held), sum(held), self.checked.size)
        if problem:
            raise problem
        return upload

    def save(self):
        """Attach the chosen file (None when none was chosen). Raises evidence.LimitReached
        when another upload took the room meanwhile; `refuse` shows it on the form."""
        upload = self.cleaned_data.get("file")
        if upload:
            return attach(self.instance, upload, self.checked)
        return None

    def refuse(self, error):
        self.add_error("file", error)
        return self


class DeclarationStepForm(StepForm):
    title = _("Declaration")
    accept = forms.BooleanField(label=_("I confirm the declaration above"), required=True)
    # Optional, never ticked in advance (issue 17): what it means is said beside it.
    consent_case_study = case_study_consent.form_field()

    class Meta:
        model = Nomination
        fields = []

    @classmethod
    def stored_data(cls, nomination):
        data = {"accept": "on"} if nomination.declaration_accepted_at else {}
        return data | ({"consent_case_study": "on"} if nomination.consent_case_study else {})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.declaration_accepted_at and not self.is_bound:
            self.initial["accept"] = True
        if not self.is_bound:
            self.initial["consent_case_study"] = self.instance.consent_case_study

    def written_fields(self):
        declaration = ["declaration_accepted_at", "declaration_version", "declaration_language"]
        return declaration + list(case_study_consent.FIELDS)

    def prepare_write(self):
        nomination = self.instance
        withdrawn = case_study_consent.set_in_wizard(
            nomination, self.cleaned_data.get("consent_case_study", False)
        )
        accepted_now = (
            not nomination.declaration_accepted_at
            or nomination.declaration_version != DECLARATION_VERSION
        )
        if not accepted_now:
            return withdrawn
        nomination.declaration_accepted_at = timezone.now()
        nomination.declaration_version = DECLARATION_VERSION
        nomination.declaration_language = get_language()
        # The consent record (privacy/consents.py): time, version and language, withdrawable.
        return case_study_consent.both(lambda: record_declaration(nomination), withdrawn)

    def save(self, commit=True):
        then = self.prepare_write()
        if commit:
            with transaction.atomic():
                self.instance.save()
                if then is not None:
                    then()
        return self.instance


class CheckStepForm(AccessibleFormMixin, forms.Form):
    title = _("Check your answers")

    def __init__(self, *args, instance=None, **kwargs):
        self.instance = instance
        super().__init__(*args, **kwargs)


STEPS = [
    ("category", CategoryStepForm),
    ("organisation", OrganisationStepForm),
    ("contact", ContactStepForm),
    ("initiative", InitiativeStepForm),
    ("results", ResultsStepForm),
    ("evidence", EvidenceStepForm),
    ("declaration", DeclarationStepForm),
    ("check", CheckStepForm),
]
STEP_FORMS = dict(STEPS)


class DeletionRequestForm(AccessibleFormMixin, forms.Form):
    """ "Ask for deletion" on the person's data page: the reason is optional."""

    reason = forms.CharField(
        label=_("Why do you ask?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("This helps the awards team, but you do not have to say."),
    )
