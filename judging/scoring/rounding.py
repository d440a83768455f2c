"""One rounding rule for every score the platform computes or shows: two decimals, halves up,
with Python's Decimal. A scoresheet's weighted score, an entry's means, spread and normalised
score, the ranking's comparisons, the pages, the published record and the exports all take
their figures from here, so SQLite and PostgreSQL show the same figures and see the same ties.

Why not the databases' own or Python's `round`: PostgreSQL's round() on double precision
rounds halves to even (12.125 → 12.12) while SQLite's rounds them away from zero (12.13);
Python's round() rounds halves to even and works on the binary float, so round(2.675, 2) is
2.67 although the score is 2.675. Here a float is read as the shortest decimal that gives it
back (`repr`, what people see printed: 2.675), then rounded half up (2.68).

Exact values stay exact: a scoresheet's weighted score is a whole number of points divided by
the scale's span (`weighted`), and means are taken over the sheets' values as decimals
(`mean`), never summed as floats in an order each database chooses.
"""

from decimal import ROUND_HALF_UP, Decimal

PLACES = Decimal("0.01")


def exact(value):
    """A float, int, str or Decimal as a Decimal, a float through its shortest decimal form."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def score(value):
    """The value rounded to two decimals, halves up, as a Decimal; None stays None."""
    if value is None:
        return None
    return exact(value).quantize(PLACES, rounding=ROUND_HALF_UP)


def mean(values):
    """The rounded mean of the values (None for none), computed on the exact decimals."""
    values = [exact(value) for value in values if value is not None]
    if not values:
        return None
    return score(sum(values) / len(values))


def weighted(points, span):
    """A scoresheet's weighted score (0-100), rounded: `points` is the sum over the criteria of
    (score - lowest score) x weight, a whole number, and `span` the scale's highest minus its
    lowest score."""
    if points is None:
        return None
    return score(Decimal(points) / Decimal(span))
