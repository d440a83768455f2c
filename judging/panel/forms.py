"""Admin forms of the judges: a judge's profile with their panels, and the invitation of a new
judge (judging/panel/invitations.py does the inviting)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from awards_site.vocabularies.countries import COUNTRY_CHOICES
from judging.models import JudgeProfile, PanelMembership
from nominations.models import AwardCycle, Category


class CategoryChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, category):
        return f"{category.cycle} – {category.name}"


def categories_with_cycles():
    return Category.objects.select_related("cycle").order_by(
        "-cycle__nominations_open_at", "sort_order", "name_en"
    )


class PanelsField(forms.MultipleChoiceField):
    """Panel memberships as "cycle:category" choices ("cycle:" for every category)."""

    widget = forms.CheckboxSelectMultiple

    @staticmethod
    def key(cycle_id, category_id):
        return f"{cycle_id}:{category_id or ''}"

    @staticmethod
    def parse(key):
        cycle_id, _sep, category_id = key.partition(":")
        return int(cycle_id), int(category_id) if category_id else None

    def load_choices(self):
        choices = []
        categories = {}
        for category in Category.objects.order_by("sort_order", "name_en"):
            categories.setdefault(category.cycle_id, []).append(category)
        for cycle in AwardCycle.objects.all():
            options = [(self.key(cycle.pk, None), _("All categories"))]
            options += [
                (self.key(cycle.pk, category.pk), category.name)
                for category in categories.get(cycle.pk, [])
            ]
            choices.append((str(cycle), options))
        self.choices = choices


def sync_panels(profile, keys):
    """Make the judge's panel memberships exactly the given "cycle:category" keys."""
    wanted = {PanelsField.parse(key) for key in keys}
    current = {
        (membership.cycle_id, membership.category_id): membership
        for membership in profile.panel_memberships.all()
    }
    for pair, membership in current.items():
        if pair not in wanted:
            membership.delete()
    PanelMembership.objects.bulk_create(
        [
            PanelMembership(judge=profile, cycle_id=cycle_id, category_id=category_id)
            for cycle_id, category_id in wanted - set(current)
        ]
    )


class JudgeProfileForm(WagtailAdminModelForm):
    expertise = CategoryChoiceField(
        label=_("Expertise"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Judges are preferred for entries of their categories of expertise."),
    )
    panels = PanelsField(
        label=_("Panels"),
        required=False,
        help_text=_(
            "The cycles and categories this judge may be assigned entries of. “All categories” "
            "covers every category of the cycle."
        ),
    )

    class Meta:
        model = JudgeProfile
        fields = ["organisation", "country", "expertise", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expertise"].queryset = categories_with_cycles()
        self.fields["panels"].load_choices()
        if self.instance.pk:
            self.initial["panels"] = [
                PanelsField.key(membership.cycle_id, membership.category_id)
                for membership in self.instance.panel_memberships.all()
            ]

    def save(self, commit=True):
        profile = super().save(commit=commit)
        if commit:
            sync_panels(profile, self.cleaned_data.get("panels", []))
        return profile


LANGUAGE_CHOICES = settings.LANGUAGES


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"), error_messages={"required": _("Enter the judge's email address.")}
    )
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    language = forms.ChoiceField(
        label=_("Language of the emails"),
        choices=LANGUAGE_CHOICES,
        help_text=_("For a new account. A judge who already has one keeps their own choice."),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("Used to find likely conflicts with entries from the same organisation."),
    )
    country = forms.ChoiceField(
        label=_("Country"), choices=[("", "—"), *COUNTRY_CHOICES], required=False
    )
    expertise = CategoryChoiceField(
        label=_("Expertise"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    cycle = forms.ModelChoiceField(
        label=_("Panel of the cycle"),
        queryset=AwardCycle.objects.all(),
        required=False,
        help_text=_("Leave empty to invite the judge without a panel for now."),
    )
    categories = CategoryChoiceField(
        label=_("Panel categories"),
        queryset=Category.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked for every category of the cycle."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expertise"].queryset = categories_with_cycles()
        self.fields["categories"].queryset = categories_with_cycles()
        current = AwardCycle.objects.current()
        if current and not self.is_bound:
            self.initial.setdefault("cycle", current.pk)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        cycle, categories = cleaned.get("cycle"), cleaned.get("categories")
        if categories and not cycle:
            self.add_error("cycle", _("Choose the cycle of the panel categories you ticked."))
        elif cycle and categories:
            others = [category for category in categories if category.cycle_id != cycle.pk]
            if others:
                self.add_error(
                    "categories",
                    _("%(categories)s belong to another cycle. Tick categories of %(cycle)s.")
                    % {
                        "categories": ", ".join(category.name for category in others),
                        "cycle": cycle,
                    },
                )
        return cleaned
