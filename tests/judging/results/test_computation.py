"""Results of a round (judging/results/computation.py): weighted scores, judge normalisation,
spread,
completeness and the ranking's tie-breaks, each on small cases computed by hand here. Figures
are compared as people read them: rounded by the rule of judging/scoring/rounding.py (`score`)."""

from math import sqrt

import pytest

from judging.models import ScoresheetStatus
from judging.results.computation import entries, round_results
from judging.results.detail import entry_detail
from judging.scoring.rounding import score
from tests.factories.judging import (
    AssignmentFactory,
    CategoryRubricFactory,
    RoundDecisionFactory,
    RoundFactory,
    RubricFactory,
    judged,
)

pytestmark = pytest.mark.django_db


def by_reference(results):
    return {result.reference: result for result in results}


def test_lenient_and_harsh_judges_count_the_same(scene):
    lenient, harsh = scene.judges[:2]
    a, b, c, d = (scene.entry(number) for number in (1, 2, 3, 4))
    judged(scene.round, a, lenient, [80])
    judged(scene.round, b, lenient, [90])
    judged(scene.round, c, harsh, [40])
    judged(scene.round, d, harsh, [50])

    results = round_results(scene.round)

    # Each judge: mean 85 (or 45), standard deviation 5, so z = -1 and +1 for both.
    # The round: mean (80 + 90 + 40 + 50) / 4 = 65; deviations 15, 25, -25, -15, so the variance
    # is (225 + 625 + 625 + 225) / 4 = 425 and the standard deviation sqrt(425) = 20.6155...
    low, high = 65 - sqrt(425), 65 + sqrt(425)
    found = by_reference(results)
    assert [found[n.reference].raw_mean for n in (a, b, c, d)] == [80, 90, 40, 50]
    assert found[a.reference].normalised == score(low)
    assert found[c.reference].normalised == score(low)
    assert found[b.reference].normalised == score(high)
    assert found[d.reference].normalised == score(high)
    # B and D tie after normalisation; B's mean on the top criterion (90 against 50) puts it
    # first. D, scored 50 by the harsh judge, ranks above A, scored 80 by the lenient one.
    assert [result.reference for result in results] == [
        b.reference,
        d.reference,
        a.reference,
        c.reference,
    ]
    assert [result.rank for result in results] == [1, 2, 3, 4]


def test_two_judges_on_the_same_entries_end_up_level(scene):
    lenient, harsh = scene.judges[:2]
    a, b = scene.entry(1), scene.entry(2)
    judged(scene.round, a, lenient, [80])
    judged(scene.round, b, lenient, [90])
    judged(scene.round, a, harsh, [40])
    judged(scene.round, b, harsh, [50])

    found = by_reference(round_results(scene.round))

    # Raw, A gets (80 + 40) / 2 = 60 and B (90 + 50) / 2 = 70, and the judges disagree by 40
    # points on each. Normalised, both judges put A at z = -1 and B at z = +1: with the round's
    # mean 65 and standard deviation sqrt(425), A = 65 - sqrt(425) and B = 65 + sqrt(425) from
    # either judge.
    assert found[a.reference].raw_mean == 60
    assert found[b.reference].raw_mean == 70
    assert found[a.reference].normalised == score(65 - sqrt(425))
    assert found[b.reference].normalised == score(65 + sqrt(425))
    assert found[a.reference].spread == 40
    assert found[a.reference].judge_scores == [80, 40]


def test_a_judge_with_one_sheet_or_no_spread_maps_to_the_round_mean(scene):
    single, flat = scene.judges[:2]
    one, two, three = scene.entry(1), scene.entry(2), scene.entry(3)
    judged(scene.round, one, single, [30])
    judged(scene.round, two, flat, [70])
    judged(scene.round, three, flat, [70])

    results = round_results(scene.round)

    # Every z is 0, so every sheet maps to the round's mean (30 + 70 + 70) / 3.
    assert [result.normalised for result in results] == [score(170 / 3)] * 3
    # All level: the top criterion decides (70 before 30), then the reference (two before three).
    assert [result.reference for result in results] == [
        two.reference,
        three.reference,
        one.reference,
    ]


