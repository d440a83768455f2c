"""The staff portal's forms: the period chooser, a service point, the comments' filter and a
reply."""

import re
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from feedback.choices import POINT_KINDS, CommentState
from feedback.models import Reply, ServicePoint
from feedback.staff.figures import month_period

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
LONGEST_PERIOD_MONTHS = 36


class MonthField(forms.CharField):
    """A month as YYYY-MM (what <input type="month"> sends); cleaned to its first day."""

    # No placeholder: the HTML standard allows none on a month input (the W3C checker says so);
    # a browser without a month picker shows a text box, and a wrong entry says the format.
    widget = forms.TextInput(attrs={"type": "month"})

    def to_python(self, value):
        value = super().to_python(value).strip()
        if not value:
            return None
        match = MONTH.match(value)
        if not match or not 1 <= int(match[2]) <= 12:
            raise forms.ValidationError(
                _("Enter a month as year and month, for example 2026-01."), code="month"
            )
        return date(int(match[1]), int(match[2]), 1)


class PeriodForm(forms.Form):
    """The dashboard's period: a range of months; both empty is the last 12 months."""

    first = MonthField(label=_("From (month)"), required=False)
    last = MonthField(label=_("To (month)"), required=False)

    def clean(self):
        data = super().clean()
        first, last = data.get("first"), data.get("last")
        if self.errors or (first is None and last is None):
            return data
        today = timezone.localdate()
        if first is None or last is None:
            raise forms.ValidationError(_("Choose both the first and the last month."))
        if first > last:
            raise forms.ValidationError(_("The first month must come before the last one."))
        if first > today:
            raise forms.ValidationError(_("The first month cannot be in the future."))
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        if months > LONGEST_PERIOD_MONTHS:
            raise forms.ValidationError(
                _("Choose at most %(months)s months.") % {"months": LONGEST_PERIOD_MONTHS}
            )
        return data

    def period(self):
        """The chosen period, or None for the default (also when the choice is invalid)."""
        if not self.is_bound or not self.is_valid() or self.cleaned_data.get("first") is None:
            return None
        return month_period(self.cleaned_data["first"], self.cleaned_data["last"])


class PointForm(forms.ModelForm):
    class Meta:
        model = ServicePoint
        fields = ["name", "kind", "town", "region", "active"]

    def clean(self):
        data = super().clean()
        kind = POINT_KINDS.get(data.get("kind")) if data.get("kind") else None
        if kind is not None and kind.has_place and not data.get("town"):
            self.add_error("town", _("Enter the town of this office or branch."))
        return data


STATUS_FILTERS = [
    ("", _("All comments")),
    (CommentState.PENDING, _("Waiting for moderation")),
    (CommentState.PUBLISHED, _("Published")),
    (CommentState.REJECTED, _("Not published")),
]


class CommentFilter(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_FILTERS, required=False)
    point = forms.TypedChoiceField(
        label=_("Service point"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, data, points):
        super().__init__(data)
        self.fields["point"].choices = [("", _("All service points"))] + [
            (point.pk, point.name) for point in points
        ]

    def filters(self):
        """The chosen filters (an invalid choice counts as none)."""
        if not self.is_valid():
            return {}
        chosen = {}
        if self.cleaned_data["status"]:
            chosen["comment_status"] = self.cleaned_data["status"]
        if self.cleaned_data["point"]:
            chosen["point_id"] = self.cleaned_data["point"]
        return chosen


class ReplyForm(forms.ModelForm):
    class Meta:
        model = Reply
        fields = ["text"]
        labels = {"text": _("Your reply (published beside the comment)")}
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "maxlength": 2000})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Empty: no reply (an existing one is taken down).
        self.fields["text"].required = False
