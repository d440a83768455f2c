"""Admin forms of the sponsor snippets: what a partner supports, and who its users are.

Imported by models.py (as the snippets' `base_form_class`), so this module must not import
cms.models at load time.
"""

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
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
    of the site would hold thousands of nominators). The account is made when there is none,
    and an existing account whose address was never confirmed is secured first (its password
    and sessions removed: awards_site/accounts/linking.py); either way the person is emailed a
    link: to choose a password, or to sign in. They see the reports once they are in."""

    email = forms.EmailField(
        label=_("email address of the user"),
        help_text=_(
            "We email this address a link to the sponsor area (and to choose a password, when "
            "the person has no account yet or never confirmed this address)."
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

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        User = get_user_model()
        user = User.objects.filter(email__iexact=email).first()
        if user is not None:
            others = type(self.instance).objects.filter(user=user).exclude(pk=self.instance.pk)
            taken = others.select_related("partner").first()
            if taken:
                raise forms.ValidationError(
                    _(
                        "This user already belongs to %(partner)s. A user belongs to one "
                        "sponsor: remove them there first, or enter another address."
                    )
                    % {"partner": taken.partner},
                    code="taken",
                )
        return email

    def save(self, commit=True):
        from awards_site.accounts.linking import account_for_invitation

        previous_user_id = self.instance.user_id if self.instance.pk else None
        user, _outcome = account_for_invitation(
            self.cleaned_data["email"],
            language=self.cleaned_data["language"],
            reason="sponsor_membership",
            by=getattr(self, "for_user", None),
        )
        self.instance.user = user
        member = super().save(commit=commit)
        if user.language != self.cleaned_data["language"]:
            user.language = self.cleaned_data["language"]
            user.save(update_fields=["language"])
        if commit and user.pk != previous_user_id:
            member_pk = member.pk
            transaction.on_commit(lambda: _enqueue_invitation(member_pk))
        return member


def _enqueue_invitation(member_pk):
    from cms.tasks import send_sponsor_invitation

    send_sponsor_invitation.enqueue(member_pk)