def test_normalised_scores_stay_within_0_and_100(scene):
    generous, steady = scene.judges[:2]
    zeros = [scene.entry(number) for number in range(1, 10)]
    star = scene.entry(10)
    for entry in zeros:
        judged(scene.round, entry, generous, [0])
    judged(scene.round, star, generous, [100])
    judged(scene.round, scene.entry(11), steady, [50])
    judged(scene.round, scene.entry(12), steady, [50])

    found = by_reference(round_results(scene.round))

    # The generous judge: mean 10, variance (9 x 10^2 + 90^2) / 10 = 900, sd 30, so the star's
    # z = (100 - 10) / 30 = 3 and each zero's z = -1/3.
    # The round: 12 sheets, mean 200 / 12, variance as below.
    mean = 200 / 12
    variance = (9 * mean**2 + (100 - mean) ** 2 + 2 * (50 - mean) ** 2) / 12
    assert mean + 3 * sqrt(variance) > 100  # so the star's score is clamped
    assert found[star.reference].normalised == 100
    assert found[zeros[0].reference].normalised == score(mean - sqrt(variance) / 3)


def test_weighted_scores_with_two_rubrics_and_scales(scene):
    cycle = scene.cycle
    five_point = RubricFactory(name="Five points", weights=(50, 30, 20), scale=(1, 5))
    ten_point = RubricFactory(name="Ten points", weights=(60, 40), scale=(0, 10))
    round = RoundFactory(cycle=cycle, rubric=five_point, name_en="Two rubrics")
    CategoryRubricFactory(round=round, category=scene.categories[1], rubric=ten_point)
    first = scene.entry(1)
    second = scene.entry(2, category=scene.categories[1])
    ada, bola = scene.judges[:2]
    # 1-5: (5-1)/4 x 50 + (3-1)/4 x 30 + (1-1)/4 x 20 = 50 + 15 + 0 = 65
    judged(round, first, ada, [5, 3, 1])
    # 1-5: every score at the bottom = 0
    judged(round, first, bola, [1, 1, 1])
    # 0-10: 7/10 x 60 + 10/10 x 40 = 42 + 40 = 82
    judged(round, second, ada, [7, 10])

    found = by_reference(round_results(round))

    assert found[first.reference].judge_scores == [65, 0]
    assert found[first.reference].raw_mean == 32.5
    assert found[second.reference].judge_scores == [82]
    assert found[second.reference].raw_mean == 82
    assert found[second.reference].top_scores == 1  # the 10 on a 0-10 scale
    assert found[first.reference].top_scores == 1  # the 5 on a 1-5 scale
    assert found[first.reference].top_criterion_mean == 3  # (5 + 1) / 2 on the 50% criterion


def test_disagreement_flag_at_the_threshold(scene):
    ada, bola = scene.judges[:2]
    apart, close, alone = scene.entry(1), scene.entry(2), scene.entry(3)
    judged(scene.round, apart, ada, [70])
    judged(scene.round, apart, bola, [45])  # 25 apart: the threshold
    judged(scene.round, close, ada, [70])
    judged(scene.round, close, bola, [46])  # 24 apart
    judged(scene.round, alone, ada, [0])
    assert scene.round.disagreement_threshold == 25

    found = by_reference(round_results(scene.round))

    assert (found[apart.reference].spread, found[apart.reference].disagreement) == (25, True)
    assert (found[close.reference].spread, found[close.reference].disagreement) == (24, False)
    assert found[alone.reference].spread == 0
    assert not found[alone.reference].disagreement

    scene.round.disagreement_threshold = 24
    assert by_reference(round_results(scene.round))[close.reference].disagreement


def test_only_submitted_sheets_count_and_completeness(scene):
    ada, bola, chidi = scene.judges[:3]
    entry, unscored = scene.entry(1), scene.entry(2)
    judged(scene.round, entry, ada, [60])
    judged(scene.round, entry, bola, [100], status=ScoresheetStatus.DRAFT)
    AssignmentFactory(round=scene.round, nomination=entry, judge=chidi)
    judged(scene.round, unscored, ada, [0], status=ScoresheetStatus.DRAFT)
    AssignmentFactory(round=scene.round, nomination=unscored, judge=bola)
    never_assigned = scene.entry(3)

    results = round_results(scene.round)

    first, second, third = results
    assert first.reference == entry.reference
    assert (first.assigned, first.submitted) == (3, 1)
    assert first.completeness == pytest.approx(1 / 3)
    assert first.judge_scores == [60]
    assert (first.raw_mean, first.normalised, first.rank) == (60, 60, 1)
    # Entries without a submitted sheet come last, unranked.
    assert {second.reference, third.reference} == {unscored.reference, never_assigned.reference}
    for result in (second, third):
        assert (result.rank, result.raw_mean, result.normalised) == (None, None, None)
    found = by_reference(results)
    assert (found[unscored.reference].assigned, found[unscored.reference].submitted) == (2, 0)
    assert found[never_assigned.reference].completeness == 0


