"""The published measures (feedback/measures.py), asked directly: known values, and properties
over any counts (hypothesis, derandomized as the project's other property tests)."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedback import measures
from feedback.measures import MINIMUM_ANSWERS
from tests.properties import examples

PROPERTIES = settings(max_examples=examples(300))


# Known values ------------------------------------------------------------------------------------
def test_wilson_matches_the_published_example():
    # Wilson (1927) / Newcombe (1998), method 3: 81 of 263 -> 0.2553 to 0.3662.
    low, high = measures.wilson(81, 263)
    assert (round(low, 4), round(high, 4)) == (0.2553, 0.3662)


def test_wilson_stays_inside_zero_and_one_at_the_ends():
    low, high = measures.wilson(0, 10)
    assert low == 0 and 0.27 < high < 0.28
    low, high = measures.wilson(10, 10)
    assert 0.72 < low < 0.73 and high == 1


def test_percent_satisfied():
    figure = measures.percent_satisfied(8, 10)
    assert figure.value == 80 and figure.n == 10
    assert (round(figure.low, 1), round(figure.high, 1)) == (49.0, 94.3)


def test_customer_effort_uses_students_t():
    # Ten answers 4,5,6,4,5,6,4,5,6,5: mean 5, s = sqrt(6/9), t(0.975, 9) = 2.262.
    answers = [4, 5, 6, 4, 5, 6, 4, 5, 6, 5]
    figure = measures.customer_effort(sum(answers), sum(a * a for a in answers), len(answers))
    half = 2.262157 * math.sqrt(6 / 9) / math.sqrt(10)
    assert figure.value == 5
    assert figure.low == pytest.approx(5 - half) and figure.high == pytest.approx(5 + half)


def test_t_beyond_the_table_tends_to_the_normal():
    assert measures.t_975(31) == pytest.approx(2.039513, abs=1e-4)
    assert measures.t_975(60) == pytest.approx(2.000298, abs=1e-4)
    assert measures.t_975(10_000) == pytest.approx(1.96, abs=1e-3)


def test_net_promoter_with_its_documented_interval():
    # 50 promoters, 20 detractors of 100: NPS 30, variance 0.5+0.2-0.09 = 0.61.
    figure = measures.net_promoter(50, 20, 100)
    half = 100 * 1.959964 * math.sqrt(0.61 / 100)
    assert figure.value == pytest.approx(30)
    assert figure.low == pytest.approx(30 - half, abs=1e-3)
    assert figure.high == pytest.approx(30 + half, abs=1e-3)


@pytest.mark.parametrize("n", [0, 1, MINIMUM_ANSWERS - 1])
def test_no_figure_below_the_minimum_number_of_answers(n):
    result = measures.measures(n, n, 5 * n, 25 * n, n, n, 0)
    assert (result.satisfied, result.effort, result.resolved, result.nps) == (None,) * 4


def test_every_figure_from_the_minimum():
    result = measures.measures(10, 7, 50, 260, 6, 5, 2)
    assert result.satisfied.n == result.effort.n == result.resolved.n == result.nps.n == 10


def test_no_answers_at_all_is_not_an_error():
    assert measures.measures(None, None, None, None, None, None, None).n == 0


# Properties --------------------------------------------------------------------------------------
counts = st.integers(min_value=1, max_value=100_000).flatmap(
    lambda n: st.tuples(st.just(n), st.integers(min_value=0, max_value=n))
)


@PROPERTIES
@given(counts)
def test_a_wilson_interval_holds_its_proportion_within_zero_and_one(count):
    n, successes = count
    low, high = measures.wilson(successes, n)
    assert 0 <= low <= successes / n + 1e-12
    assert successes / n - 1e-12 <= high <= 1


@PROPERTIES
@given(counts)
def test_more_answers_alike_narrow_the_interval(count):
    n, successes = count
    low, high = measures.wilson(successes, n)
    low4, high4 = measures.wilson(4 * successes, 4 * n)
    assert high4 - low4 <= high - low + 1e-12


@PROPERTIES
@given(st.lists(st.integers(min_value=1, max_value=7), min_size=MINIMUM_ANSWERS, max_size=400))
def test_the_effort_interval_holds_the_mean_within_the_scale(answers):
    figure = measures.customer_effort(sum(answers), sum(a * a for a in answers), len(answers))
    assert 1 <= figure.low <= figure.value + 1e-9
    assert figure.value - 1e-9 <= figure.high <= 7
    assert figure.value == pytest.approx(sum(answers) / len(answers))


@PROPERTIES
@given(st.lists(st.integers(min_value=0, max_value=10), min_size=MINIMUM_ANSWERS, max_size=400))
def test_the_nps_interval_holds_the_score_within_plus_or_minus_100(answers):
    promoters = sum(a >= 9 for a in answers)
    detractors = sum(a <= 6 for a in answers)
    figure = measures.net_promoter(promoters, detractors, len(answers))
    assert -100 <= figure.low <= figure.value + 1e-9 <= figure.high + 2e-9 <= 100 + 2e-9
    assert figure.value == pytest.approx(100 * (promoters - detractors) / len(answers))
