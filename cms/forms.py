"""Public forms: server-side validation only, an error summary plus inline messages, a honeypot
against bots, and every value kept when something needs fixing."""

from django import forms
from django.db import IntegrityError, transaction
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _

from awards_site.countries import country_choices_sorted

from .choices import PledgeKind
from .models import OpenLetterSignature, PledgeSignature


class SiteFormRenderer(DjangoTemplates):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class PublicFormMixin:
    """Rendering, accessible errors and the honeypot shared by every public form."""

    default_renderer = SiteFormRenderer()
    honeypot_field_name = "website_address"
    required_messages = {}  # field name -> what to do when it is left empty

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.error_messages["required"] = self.required_messages.get(name) or (
                _("Choose an answer for “%(label)s”.")
                if isinstance(field, forms.ChoiceField)
                else _("Fill in “%(label)s”.")
            ) % {"label": field.label}
            if isinstance(field, forms.EmailField):
                field.error_messages["invalid"] = _(
                    "Enter an email address in the right format, like name@example.org."
                )
        self.fields[self.honeypot_field_name] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def is_spam(self):
        """True when the hidden field a person never sees was filled in, as bots do."""
        return bool(self.data.get(self.add_prefix(self.honeypot_field_name)))

    def full_clean(self):
        super().full_clean()
        # Point each invalid field at its message so screen readers read both together.
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                described_by = [f"{bound.auto_id}_error"]
                if bound.help_text:
                    described_by.append(f"{bound.auto_id}_helptext")
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": " ".join(described_by)}
                )


class SignatureForm(PublicFormMixin, forms.ModelForm):
    """A signature of a page (letter or pledge), once per email address."""

    duplicate_message = _("This email address has already signed. Each person signs once.")

    def __init__(self, *args, page, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)
        self.instance.page_key = page.translation_key
        self.fields["country"].choices = country_choices_sorted(_("Choose a country"))

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        model = self._meta.model
        if model.objects.filter(page_key=self.page.translation_key, email=email).exists():
            raise forms.ValidationError(self.duplicate_message, code="duplicate")
        return email

    def save(self, language):
        """Store the signature; a second identical submission racing this one is refused."""
        self.instance.language = language
        try:
            with transaction.atomic():
                return super().save()
        except IntegrityError:
            self.add_error("email", forms.ValidationError(self.duplicate_message, code="duplicate"))
            return None


SIGNATURE_REQUIRED_MESSAGES = {
    "name": _("Enter your full name."),
    "country": _("Choose your country, or “Outside Africa”."),
    "email": _("Enter your email address, like name@example.org."),
    "kind": _(
        "Choose whether you sign as an individual, a company or a public-sector organisation."
    ),
}


class OpenLetterSignatureForm(SignatureForm):
    required_messages = SIGNATURE_REQUIRED_MESSAGES
    duplicate_message = _(
        "This email address has already co-signed the letter. Each person signs once; "
        "if you want your signature changed or removed, write to us."
    )

    class Meta:
        model = OpenLetterSignature
        fields = ["name", "organisation", "country", "email", "list_publicly"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }


class PledgeForm(SignatureForm):
    required_messages = SIGNATURE_REQUIRED_MESSAGES
    duplicate_message = _(
        "This email address has already signed the pledge. Each person or organisation "
        "signs once; if you want your signature changed or removed, write to us."
    )
    kind = forms.ChoiceField(
        label=_("Who is signing?"), choices=PledgeKind.choices, widget=forms.RadioSelect
    )

    class Meta:
        model = PledgeSignature
        fields = ["kind", "name", "organisation", "country", "email", "show_publicly"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind and kind != PledgeKind.INDIVIDUAL and not cleaned.get("organisation"):
            self.add_error(
                "organisation",
                _("Enter the name of the organisation that is signing the pledge."),
            )
        return cleaned
