"""The partnership and sponsorship enquiry form (EnquiryFormPage, Wagtail's form builder): a
"Phone number" field type that accepts only phone numbers. The administrators' list of
enquiries is cms/enquiries/admin_views.py."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES

from nominations import phones

PHONE = "phone"
FIELD_TYPES = (*FORM_FIELD_CHOICES, (PHONE, _("Phone number")))


class PhoneNumberField(forms.CharField):
    """A phone number with its country code, kept in E.164 (+237651781862) as the nomination
    form keeps its contact's (nominations/phones.py)."""

    widget = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"})

    def clean(self, value):
        value = super().clean(value)
        return phones.validate(value) if value else value


class EnquiryFormBuilder(FormBuilder):
    def create_phone_field(self, field, options):
        return PhoneNumberField(max_length=40, **options)
