"""Phone numbers of the nomination's contact person, with Google's libphonenumber
(`phonenumbers`): checked as phone numbers, stored in E.164 (+254712345678), shown the way
people write them (+254 712 345678). A number typed without its country code is read as a
number of the nomination's country."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from awards_site.vocabularies.countries import country_name


def calling_code(country):
    """The country's calling code (254 for Kenya), or None for an unknown country."""
    return phonenumbers.country_code_for_region(country or "") or None


def example_number(country):
    """A mobile number of the country as people write it, for hints: "+254 712 123456"."""
    if not calling_code(country):
        return "+254 712 123456"
    number = phonenumbers.example_number_for_type(country, phonenumbers.PhoneNumberType.MOBILE)
    number = number or phonenumbers.example_number(country)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def hint(country):
    """The help text under the phone field, with the nomination country's code suggested."""
    code = calling_code(country)
    if code:
        return _(
            "Include the country code: +%(code)s for %(country)s, for example %(example)s."
        ) % {"code": code, "country": country_name(country), "example": example_number(country)}
    return _("Include the country code, for example %(example)s.") % {
        "example": example_number(None)
    }


def parse(text, country=None):
    """The valid phone number `text` is, read as a number of `country` when it has no country
    code; ValueError otherwise."""
    text = (text or "").strip()
    if text.startswith("00"):
        text = "+" + text[2:]  # the international prefix most African countries dial
    region = country if calling_code(country) else None
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as error:
        raise ValueError(str(error)) from None
    if not phonenumbers.is_valid_number(number):
        raise ValueError("not a valid number")
    return number


def to_e164(text, country=None):
    return phonenumbers.format_number(parse(text, country), phonenumbers.PhoneNumberFormat.E164)


def normalised_or_as_typed(text, country=None):
    """E.164 when `text` is a valid number, otherwise `text` unchanged (stored numbers)."""
    try:
        return to_e164(text, country)
    except ValueError:
        return text


def display(stored):
    """A stored number as people write it (+254 712 345678); anything else as it was typed."""
    if not stored or not stored.startswith("+"):
        return stored or ""
    try:
        number = phonenumbers.parse(stored, None)
    except phonenumbers.NumberParseException:
        return stored
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def validate(text, country=None):
    """The number in E.164, or a ValidationError that says what to type."""
    try:
        return to_e164(text, country)
    except ValueError:
        raise ValidationError(
            _("Enter a phone number with its country code, like %(example)s.")
            % {"example": example_number(country)},
            code="invalid_phone",
        ) from None


def validate_number(value):
    """A model field's validator: `value` must be a phone number with its country code (kept as
    typed, e.g. the site's contact number "+237 651 781 862")."""
    if value:
        validate(value)
