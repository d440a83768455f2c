"""The rules a rubric keeps (judging/rubrics.py): weights add up to 100 and each level of the
scale has exactly one descriptor. The admin form shows these messages."""

from judging.rubrics import levels_problem, weights_problem


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
