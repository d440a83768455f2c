"""Public forms: server-side validation only, an error summary plus inline messages, a honeypot
against bots, and every value kept when something needs fixing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from awards_site.forms import HoneypotMixin
from awards_site.vocabularies.countries import country_choices_sorted
from cms.choices import PledgeKind
from cms.models import OpenLetterSignature, PledgeSignature
from cms.signing import confirmation as signatures


class SignatureForm(HoneypotMixin, forms.ModelForm):
    """A signature of a page (letter or pledge), once per email address, counted once that
    address is confirmed (cms/signing/confirmation.py). The form never says whether an address has
    signed
    already: the mailbox is told instead."""

    def __init__(self, *args, page, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)
        self.instance.page_key = page.translation_key
        self.fields["country"].choices = country_choices_sorted(_("Choose a country"))

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def validate_unique(self):
        """One signature per address and page is kept by cms.signing.confirmation.record, which
        replaces
        an unconfirmed one and leaves a confirmed one alone: not a form error."""

    def save(self, language):
        """Store the signature unconfirmed and email the link (cms/signing/confirmation.py)."""
        return signatures.record(self, language)


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

    class Meta:
        model = OpenLetterSignature
        fields = ["name", "organisation", "country", "email", "list_publicly", "wants_news"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }


class PledgeForm(SignatureForm):
    required_messages = SIGNATURE_REQUIRED_MESSAGES
    kind = forms.ChoiceField(
        label=_("Who is signing?"), choices=PledgeKind.choices, widget=forms.RadioSelect
    )

    class Meta:
        model = PledgeSignature
        fields = [
            "kind",
            "name",
            "organisation",
            "country",
            "email",
            "show_publicly",
            "wants_news",
        ]
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
