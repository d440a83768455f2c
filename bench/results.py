"""Time of a round's full results table (judging/results/computation.py: raw + normalised + spread
+ rank)
for 10,000 entries x 3 judges x 8 criteria = 240,000 criterion scores, next to the time of one
hand-written SQL aggregate over the same rows (each entry's summed weighted score, GROUP BY
nomination). The ratio is the figure. Targets: within 2x the aggregate and under 1 s.

    .venv/bin/python bench/results.py                 # SQLite, in a throwaway folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cxbench_results \
        .venv/bin/python bench/results.py

The PostgreSQL database must exist and be empty (it is migrated here).
"""

import os
import random
import statistics
import time
from datetime import timedelta

import _harness  # bench/_harness.py

connection = _harness.start_django()

from django.core.management import call_command  # noqa: E402

ENTRIES = int(os.environ.get("BENCH_ENTRIES", "10000"))
JUDGES = 150
JUDGES_PER_ENTRY = 3
WEIGHTS = (20, 15, 15, 10, 10, 10, 10, 10)  # 8 criteria
RUNS = int(os.environ.get("BENCH_RUNS", "15"))

# The yardstick: one aggregate over the same 240,000 rows and joins, nothing else.
RAW_AGGREGATE = """
SELECT a.nomination_id,
       SUM(CAST(cs.score - r.scale_min AS DOUBLE PRECISION) * c.weight
           / (r.scale_max - r.scale_min)) AS weighted
FROM judging_criterionscore cs
JOIN judging_scoresheet s ON s.id = cs.scoresheet_id
JOIN judging_assignment a ON a.id = s.assignment_id
JOIN judging_criterion c ON c.id = cs.criterion_id
JOIN judging_rubric r ON r.id = c.rubric_id
WHERE a.round_id = %s AND s.status = 'submitted'
GROUP BY a.nomination_id
"""


def prepare():
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from judging.models import (
        Assignment,
        Criterion,
        CriterionScore,
        JudgeProfile,
        Round,
        Rubric,
        Scoresheet,
        ScoresheetStatus,
    )
    from judging.scoring.sheet_figures import mark_submitted
    from nominations.choices import NominationStatus
    from nominations.models import AwardCycle, Category, Nomination

    call_command("migrate", verbosity=0)
    rng = random.Random(2027)
    now = timezone.now()
    User = get_user_model()
    cycle = AwardCycle.objects.create(
        name_en="Bench cycle",
        code="BEN",
        nominations_open_at=now - timedelta(days=90),
        nominations_close_at=now - timedelta(days=60),
    )
    categories = [
        Category.objects.create(cycle=cycle, name_en=f"Category {n}", name_fr=f"Catégorie {n}")
        for n in range(5)
    ]
    # A rubric is saved with its criteria, whose weights add up to 100 (Rubric.save).
    rubric = Rubric(
        name="Bench rubric",
        scale_min=1,
        scale_max=5,
        criteria=[
            Criterion(sort_order=n, name_en=f"Criterion {n}", weight=w)
            for n, w in enumerate(WEIGHTS)
        ],
    )
    rubric.save()
    criteria = list(rubric.criteria.order_by("sort_order"))
    round = Round.objects.create(
        cycle=cycle,
        name_en="Bench screening",
        rubric=rubric,
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=1),
        scores_due_on=(now - timedelta(days=2)).date(),
        entering_statuses=[NominationStatus.ELIGIBLE],
        judges_per_entry=JUDGES_PER_ENTRY,
    )
    nominator = User.objects.create_user(email="bench-nominator@bench.test", password=None)
    judge_users = User.objects.bulk_create(
        [User(email=f"judge{n}@bench.test", first_name=f"Judge {n}") for n in range(JUDGES)]
    )
    judges = JudgeProfile.objects.bulk_create([JudgeProfile(user=user) for user in judge_users])
    entries = Nomination.objects.bulk_create(
        [
            Nomination(
                cycle=cycle,
                nominator=nominator,
                category=categories[n % len(categories)],
                country="KE",
                organisation_name=f"Bench organisation {n}",
                status=NominationStatus.ELIGIBLE,
                reference=f"BEN-KE-{n:05d}",
            )
            for n in range(ENTRIES)
        ],
        batch_size=2000,
    )
    # Judge leniency differs, so normalisation has something to do.
    leniency = [rng.choice([-1, 0, 0, 1]) for _ in judges]
    assignments = Assignment.objects.bulk_create(
        [
            Assignment(
                round=round,
                nomination=entry,
                judge=judges[(n + offset * 50) % JUDGES],
                due_on=round.scores_due_on,
            )
            for n, entry in enumerate(entries)
            for offset in range(JUDGES_PER_ENTRY)
        ],
        batch_size=5000,
    )
    sheets = Scoresheet.objects.bulk_create(
        [
            Scoresheet(
                assignment=assignment,
                status=ScoresheetStatus.DRAFT,
                recommendation="yes",
                submitted_at=now,
            )
            for assignment in assignments
        ],
        batch_size=5000,
    )
    judge_index = {judge.pk: index for index, judge in enumerate(judges)}
    batch = []
    for sheet, assignment in zip(sheets, assignments, strict=True):
        bias = leniency[judge_index[assignment.judge_id]]
        for criterion in criteria:
            score = min(5, max(1, rng.randint(1, 5) + bias))
            batch.append(CriterionScore(scoresheet=sheet, criterion=criterion, score=score))
        if len(batch) >= 20000:
            CriterionScore.objects.bulk_create(batch)
            batch = []
    CriterionScore.objects.bulk_create(batch)
    # Submitting stores each sheet's results figures (judging/scoring/sheet_figures.py). Judges do
    # it
    # one sheet at a time; here every sheet at once, and the time is reported.
    start = time.perf_counter()
    mark_submitted(Scoresheet.objects.filter(assignment__round=round))
    storing = time.perf_counter() - start
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh statistics for the planner, as a live database has
    return round, storing


