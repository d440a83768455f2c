"""One rounding rule for every score (judging/scoring/rounding.py): two decimals, halves up, in
Python's
Decimal, the same on SQLite and PostgreSQL (the suite runs on both). The values are chosen where
the other rules differ: halves that banker's rounding sends down (43.125 → 43.12), floats whose
binary value lies under the half (2.675 → 2.67 with Python's round), and databases that round
halves their own way (PostgreSQL's round() of a double: to even; SQLite's: away from zero)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone

from judging.models import Assignment, Scoresheet
from judging.results import decisions
from judging.results.computation import published_round_results, round_results
from judging.results.detail import entry_detail
from judging.scoring import rounding
from judging.scoring import rules as scoring
from tests.factories.judging import RoundFactory, RubricFactory, judged

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "rounded", "elsewhere"),
    [
        (43.125, "43.13", round(43.125, 2)),  # banker's rounding: 43.12
        (2.675, "2.68", round(2.675, 2)),  # the float lies under the half: 2.67
        (1.005, "1.01", round(1.005, 2)),  # 1.0
        (0.125, "0.13", round(0.125, 2)),  # 0.12
        (-0.125, "-0.13", round(-0.125, 2)),  # halves go away from zero, both ways
        (Decimal("72.345"), "72.35", None),
        ("55.555", "55.56", None),
        (80, "80.00", None),
    ],
)
def test_the_rule_rounds_halves_up_where_other_rules_do_not(value, rounded, elsewhere):
    assert rounding.score(value) == Decimal(rounded)
    assert str(rounding.score(value)) == rounded
    if elsewhere is not None:
        assert Decimal(repr(elsewhere)) != Decimal(rounded)  # the case is one that differs


def test_means_are_taken_on_exact_decimals():
    # Summed as floats, 3.49 + 1.579 + 4.366 is 9.434999..., a mean of 3.1449999... (3.14);
    # as decimals the mean is 3.145, so 3.15, whatever the order of the sum.
    assert sum([3.49, 1.579, 4.366]) / 3 < 3.145
    assert rounding.mean([3.49, 1.579, 4.366]) == Decimal("3.15")
    assert rounding.mean([4.366, 1.579, 3.49]) == Decimal("3.15")
    assert rounding.mean([]) is None
    assert rounding.weighted(345, 8) == Decimal("43.13")  # 345 / 8 = 43.125


@pytest.fixture
def eighths(scene):
    """A round whose rubric scores 0-8 on two criteria weighted 51 and 49: scores 1 and 6 give
    (1 x 51 + 6 x 49) / 8 = 345 / 8 = 43.125 points."""
    rubric = RubricFactory(name="Eighths", weights=(51, 49), scale=(0, 8))
    return RoundFactory(cycle=scene.cycle, rubric=rubric, name_en="Eighths")


def test_a_sheet_weighing_43_125_is_shown_43_13_everywhere(scene, eighths, client, settings):
    entry = scene.entry(1)
    judge = scene.judges[0]
    sheet = judged(eighths, entry, judge, [1, 6])
    assert Scoresheet.objects.get(pk=sheet.pk).weighted_score == 43.125  # stored exactly

    result = round_results(eighths)[0]
    assert (result.raw_mean, result.normalised, result.judge_scores) == (
        Decimal("43.13"),
        Decimal("43.13"),
        [Decimal("43.13")],
    )
    assert entry_detail(eighths, entry)[0].weighted == Decimal("43.13")
    assert scoring.weighted_score(sheet, eighths.rubric) == Decimal("43.13")

    Assignment.objects.filter(pk=sheet.assignment_id).update(conflict_checked_at=timezone.now())
    client.force_login(judge.user)
    page = client.get(f"/judging/entries/{sheet.assignment_id}/").content.decode()
    assert "43.13 out of 100" in page
    french = client.get(f"/fr/judging/entries/{sheet.assignment_id}/").content.decode()
    assert "43,13" in french


def test_an_entrys_mean_is_rounded_from_its_sheets_not_from_a_float_sum(scene, eighths):
    """Sheets of 43.125, 43.125 and 43.375: each shown rounded, the mean (129.625 / 3 =
    43.2083...) and the spread (0.25) taken on the exact values, then rounded."""
    entry = scene.entry(1)
    judged(eighths, entry, scene.judges[0], [1, 6])
    judged(eighths, entry, scene.judges[1], [1, 6])
    judged(eighths, entry, scene.judges[2], [2, 5])  # (102 + 245) / 8 = 43.375
    result = round_results(eighths)[0]
    assert result.judge_scores == [Decimal("43.38"), Decimal("43.13"), Decimal("43.13")]
    assert result.raw_mean == Decimal("43.21")  # 129.625 / 3 = 43.2083...
    assert result.spread == Decimal("0.25")


def test_entries_shown_with_the_same_score_are_tied_and_the_tie_break_decides(scene):
    """One judge scores three entries, so each normalised score is the sheet's own. Two of
    them differ by less than a hundredth (43.1251 and 43.1349, both shown 43.13): they are
    tied, and the one better on the top criterion ranks first. Comparing the floats would put
    the other first, and the floats a database computes may differ in their last digits."""
    entries = [scene.entry(number) for number in (1, 2, 3)]
    judge = scene.judges[0]
    sheets = [
        judged(scene.round, entry, judge, [score])
        for entry, score in zip(entries, (43, 43, 10), strict=True)
    ]
    for sheet, weighted, top in zip(sheets, (43.1251, 43.1349, 10.0), (9, 3, 1), strict=True):
        Scoresheet.objects.filter(pk=sheet.pk).update(
            weighted_score=weighted, top_criterion_score=top
        )
    results = round_results(scene.round)
    assert [result.normalised for result in results[:2]] == [Decimal("43.13")] * 2
    assert [(result.reference, result.rank) for result in results] == [
        (entries[0].reference, 1),
        (entries[1].reference, 2),
        (entries[2].reference, 3),
    ]


def test_the_published_record_keeps_the_rounded_figures(scene, eighths, admin_user):
    entry = scene.entry(1)
    judged(eighths, entry, scene.judges[0], [1, 6])
    type(eighths).objects.filter(pk=eighths.pk).update(
        opens_at=eighths.opens_at.replace(year=2020),
        closes_at=eighths.closes_at.replace(year=2021),
    )
    eighths.refresh_from_db()
    decisions.publish(eighths, admin_user)
    (result,) = published_round_results(eighths)
    assert (result.raw_mean, result.judge_scores) == (Decimal("43.13"), [Decimal("43.13")])
    assert connection.vendor in {"sqlite", "postgresql"}
