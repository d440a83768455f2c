"""The public form that asks for the program's news (cms/campaigns/subscribing.py)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from awards_site.forms import HoneypotMixin
from awards_site.vocabularies.countries import country_choices_sorted
from cms.campaigns.subscribing import CONSENT_WORDING, request_subscription


class SubscribeForm(HoneypotMixin, forms.Form):
    required_messages = {
        "email": _("Enter your email address, like name@example.org."),
        "language": _("Choose the language you want to read the news in."),
        "consent": _("Tick the box to agree to receive the news: we send nothing without it."),
    }

    email = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send you a link to confirm it. We use it for the news only."),
    )
    language = forms.ChoiceField(label=_("Language of the news"), choices=settings.LANGUAGES)
    country = forms.ChoiceField(
        label=_("Country (optional)"),
        required=False,
        help_text=_("Choose a country to hear about it only; leave empty for all."),
    )
    consent = forms.BooleanField(label=CONSENT_WORDING)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = country_choices_sorted(_("Every country"))

    def save(self):
        data = self.cleaned_data
        return request_subscription(data["email"], data["language"], data["country"])
