"""The published measures, computed from sums (a point's daily roll-ups added up): pure
functions, tested directly (tests/feedback/test_measures.py). docs/feedback.md explains them.

Every figure comes with its 95% confidence interval and the number of answers, and only from
MINIMUM_ANSWERS answers: below that the function returns None ("not enough answers yet").

- % satisfied and resolution rate: proportions, with the Wilson score interval (good at small n
  and near 0% or 100%, where the normal approximation leaves [0, 100]).
- CES (Customer Effort Score): the mean of the 1-7 answers to "the service made it easy to get
  what I needed", with Student's t interval (mean ± t(0.975, n-1) · s / √n), kept within 1-7.
- NPS (Net Promoter Score): p_promoters - p_detractors, times 100. Its variance for one answer
  is p_p + p_d - (p_p - p_d)² (the answer scores +1, 0 or -1), so the interval is
  NPS ± 1.96 · √((p_p + p_d - (p_p - p_d)²) / n), the normal approximation, kept within ±100.
"""

import math
from dataclasses import dataclass

MINIMUM_ANSWERS = 10
Z_95 = 1.959963984540054

# Student's t, 97.5th percentile, by degrees of freedom (from 9: figures start at 10 answers).
T_975 = {
    9: 2.262157,
    10: 2.228139,
    11: 2.200985,
    12: 2.178813,
    13: 2.160369,
    14: 2.144787,
    15: 2.131450,
    16: 2.119905,
    17: 2.109816,
    18: 2.100922,
    19: 2.093024,
    20: 2.085963,
    21: 2.079614,
    22: 2.073873,
    23: 2.068658,
    24: 2.063899,
    25: 2.059539,
    26: 2.055529,
    27: 2.051831,
    28: 2.048407,
    29: 2.045230,
    30: 2.042272,
}


@dataclass(frozen=True)
class Figure:
    """A measure: its value, the ends of its 95% interval, and the answers it stands on."""

    value: float
    low: float
    high: float
    n: int


def t_975(degrees):
    """Student's t quantile: the table up to 30 degrees of freedom, then the Cornish-Fisher
    expansion around the normal quantile (within 1e-4 from 31 on, tending to 1.96)."""
    if degrees in T_975:
        return T_975[degrees]
    if degrees < min(T_975):
        raise ValueError("figures need at least 10 answers")
    z = Z_95
    return (
        z
        + (z**3 + z) / (4 * degrees)
        + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * degrees**2)
        + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * degrees**3)
    )


def wilson(successes, n, z=Z_95):
    """The Wilson score interval of a proportion, as (low, high) in [0, 1]."""
    if n <= 0:
        raise ValueError("no answers")
    if not 0 <= successes <= n:
        raise ValueError("successes must be between 0 and n")
    p = successes / n
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denominator
    # At 0 or n successes an end is exactly 0 or 1 (the formula gives it up to rounding).
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


def proportion(successes, n):
    """A proportion as a percentage with its Wilson interval, or None below the minimum."""
    if n < MINIMUM_ANSWERS:
        return None
    low, high = wilson(successes, n)
    return Figure(100 * successes / n, 100 * low, 100 * high, n)


def percent_satisfied(satisfied, n):
    return proportion(satisfied, n)


def resolution_rate(resolved, n):
    return proportion(resolved, n)


def customer_effort(effort_sum, effort_squares, n, scale=(1, 7)):
    """The CES mean with Student's t interval, from the sum and the sum of squares of the
    answers; None below the minimum."""
    if n < MINIMUM_ANSWERS:
        return None
    mean = effort_sum / n
    # Sample variance from the sums; rounding can make it a hair below 0 when all agree.
    variance = max(0.0, (effort_squares - effort_sum * effort_sum / n) / (n - 1))
    half = t_975(n - 1) * math.sqrt(variance / n)
    low, high = scale
    return Figure(mean, max(low, mean - half), min(high, mean + half), n)


def net_promoter(promoters, detractors, n):
    """NPS (-100 to 100) with its normal-approximation interval; None below the minimum."""
    if n < MINIMUM_ANSWERS:
        return None
    if promoters < 0 or detractors < 0 or promoters + detractors > n:
        raise ValueError("promoters and detractors must be counts within n")
    p_promoters, p_detractors = promoters / n, detractors / n
    score = p_promoters - p_detractors
    variance = max(0.0, p_promoters + p_detractors - score * score)
    half = Z_95 * math.sqrt(variance / n)
    return Figure(
        100 * score, max(-100.0, 100 * (score - half)), min(100.0, 100 * (score + half)), n
    )


@dataclass(frozen=True)
class Measures:
    """The four published figures of one set of sums (None: not enough answers yet)."""

    n: int
    satisfied: Figure | None
    effort: Figure | None
    resolved: Figure | None
    nps: Figure | None


def measures(n, satisfied, effort_sum, effort_squares, resolved, promoters, detractors):
    """Every measure of a roll-up's sums (any of them None counts as 0)."""
    n = n or 0
    return Measures(
        n=n,
        satisfied=percent_satisfied(satisfied or 0, n),
        effort=customer_effort(effort_sum or 0, effort_squares or 0, n),
        resolved=resolution_rate(resolved or 0, n),
        nps=net_promoter(promoters or 0, detractors or 0, n),
    )
