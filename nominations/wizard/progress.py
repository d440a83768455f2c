"""Which sections of a nomination are complete: the task list on the resume page, and the last
check before submission. A section is complete when its step form accepts what is stored."""

import copy
from dataclasses import dataclass

from nominations.wizard.forms import STEPS


@dataclass(frozen=True)
class Section:
    step: str
    title: str
    complete: bool


def bound_step_form(step, form_class, nomination):
    # A copy: validating a ModelForm writes the cleaned values onto its instance.
    kwargs = {"data": form_class.stored_data(nomination), "instance": copy.copy(nomination)}
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
