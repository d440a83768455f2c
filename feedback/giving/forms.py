"""The citizen's form: five questions, no account. The questions' wording is in the template
(feedback/templates/feedback/form.html); the fields here say what each accepts and what to do
when it is left out. The form token is not a field: the view checks it and gives a fresh one
each time the page is shown (feedback/giving/guards.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from awards_site.forms import HoneypotMixin
from feedback.choices import EFFORT_SCALE, RECOMMEND_SCALE, SATISFACTION
from feedback.giving.recording import Answer

COMMENT_MAX_LENGTH = 1000

EFFORT_ENDS = {1: _("1 (strongly disagree)"), 7: _("7 (strongly agree)")}
RECOMMEND_ENDS = {0: _("0 (not at all likely)"), 10: _("10 (extremely likely)")}
YES, NO = "yes", "no"


def scale(values, ends):
    return [(value, ends.get(value, str(value))) for value in values]


class FeedbackForm(HoneypotMixin, forms.Form):
    satisfaction = forms.TypedChoiceField(
        label=_("Satisfaction"), choices=SATISFACTION, coerce=int, widget=forms.RadioSelect
    )
    effort = forms.TypedChoiceField(
        label=_("Ease"),
        choices=scale(EFFORT_SCALE, EFFORT_ENDS),
        coerce=int,
        widget=forms.RadioSelect,
    )
    resolved = forms.TypedChoiceField(
        label=_("Resolved"),
        choices=[(YES, _("Yes")), (NO, _("No"))],
        coerce=lambda value: value == YES,
        widget=forms.RadioSelect,
    )
    recommend = forms.TypedChoiceField(
        label=_("Recommendation"),
        choices=scale(RECOMMEND_SCALE, RECOMMEND_ENDS),
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    required_messages = {
        "satisfaction": _("Choose how satisfied you are with the service."),
        "effort": _("Choose how easy the service made it, from 1 to 7."),
        "resolved": _("Choose whether your matter was resolved."),
        "recommend": _("Choose how likely you are to recommend the service, from 0 to 10."),
    }

    def answer(self):
        data = self.cleaned_data
        return Answer(
            satisfaction=data["satisfaction"],
            effort=data["effort"],
            resolved=data["resolved"],
            recommend=data["recommend"],
            comment=data["comment"].strip(),
        )