def test_withdrawn_and_ineligible_nominations_are_not_entries(scene):
    judged(scene.round, scene.entry(1), scene.judges[0], [50])
    scene.entry(2, status="withdrawn")
    scene.entry(3, status="ineligible")
    scene.entry(4, status="submitted")  # not checked yet: not taken by the round

    assert [result.reference for result in round_results(scene.round)] == ["TST-KE-0001"]


def tie_round(scene, weights, name):
    rubric = RubricFactory(name=name, weights=weights, scale=(0, 4))
    return RoundFactory(cycle=scene.cycle, rubric=rubric, name_en=name)


def test_normalised_score_comes_before_every_other_tie_break(scene):
    round = tie_round(scene, (50, 25, 25), "Normalised first")
    judge = scene.judges[0]
    weak_but_top, strong = scene.entry(1), scene.entry(2)
    judged(round, weak_but_top, judge, [3, 0, 0])  # 37.5, 3 on the top criterion
    judged(round, strong, judge, [0, 4, 4])  # 50, two top scores, 0 on the top criterion

    assert [result.reference for result in round_results(round)] == [
        strong.reference,
        weak_but_top.reference,
    ]


def test_tie_broken_by_the_highest_weighted_criterion_lowest_sort_order_first(scene):
    # Criteria weighted 20, 40, 40: the two 40s tie, so the first of them (sort order 1) counts.
    round = tie_round(scene, (20, 40, 40), "Top criterion")
    judge = scene.judges[0]
    first, second = scene.entry(1), scene.entry(2)
    judged(round, first, judge, [0, 2, 4])  # 0 + 20 + 40 = 60
    judged(round, second, judge, [0, 4, 2])  # 0 + 40 + 20 = 60

    results = round_results(round)

    assert results[0].normalised == results[1].normalised
    assert [(result.reference, result.top_criterion_mean) for result in results] == [
        (second.reference, 4),
        (first.reference, 2),
    ]


def test_tie_broken_by_the_number_of_top_scores(scene):
    round = tie_round(scene, (50, 25, 25), "Top scores")
    judge = scene.judges[0]
    even, peaked = scene.entry(1), scene.entry(2)
    judged(round, even, judge, [2, 2, 2])  # 25 + 12.5 + 12.5 = 50, no 4
    judged(round, peaked, judge, [2, 4, 0])  # 25 + 25 + 0 = 50, one 4

    results = round_results(round)

    assert results[0].top_criterion_mean == results[1].top_criterion_mean == 2
    assert [(result.reference, result.top_scores) for result in results] == [
        (peaked.reference, 1),
        (even.reference, 0),
    ]


def test_full_tie_broken_by_reference(scene):
    round = tie_round(scene, (50, 25, 25), "Reference")
    judge = scene.judges[0]
    entries = [scene.entry(number) for number in (3, 1, 2)]
    for entry in entries:
        judged(round, entry, judge, [4, 4, 0])

    results = round_results(round)

    assert [result.reference for result in results] == ["TST-KE-0001", "TST-KE-0002", "TST-KE-0003"]
    assert [result.rank for result in results] == [1, 2, 3]


def test_ranked_per_category_in_category_order_with_a_filter(scene):
    ada, bola = scene.judges[:2]
    digital, frontline = scene.categories
    front_high = scene.entry(1, category=frontline)
    front_low = scene.entry(2, category=frontline)
    digital_only = scene.entry(3, category=digital)
    judged(scene.round, front_high, ada, [90])
    judged(scene.round, front_low, ada, [10])
    judged(scene.round, digital_only, bola, [20])
    RoundDecisionFactory(round=scene.round, nomination=front_high, outcome="finalist")

    results = round_results(scene.round)

    assert [(r.category_name, r.reference, r.rank) for r in results] == [
        ("Digital", digital_only.reference, 1),
        ("Frontline", front_high.reference, 1),
        ("Frontline", front_low.reference, 2),
    ]
    assert results[1].outcome == "finalist"
    assert results[0].outcome == ""
    # The filter keeps one category; normalisation still uses the whole round's sheets.
    filtered = round_results(scene.round, category_id=frontline.pk)
    assert [r.reference for r in filtered] == [front_high.reference, front_low.reference]
    assert [r.normalised for r in filtered] == [r.normalised for r in results[1:]]


