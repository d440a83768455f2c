"""Copying a rubric (judging/rubrics/copying.py): the copy has the same scale, criteria and
descriptors under its new name, and the original is left as it was."""

import pytest

from judging.rubrics.copying import copy_rubric
from tests.factories.judging import RubricFactory

pytestmark = pytest.mark.django_db


def test_a_copy_has_the_same_scale_criteria_and_levels_under_its_own_name():
    rubric = RubricFactory(weights=(60, 40), scale=(1, 4))
    copy = copy_rubric(rubric, "Final rubric")
    assert copy.pk != rubric.pk and copy.name == "Final rubric"
    assert (copy.scale_min, copy.scale_max) == (rubric.scale_min, rubric.scale_max)

    def criteria(r):
        return [(c.name_en, c.weight) for c in r.criteria.all()]

    def levels(r):
        return [(level.value, level.descriptor_en) for level in r.levels.all()]

    assert criteria(copy) == criteria(rubric) and len(criteria(copy)) == 2
    assert levels(copy) == levels(rubric)
    assert {c.pk for c in copy.criteria.all()}.isdisjoint(c.pk for c in rubric.criteria.all())
