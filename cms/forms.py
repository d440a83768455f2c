"""Public forms: server-side validation only, an error summary plus inline messages, a honeypot
against bots, and every value kept when something needs fixing."""

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from awards_site.countries import country_choices_sorted
from awards_site.forms import HoneypotMixin

from .choices import PledgeKind
from .models import OpenLetterSignature, PledgeSignature


class SignatureForm(HoneypotMixin, forms.ModelForm):
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
