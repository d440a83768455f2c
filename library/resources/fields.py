"""The countries a resource is relevant to: a list of ISO codes kept in one text column as
",KE,TZ," so that "relevant to Kenya" is one `contains` lookup (",KE,") on any database."""

from django import forms
from django.db import models

from awards_site.vocabularies.countries import AFRICAN_COUNTRIES, country_choices_sorted


def _codes(value):
    if not value:
        return []
    if isinstance(value, str):
        value = value.split(",")
    known = dict(AFRICAN_COUNTRIES)
    return sorted({code.strip().upper() for code in value if code.strip().upper() in known})


def stored_form(codes):
    """ ",KE,TZ,": what a lookup for one country looks for is ",KE,"."""
    codes = _codes(codes)
    return f",{','.join(codes)}," if codes else ""


class CountryCodesField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 250)  # 54 countries, 3 characters each, and a comma
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return _codes(value)

    def to_python(self, value):
        return _codes(value)

    def get_prep_value(self, value):
        if isinstance(value, str) and value.startswith(",") and value.endswith(","):
            return value
        return stored_form(value)

    def value_to_string(self, obj):
        return stored_form(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=country_choices_sorted()[:-1],  # Africa's countries, not "outside Africa"
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        pass  # the form field keeps to the vocabulary; _codes drops anything else
