"""The answers of a nomination grouped by section, for "Check your answers", the nominator's
read-only view, the PDF copy and (later) the judges' entry page."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from nominations import phones
from nominations.choices import TimeUnit
from nominations.models import WORD_LIMITS
from nominations.validators import count_words, plain_number
from nominations.wizard.forms import (
    METRIC_FIELDS,
    RESULT_FIELDS,
    STEP_FORMS,
    ContactStepForm,
    InitiativeStepForm,
    OrganisationStepForm,
)

SECTION_FIELDS = {
    "category": ["category", "relation"],
    "organisation": OrganisationStepForm._meta.fields,
    "contact": ContactStepForm._meta.fields,
    "initiative": InitiativeStepForm._meta.fields,
    "results": list(RESULT_FIELDS),
    # The unit is shown with each turnaround time rather than as an answer of its own.
    "metrics": [name for name in METRIC_FIELDS if name != "turnaround_unit"],
}
LONG_TEXT = set(WORD_LIMITS)  # the narrative answers
# What tells who nominated: left out for judges when a round hides the nominator.
NOMINATOR_SECTIONS = {"contact"}
NOMINATOR_FIELDS = {"relation"}


@dataclass
class Answer:
    name: str
    label: str
    value: str
    long: bool = False
    words: int = 0


@dataclass
class AnswerSection:
    step: str
    title: str
    answers: list = field(default_factory=list)
    change_url: str = ""


def display_value(nomination, name):
    model_field = nomination._meta.get_field(name)
    if model_field.choices:
        return getattr(nomination, f"get_{name}_display")()
    value = getattr(nomination, name)
    if name == "category":
        return value.name if value else ""
    if value is None or value == "":
        return ""
    if name in ("turnaround_before", "turnaround_after"):
        return duration(value, nomination.turnaround_unit)
    if name == "contact_phone":
        return phones.display(value)
    if isinstance(value, int | float | Decimal):
        return plain_number(value)  # 78, not 78.0
    return str(value)


def duration(value, unit):
    """A turnaround time with its unit, as people write it: "5 days", "1 day", "1.5 hours"."""
    number = plain_number(value)
    count = int(value) if value == int(value) else 2  # a fraction takes the plural
    if unit == TimeUnit.HOURS:
        return ngettext("%(number)s hour", "%(number)s hours", count) % {"number": number}
    return ngettext("%(number)s day", "%(number)s days", count) % {"number": number}


def answer_sections(nomination, step_url, without_nominator=False):
    """Sections with their answers; `step_url(step)` gives each section's "Change" link.
    `without_nominator` leaves out the answers that tell who nominated (for judges)."""
    sections = []
    titles = {step: form.title for step, form in STEP_FORMS.items()}
    titles["metrics"] = _("CX metrics")
    for step, names in SECTION_FIELDS.items():
        if without_nominator:
            if step in NOMINATOR_SECTIONS:
                continue
            names = [name for name in names if name not in NOMINATOR_FIELDS]
        form_step = "results" if step == "metrics" else step
        section = AnswerSection(step=form_step, title=titles[step])
        if step_url:
            section.change_url = step_url(form_step)
        for name in names:
            value = display_value(nomination, name)
            label = nomination._meta.get_field(name).verbose_name
            answer = Answer(name, str(label)[:1].upper() + str(label)[1:], value, name in LONG_TEXT)
            answer.words = count_words(value) if answer.long else 0
            section.answers.append(answer)
        sections.append(section)
    return sections
