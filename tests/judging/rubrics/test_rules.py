"""The rules a rubric keeps (judging/rubrics/rules.py): weights add up to 100 and each level of the
scale has exactly one descriptor. The admin form shows these messages; the weights are also a
rule of the model (Rubric.save), whatever path saves a rubric."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from judging.models import Criterion, Rubric, WeightsDoNotAddUp
from judging.rubrics.copying import copy_rubric
from judging.rubrics.rules import levels_problem, weights_problem
from tests.factories.judging import RubricFactory


def test_weights_adding_up_to_100_are_accepted():
    assert weights_problem([40, 30, 20, 10]) is None


def test_weights_not_adding_up_to_100_say_the_total_and_what_to_do():
    message = weights_problem([40, 30, 20])
    assert "90" in message
    assert "add up to 100" in message


def test_a_rubric_without_criteria_is_refused():
    assert "at least one criterion" in weights_problem([])


def test_empty_weights_of_unfinished_rows_do_not_count():
    assert weights_problem([60, 40, None]) is None


def test_every_level_described_once_is_accepted():
    assert levels_problem(1, 5, [1, 2, 3, 4, 5]) is None


def test_a_level_without_descriptor_is_named():
    message = levels_problem(0, 4, [0, 1, 3, 4])
    assert "2" in message and "no descriptor" in message


def test_a_level_outside_the_scale_is_named():
    assert "7" in levels_problem(1, 5, [1, 2, 3, 4, 5, 7])


def test_a_level_described_twice_is_named():
    assert "described twice" in levels_problem(1, 3, [1, 2, 2, 3])


def test_a_scale_without_range_is_refused():
    assert "above the lowest" in levels_problem(5, 5, [5])


# The rule of the model: every path that saves a rubric ----------------------------------------
@pytest.mark.django_db
def test_code_cannot_save_a_rubric_whose_weights_do_not_add_up():
    """Not only the admin form: saving a rubric (with its criteria, as modelcluster saves them)
    from code, a service or a script is refused, and nothing is written."""
    before = (Rubric.objects.count(), Criterion.objects.count())
    rubric = Rubric(
        name="Ninety",
        criteria=[Criterion(name_en="A", weight=60), Criterion(name_en="B", weight=30)],
    )
    with pytest.raises(ValidationError, match="add up to 90. Change them so they add up to 100"):
        rubric.save()
    with pytest.raises(ValidationError, match="Add at least one criterion"):
        Rubric.objects.create(name="No criteria")
    assert (Rubric.objects.count(), Criterion.objects.count()) == before


@pytest.mark.django_db
def test_changing_a_weight_of_a_saved_rubric_keeps_the_rule():
    rubric = RubricFactory(name="Changed", weights=(50, 30, 20))
    criteria = list(rubric.criteria.all())
    criteria[0].weight = 70
    rubric.criteria = criteria
    with pytest.raises(WeightsDoNotAddUp):
        rubric.save()
    assert list(Rubric.objects.get(pk=rubric.pk).criteria.values_list("weight", flat=True)) == [
        50,
        30,
        20,
    ]
    criteria[1].weight = 10
    rubric.criteria = criteria
    rubric.save()
    assert sorted(rubric.criteria.values_list("weight", flat=True)) == [10, 20, 70]


@pytest.mark.django_db
def test_copying_a_rubric_keeps_the_rule(client):
    """A rubric stored before the rule (its weights changed by hand in the database) cannot be
    copied into a new broken one: the copy is refused with the reason."""
    client.force_login(get_user_model().objects.get(email="admin@demo.test"))
    rubric = RubricFactory(name="Legacy", weights=(50, 30, 20))
    Criterion.objects.filter(rubric=rubric, weight=20).update(weight=25)
    before = Rubric.objects.count()
    response = client.post(
        f"/admin/judging/rubrics/copy/{rubric.pk}/", {"name": "Copy"}, follow=True
    )
    assert Rubric.objects.count() == before
    assert "cannot be copied as it is: The criteria&#x27;s weights add up to 105" in (
        response.content.decode()
    )
    assert copy_rubric(RubricFactory(name="Sound"), "Sound copy").weights_problem() is None


@pytest.mark.django_db
def test_the_demo_rubrics_were_saved_through_the_rule():
    for rubric in Rubric.objects.all():
        assert rubric.weights_problem() is None, rubric
