"""Time and peak memory of a sponsor's Excel workbook (cms/reports/workbook.py) for a cycle of
10,000 sent nominations with judging (24,000 assignments), next to openpyxl alone
writing the same rows in write-only mode: the same cell values, sheet by sheet, from Python
lists already in memory, without styles, charts or queries. The ratio of the medians is the
figure; target: within 1.3x of the bare library. Two moments of the cycle are measured:
during it (Summary and Nominations sheets) and once a round's results are published (a
Results sheet of about 8,000 rows too, from the record kept when they were published). The PDF
summary of the same cycle is timed too, for information.

    .venv/bin/python bench/sponsor_reports.py             # SQLite, in a throwaway folder
    BENCH_NOMINATIONS=100000 .venv/bin/python bench/sponsor_reports.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cxbench_sponsors \
        .venv/bin/python bench/sponsor_reports.py

The PostgreSQL database must exist and be empty (it is migrated here). Peak memory is the
peak of Python allocations during one build (tracemalloc), measured in runs of its own.
"""

import os
import random
import time
import tracemalloc
from datetime import timedelta
from io import BytesIO

import _harness  # bench/_harness.py

connection = _harness.start_django()

from django.core.management import call_command  # noqa: E402

NOMINATIONS = int(os.environ.get("BENCH_NOMINATIONS", "10000"))
JUDGES = 150
JUDGES_PER_ENTRY = 3
PLEDGES = 2000
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
COUNTRIES = ["KE", "GH", "NG", "SN", "CM", "CI", "RW", "ZA", "MA", "ET", "UG", "TZ", "BJ", "EG"]


def prepare():
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from cms.models import Partner, PledgeSignature
    from judging.models import Assignment, Criterion, JudgeProfile, Round, Rubric, Scoresheet
    from judging.models import ScoresheetStatus as Sheet
    from judging.results.computation import record_published_results
    from nominations.choices import NominationStatus, OrganisationKind
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
        Category.objects.create(
            cycle=cycle, name_en=f"Category {n}", name_fr=f"Catégorie {n}", sort_order=n
        )
        for n in range(5)
    ]
    partner = Partner.objects.create(name="Bench sponsor", tier="gold")
    partner.cycles.add(cycle)
    rubric = Rubric(  # saved with its one criterion: the weights add up to 100 (Rubric.save)
        name="Bench rubric",
        scale_min=1,
        scale_max=5,
        criteria=[Criterion(name_en="Overall", weight=100)],
    )
    rubric.save()
    round_ = Round.objects.create(
        cycle=cycle,
        name_en="Bench screening",
        rubric=rubric,
        opens_at=now - timedelta(days=30),
        closes_at=now - timedelta(days=1),
        scores_due_on=(now - timedelta(days=2)).date(),
        entering_statuses=[NominationStatus.ELIGIBLE],
        judges_per_entry=JUDGES_PER_ENTRY,
        results_published_at=now,
    )
    nominator = User.objects.create_user(email="bench-nominator@bench.test", password=None)
    statuses = [NominationStatus.ELIGIBLE] * 8 + [
        NominationStatus.SUBMITTED,
        NominationStatus.INELIGIBLE,
    ]
    kinds = [kind for kind, _label in OrganisationKind.choices]
    entries = Nomination.objects.bulk_create(
        [
            Nomination(
                cycle=cycle,
                nominator=nominator,
                category=categories[n % len(categories)],
                country=COUNTRIES[n % len(COUNTRIES)],
                organisation_name=f"Bench organisation {n}",
                organisation_kind=kinds[n % len(kinds)],
                contact_name=f"Contact {n}",
                contact_email=f"contact{n}@bench.test",
                contact_phone=f"+254 700 {n:06d}",
                status=statuses[n % len(statuses)],
                reference=f"BEN-{COUNTRIES[n % len(COUNTRIES)]}-{n:05d}",
                submitted_at=now - timedelta(days=60 + n % 30, minutes=n),
            )
            for n in range(NOMINATIONS)
        ],
        batch_size=2000,
    )
    judge_users = User.objects.bulk_create(
        [User(email=f"judge{n}@bench.test", first_name=f"Judge {n}") for n in range(JUDGES)]
    )
    judges = JudgeProfile.objects.bulk_create([JudgeProfile(user=user) for user in judge_users])
    assignments = Assignment.objects.bulk_create(
        [
            Assignment(
                round=round_,
                nomination=entry,
                judge=judges[(n + offset * 50) % JUDGES],
                due_on=round_.scores_due_on,
            )
            for n, entry in enumerate(entries)
            if entry.status == NominationStatus.ELIGIBLE
            for offset in range(JUDGES_PER_ENTRY)
        ],
        batch_size=5000,
    )
    # Submitted sheets carry the figures the results read (judging/scoring/sheet_figures.py); most
    # are submitted, some drafts, some not started.
    Scoresheet.objects.bulk_create(
        [
            Scoresheet(
                assignment=assignment,
                status=Sheet.SUBMITTED if n % 10 else Sheet.DRAFT,
                submitted_at=now if n % 10 else None,
                weighted_score=rng.uniform(20, 95) if n % 10 else None,
                top_criterion_score=rng.randint(1, 5) if n % 10 else None,
                top_scores=rng.randint(0, 4) if n % 10 else None,
            )
            for n, assignment in enumerate(assignments)
            if n % 17
        ],
        batch_size=5000,
    )
    PledgeSignature.objects.bulk_create(
        [
            PledgeSignature(
                page_key="00000000-0000-0000-0000-000000000001",
                name=f"Signer {n}",
                email=f"signer{n}@bench.test",
                country=COUNTRIES[n % len(COUNTRIES)],
                kind="individual",
            )
            for n in range(PLEDGES)
        ],
        batch_size=2000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    # What publishing does: keep the results as published, which the reports read.
    record_published_results(round_)
    return cycle, partner


def same_rows(content):
    """Every sheet's cell values of a workbook, as lists (what the bare library will write)."""
    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(content), read_only=True)
    sheets = [
        (sheet.title, [list(row) for row in sheet.iter_rows(values_only=True)])
        for sheet in workbook.worksheets
    ]
    workbook.close()
    return sheets


