"""Which sections of a nomination are complete: the task list on the resume page, and the last
check before submission. A section is complete when its step form accepts what is stored."""

import copy
from dataclasses import dataclass

from django.forms.models import model_to_dict

from .forms import STEPS


@dataclass(frozen=True)
class Section:
    step: str
    title: str
    complete: bool


def stored_data(form_class, nomination):
    """The nomination's saved answers in the shape a bound step form expects."""
    if form_class.__name__ == "EvidenceStepForm":
        return {}
    if form_class.__name__ == "DeclarationStepForm":
        return {"accept": "on"} if nomination.declaration_accepted_at else {}
    fields = form_class._meta.fields
    data = {}
    for name, value in model_to_dict(nomination, fields=fields).items():
        if isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    return data


def bound_step_form(step, form_class, nomination):
    # A copy: validating a ModelForm writes the cleaned values onto its instance.
    kwargs = {"data": stored_data(form_class, nomination), "instance": copy.copy(nomination)}
    return form_class(**kwargs)


def sections(nomination):
    """Every section but the final check, with whether its answers are complete."""
    result = []
    for step, form_class in STEPS:
        if step == "check":
            continue
        form = bound_step_form(step, form_class, nomination)
        result.append(Section(step, form_class.title, form.is_valid()))
    return result


def first_incomplete(nomination):
    return next((section for section in sections(nomination) if not section.complete), None)
