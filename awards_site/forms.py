"""Form behaviour shared by every public form of the site: our field templates, an error summary
with inline messages that say what to do next, and (for anonymous forms) a honeypot."""

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _


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
            field.error_messages["required"] = messages.get(name) or (
                _("Choose an answer for “%(label)s”.")
                if isinstance(field, forms.ChoiceField)
                else _("Fill in “%(label)s”.")
            ) % {"label": field.label}
            if isinstance(field, forms.EmailField):
                field.error_messages["invalid"] = _(
                    "Enter an email address in the right format, like name@example.org."
                )

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