def main():
    from judging.models import CriterionScore, Scoresheet
    from judging.results.computation import round_results
    from judging.scoring.sheet_figures import mark_submitted

    start = time.perf_counter()
    round, storing = prepare()
    built = time.perf_counter() - start
    scores = CriterionScore.objects.filter(scoresheet__assignment__round=round).count()

    def raw():
        with connection.cursor() as cursor:
            cursor.execute(RAW_AGGREGATE, [round.pk])
            return cursor.fetchall()

    results = round_results(round)
    assert len(results) == ENTRIES and all(result.rank for result in results)
    assert len(raw()) == ENTRIES
    (raw_time, raw_best, _raw_cpu), (full_time, full_best, _full_cpu) = _harness.timed(
        [raw, lambda: round_results(round)], RUNS
    )
    ratio = full_time / raw_time
    # What storing the figures adds to one judge's submit: the UPDATE of one sheet.
    sheet_ids = list(
        Scoresheet.objects.filter(assignment__round=round).values_list("pk", flat=True)[:50]
    )
    one_sheet = []
    for sheet_id in sheet_ids:
        start = time.perf_counter()
        mark_submitted(Scoresheet.objects.filter(pk=sheet_id))
        one_sheet.append(time.perf_counter() - start)
    print(
        f"database: {connection.vendor}, entries: {ENTRIES}, judges: {JUDGES}, "
        f"criterion scores: {scores} (built in {built:.0f} s), {RUNS} runs (median / fastest)"
    )
    print(
        f"  storing the figures of all {ENTRIES * JUDGES_PER_ENTRY} sheets at once "
        f"(one-off; judges submit one sheet at a time): {storing * 1000:.0f} ms"
    )
    print(f"  storing one sheet's figures on submit: {statistics.median(one_sheet) * 1000:.2f} ms")
    print(f"  hand-written aggregate   {raw_time * 1000:8.1f} / {raw_best * 1000:6.1f} ms")
    print(f"  round_results()          {full_time * 1000:8.1f} / {full_best * 1000:6.1f} ms")
    print(
        f"ratio {ratio:.2f}x of medians, {full_best / raw_best:.2f}x of fastest "
        f"(target 2x: {'met' if ratio <= 2 else 'NOT met'}); "
        f"under 1 s: {'met' if full_time < 1 else 'NOT met'}"
    )


if __name__ == "__main__":
    _harness.run(main)
