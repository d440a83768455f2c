"""Form behaviour shared by every public form of the site: our field templates, an error summary
with inline messages that say what to do next, and (for anonymous forms) a honeypot."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import (
    EmailValidator,
    ProhibitNullCharactersValidator,
    RegexValidator,
)
from django.forms.renderers import DjangoTemplates
from django.utils.encoding import punycode
from django.utils.translation import gettext_lazy as _

# NUL and the other control characters (tab and line breaks aside): invisible when typed or
# pasted, NUL cannot be stored by PostgreSQL, and none may appear in the XML of the xlsx and PDF
# exports. Django refuses only NUL, with a message that does not say what to do.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

no_control_characters = RegexValidator(
    CONTROL_CHARACTERS,
    inverse_match=True,
    message=_(
        "This answer contains invisible control characters, often copied from another "
        "program. Type it again, or paste it as plain text."
    ),
    code="control_characters",
)


def without_control_characters(text):
    """Text with the characters above removed, where refusing it would not help (a search)."""
    return CONTROL_CHARACTERS.sub("", text)


class DeliverableEmailValidator(EmailValidator):
    """Django's format check, plus what sending mail to the address needs: a domain with an
    ASCII (IDNA) form, at most 254 characters in all (RFC 5321, and our database columns) and
    no control characters (which Django allows between quotes)."""

    def __call__(self, value):
        super().__call__(value)
        local, _at, domain = value.rpartition("@")
        try:
            ascii_domain = punycode(domain)
        except UnicodeError:
            ascii_domain = None
        if (
            ascii_domain is None
            or len(f"{local}@{ascii_domain}") > 254
            or CONTROL_CHARACTERS.search(value)
        ):
            raise ValidationError(self.message, code=self.code, params={"value": value})


deliverable_email = DeliverableEmailValidator()


def with_site_checks(field):
    """A text field's validators with the site's: control characters refused, in place of
    Django's NUL-only check, and email addresses mail can be sent to."""
    validators = []
    for validator in field.validators:
        if (
            isinstance(validator, ProhibitNullCharactersValidator)
            or validator is no_control_characters
        ):
            continue
        if isinstance(validator, EmailValidator):
            validator = deliverable_email  # it checks control characters too: one message
        validators.append(validator)
    if not isinstance(field, forms.EmailField):
        validators.append(no_control_characters)
    field.validators = validators


class ModelChoiceField(forms.ModelChoiceField):
    """A choice of a model object where a value with NUL in it is, like any other value not
    offered, "not one of the choices" (Django's own message would say NUL is not allowed)."""

    def validate_no_null_characters(self, value):
        try:
            super().validate_no_null_characters(value)
        except ValidationError:
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class SiteFormRenderer(DjangoTemplates):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class AccessibleFormMixin:
    default_renderer = SiteFormRenderer()
    honeypot_field_name = None  # set by HoneypotMixin
    required_messages = {}  # field name -> what to do when it is left empty

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.apply_required_messages()

    def apply_required_messages(self, messages=None):
        """Replace Django's "This field is required." with a message that says what to do."""
        messages = {**self.required_messages, **(messages or {})}
        for name, field in self.fields.items():
            if isinstance(field, forms.ChoiceField):
                default = _("Choose an answer for “%(label)s”.")
            elif isinstance(field, forms.BooleanField):
                default = _("Tick “%(label)s” to continue.")  # a box to tick, not to fill in
            else:
                default = _("Fill in “%(label)s”.")
            field.error_messages["required"] = messages.get(name) or default % {
                "label": field.label
            }
            if isinstance(field, forms.EmailField):
                field.error_messages["invalid"] = _(
                    "Enter an email address in the right format, like name@example.org."
                )

    def full_clean(self):
        # Here rather than in __init__: some forms add fields after it (honeypot, scoresheet).
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                with_site_checks(field)
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


class HoneypotMixin(AccessibleFormMixin):
    """A field people never see (hidden by CSS) and bots fill in."""

    honeypot_field_name = "website_address"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field_name] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    @property
    def is_spam(self):
        return bool(self.data.get(self.add_prefix(self.honeypot_field_name)))
