"""Admin forms of the sponsor snippets: what a partner supports, and who its users are.

Imported by models.py (as the snippets' `base_form_class`), so this module must not import
cms.models at load time.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from nominations.models import AwardCycle, Category


class CategoryChoiceField(forms.ModelMultipleChoiceField):
    """Categories labelled with their cycle: every cycle has its own "Digital public service"."""

    def label_from_instance(self, category):
        return f"{category.cycle.code} – {category.name}"


class PartnerForm(WagtailAdminModelForm):
    """A category is supported only within a cycle the partner supports."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "cycles" in self.fields:
            self.fields["cycles"].queryset = AwardCycle.objects.all()
        if "categories" in self.fields:
            old = self.fields["categories"]
            self.fields["categories"] = CategoryChoiceField(
                queryset=Category.objects.select_related("cycle").order_by(
                    "-cycle__nominations_open_at", "sort_order", "name_en"
                ),
                required=False,
                widget=old.widget,
                label=old.label,
                help_text=old.help_text,
            )

    def clean(self):
        cleaned = super().clean()
        cycles = cleaned.get("cycles")
        categories = cleaned.get("categories")
        if cycles is not None and categories:
            chosen = {cycle.pk for cycle in cycles}
            outside = [category for category in categories if category.cycle_id not in chosen]
            if outside:
                self.add_error(
                    "categories",
                    _(
                        "Tick the cycle of every category chosen, or untick the category: "
                        "%(categories)s."
                    )
                    % {
                        "categories": ", ".join(
                            f"{category.cycle.code} – {category.name}" for category in outside
                        )
                    },
                )
        return cleaned


class SponsorMemberForm(WagtailAdminModelForm):
    """A sponsor user is chosen by the email address of their account (a list of every account
    of the site would hold thousands of nominators)."""

    email = forms.EmailField(
        label=_("email address of the user"),
        help_text=_(
            "The person signs up on the site first (Sign in ▸ Create an account); then enter "
            "the address of their account here."
        ),
    )

    language = forms.ChoiceField(
        label=_("language of the reports"),
        choices=settings.LANGUAGES,
        help_text=_(
            "The user's preferred language: their reports, and the site's emails to them, "
            "come in it."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.user_id:
            self.initial["email"] = self.instance.user.email
            self.initial["language"] = self.instance.user.language

    def save(self, commit=True):
        member = super().save(commit=commit)
        user = member.user
        if commit and user.language != self.cleaned_data["language"]:
            user.language = self.cleaned_data["language"]
            user.save(update_fields=["language"])
        return member

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        User = get_user_model()
        user = User.objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(
                _("No account uses this address. Ask the person to sign up first."),
                code="no_account",
            )
        others = type(self.instance).objects.filter(user=user).exclude(pk=self.instance.pk)
        taken = others.select_related("partner").first()
        if taken:
            raise forms.ValidationError(
                _("This user already belongs to %(partner)s. A user belongs to one sponsor.")
                % {"partner": taken.partner},
                code="taken",
            )
        self.instance.user = user
        return email