def bare(sheets):
    """openpyxl alone, write-only: the same values appended row by row, nothing else."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def peak_memory(function):
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def compare(scope, label):
    """Time and peak memory of the sponsor workbook and of openpyxl alone on its rows."""
    from cms.reports.workbook import report_workbook

    content = report_workbook(scope)
    sheets = same_rows(content)
    rows = {title: len(values) - 1 for title, values in sheets}
    cells = sum(len(row) for _title, values in sheets for row in values)

    def report():
        return report_workbook(scope)

    def library():
        return bare(sheets)

    (bare_time, bare_best, bare_cpu), (report_time, report_best, report_cpu) = _harness.timed(
        [library, report], RUNS
    )
    bare_peak = peak_memory(library)
    report_peak = peak_memory(report)
    ratio = report_time / bare_time
    cpu_ratio = report_cpu / bare_cpu
    print(f"{label}: sheets {rows}, {cells} cells, workbook {len(content) / 1024:.0f} KB")
    print(
        f"  openpyxl alone, write-only  {bare_time:6.2f} / {bare_best:5.2f} s; "
        f"CPU {bare_cpu:5.2f} s   peak {bare_peak / 2**20:6.1f} MB"
    )
    print(
        f"  sponsor workbook            {report_time:6.2f} / {report_best:5.2f} s; "
        f"CPU {report_cpu:5.2f} s   peak {report_peak / 2**20:6.1f} MB"
    )
    print(
        f"  ratio {ratio:.2f}x of wall medians, {report_best / bare_best:.2f}x of fastest, "
        f"{cpu_ratio:.2f}x of CPU medians (target 1.3x: {'met' if ratio <= 1.3 else 'NOT met'} "
        f"on wall medians, {'met' if cpu_ratio <= 1.3 else 'NOT met'} on CPU)"
    )


def main():
    from cms.reports.access import ReportScope
    from cms.reports.summary_pdf import report_pdf
    from judging.models import Round

    start = time.perf_counter()
    cycle, partner = prepare()
    built = time.perf_counter() - start
    scope = ReportScope(cycle=cycle, partner=partner)
    print(
        f"database: {connection.vendor}, nominations: {NOMINATIONS} (built in {built:.0f} s), "
        f"{RUNS} runs (wall median / fastest; CPU median of this process)"
    )
    published = Round.objects.filter(cycle=cycle).values_list("results_published_at", flat=True)
    when = published[0]
    Round.objects.filter(cycle=cycle).update(results_published_at=None)
    compare(scope, "During the cycle (no published results)")
    Round.objects.filter(cycle=cycle).update(results_published_at=when)
    compare(scope, "After publishing (Results sheet from the published record)")

    start = time.perf_counter()
    pdf = report_pdf(scope)
    pdf_first = time.perf_counter() - start
    ((pdf_time, _pdf_best, _pdf_cpu),) = _harness.timed([lambda: report_pdf(scope)], runs=3)
    print(
        f"PDF summary: {pdf_time:.2f} s warm ({pdf_first:.2f} s first, WeasyPrint import "
        f"included), {len(pdf) / 1024:.0f} KB"
    )


if __name__ == "__main__":
    _harness.run(main)