def test_results_take_one_query_whatever_the_size(scene, django_assert_num_queries):
    judge = scene.judges[0]
    for number in range(1, 4):
        judged(scene.round, scene.entry(number), judge, [number * 10])
    with django_assert_num_queries(1):
        assert len(round_results(scene.round)) == 3
    for number in range(4, 12):
        judged(scene.round, scene.entry(number), scene.judges[number % 4], [number * 5])
    with django_assert_num_queries(1):
        assert len(round_results(scene.round)) == 11


def test_entry_detail_shows_each_judges_scores_and_comments(scene):
    ada, bola, chidi = scene.judges[:3]
    entry = scene.entry(1)
    judged(
        scene.round,
        entry,
        ada,
        [75],
        comments=["Clear evidence of shorter queues."],
        overall_comment="Strong entry.",
        recommendation="yes",
    )
    judged(scene.round, entry, bola, [None], status=ScoresheetStatus.DRAFT)
    AssignmentFactory(round=scene.round, nomination=entry, judge=chidi)

    rows = {row.judge_name: row for row in entry_detail(scene.round, entry)}

    assert set(rows) == {ada.display_name, bola.display_name, chidi.display_name}
    done = rows[ada.display_name]
    assert (done.status, done.weighted, done.overall_comment) == ("submitted", 75, "Strong entry.")
    assert done.recommendation_label == "Recommend"
    assert [(line.score, line.comment) for line in done.criteria] == [
        (75, "Clear evidence of shorter queues.")
    ]
    assert (rows[bola.display_name].status, rows[bola.display_name].weighted) == ("draft", None)
    assert rows[chidi.display_name].status == "not_started"
    assert rows[chidi.display_name].scoresheet is None


def test_entries_stay_in_the_results_after_their_status_changes(scene):
    # Publishing a screening round makes shortlisted entries "shortlisted", a status the round
    # does not take entries from; their assignments keep them in its results.
    moved, kept = scene.entry(1), scene.entry(2)
    judged(scene.round, moved, scene.judges[0], [80])
    judged(scene.round, kept, scene.judges[0], [40])
    moved.status = "shortlisted"
    moved.save()

    assert [result.reference for result in round_results(scene.round)] == [
        moved.reference,
        kept.reference,
    ]


def test_the_results_cover_exactly_the_rounds_entries(scene):
    # The statement selects entries with joins; judging.results.computation.entries says the same
    # with
    # the ORM (publishing and the admin use it). Every way in and out, side by side.
    admin = scene.judges[3].user
    eligible_unassigned = scene.entry(1)
    scored_then_shortlisted = scene.entry(2, status="shortlisted")
    judged(scene.round, scored_then_shortlisted, scene.judges[0], [70])
    decided = scene.entry(3, status="finalist")
    RoundDecisionFactory(
        round=scene.round, nomination=decided, outcome="finalist", decided_by=admin
    )
    assigned_not_yet_checked = scene.entry(4, status="submitted")
    AssignmentFactory(round=scene.round, nomination=assigned_not_yet_checked, judge=scene.judges[1])
    AssignmentFactory(
        round=scene.round, nomination=scene.entry(5, status="withdrawn"), judge=scene.judges[1]
    )
    scene.entry(6, status="submitted")  # not taken by the round, not assigned, not decided
    scene.entry(7, status="draft")
    other_category = scene.entry(8, category=scene.categories[1])

    covered = {result.nomination_id for result in round_results(scene.round)}
    assert covered == set(entries(scene.round).values_list("pk", flat=True))
    assert covered == {
        eligible_unassigned.pk,
        scored_then_shortlisted.pk,
        decided.pk,
        assigned_not_yet_checked.pk,
        other_category.pk,
    }
    in_first = round_results(scene.round, category_id=scene.categories[0].pk)
    assert other_category.pk not in {result.nomination_id for result in in_first}
