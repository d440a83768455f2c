"""After the load: the database against what the simulated people were told.

- every nomination whose sending answered with the "submitted" page is sent in the database,
  and no other load nomination is (nothing lost, nothing sent without the nominator knowing);
- no nominator has more than one nomination (no duplicate from a double submission), every
  sent one has its reference and exactly one evidence file;
- every scoresheet whose confirmation answered with the dashboard is submitted, and no other
  load scoresheet is; each submitted one has a score for every criterion and a recommendation.

Run by bench/load/run.py with the run's settings in the environment. Exit status 1 on any
mismatch.

    python bench/load/check.py --accounts accounts.json --outcome outcome.json
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

import django  # noqa: E402

django.setup()

from django.db.models import Count, Q  # noqa: E402

from judging.models import Scoresheet, ScoresheetStatus  # noqa: E402
from judging.scoring.rules import rubric_of  # noqa: E402
from nominations.choices import NominationStatus  # noqa: E402
from nominations.models import Nomination  # noqa: E402


def check_nominations(emails, confirmed):
    problems = []
    nominations = Nomination.objects.filter(nominator__email__in=emails)
    sent_uuids = nominations.exclude(status=NominationStatus.DRAFT).values_list("uuid", flat=True)
    sent = {str(uuid) for uuid in sent_uuids}
    confirmed = set(confirmed)
    lost = confirmed - sent
    unconfirmed = sent - confirmed
    if lost:
        problems.append(f"{len(lost)} nominations confirmed to the nominator are not sent")
    if unconfirmed:
        problems.append(f"{len(unconfirmed)} nominations are sent without a confirmation page")
    doubles = nominations.values("nominator").annotate(n=Count("pk")).filter(n__gt=1).count()
    if doubles:
        problems.append(f"{doubles} nominators have more than one nomination")
    incomplete = (
        nominations.exclude(status=NominationStatus.DRAFT)
        .annotate(files=Count("evidence"))
        .filter(Q(reference__isnull=True) | ~Q(files=1))
        .count()
    )
    if incomplete:
        problems.append(f"{incomplete} sent nominations lack a reference or have != 1 file")
    counts = {
        "nominations_sent_in_database": len(sent),
        "nominations_confirmed_by_the_site": len(confirmed),
        "drafts_left_unfinished": nominations.filter(status=NominationStatus.DRAFT).count(),
    }
    return counts, problems


def check_scoresheets(judges, confirmed):
    problems = []
    assignment_ids = [pk for judge in judges for pk in judge["assignments"]]
    sheets = Scoresheet.objects.filter(assignment__in=assignment_ids).select_related(
        "assignment__round__rubric", "assignment__nomination"
    )
    submitted = {
        sheet.assignment_id: sheet for sheet in sheets if sheet.status == ScoresheetStatus.SUBMITTED
    }
    confirmed = set(confirmed)
    lost = confirmed - set(submitted)
    unconfirmed = set(submitted) - confirmed
    if lost:
        problems.append(f"{len(lost)} scoresheets confirmed to the judge are not submitted")
    if unconfirmed:
        problems.append(f"{len(unconfirmed)} scoresheets are submitted without a confirmation")
    incomplete = 0
    for sheet in submitted.values():
        criteria = rubric_of(sheet.assignment).criteria.count()
        scored = sheet.scores.filter(score__isnull=False).values("criterion").distinct().count()
        rows = sheet.scores.count()
        if scored != criteria or rows != criteria or not sheet.recommendation:
            incomplete += 1
    if incomplete:
        problems.append(f"{incomplete} submitted scoresheets are incomplete or have extra rows")
    counts = {
        "scoresheets_submitted_in_database": len(submitted),
        "scoresheets_confirmed_by_the_site": len(confirmed),
        "scoresheets_left_as_drafts": sum(
            1 for sheet in sheets if sheet.status == ScoresheetStatus.DRAFT
        ),
        "assignments": len(assignment_ids),
    }
    return counts, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", required=True, type=Path)
    parser.add_argument("--outcome", required=True, type=Path)
    args = parser.parse_args()
    accounts = json.loads(args.accounts.read_text())
    outcome = json.loads(args.outcome.read_text())

    counts, problems = check_nominations(accounts["nominators"], outcome["nominations"])
    more_counts, more_problems = check_scoresheets(accounts["judges"], outcome["scoresheets"])
    counts.update(more_counts)
    problems += more_problems
    print(json.dumps({"counts": counts, "problems": problems}))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
