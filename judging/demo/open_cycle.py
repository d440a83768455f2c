"""The demo's open 2027 cycle: a screening round open now, assigned by the real assignment run,
with submitted and draft scoresheets and untouched assignments for every demo judge."""

from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.log_actions import log

from judging.assignment import run as assignment_run
from judging.demo.judges import clear_demo_domain, declare_conflicts, join_panel
from judging.demo.scoresheets import judge_voices, plan_sheet, quality_of, save_scoresheets
from judging.models import (
    Round,
    RoundKind,
    ScoresheetStatus,
    ScoreVisibility,
)
from nominations.choices import NominationStatus
from nominations.models import Nomination
from nominations.sending.versions import record_version


# The open 2027 cycle ---------------------------------------------------------------------------
def load_open_cycle(cycle, rubric, judges, admin):
    join_panel(cycle, judges)
    clear_demo_domain(cycle, judges, admin)
    declare_conflicts(cycle, judges)
    if cycle.rounds.exists():
        return
    zone = timezone.get_current_timezone()
    today = timezone.localdate()
    round = Round.objects.create(
        cycle=cycle,
        name_en="Screening",
        name_fr="Présélection",
        kind=RoundKind.SCREENING,
        rubric=rubric,
        opens_at=datetime.combine(today - timedelta(days=4), time(9, 0), tzinfo=zone),
        closes_at=datetime.combine(today + timedelta(days=25), time(23, 59), tzinfo=zone),
        scores_due_on=today + timedelta(days=21),
        entering_statuses=[NominationStatus.ELIGIBLE.value],
        judges_per_entry=3,
        hide_nominator=True,
        score_visibility=ScoreVisibility.AFTER_OWN,
        entrant_feedback=True,
    )
    assignment_run.top_up(round, user=admin)
    criteria = list(rubric.criteria.order_by("sort_order"))
    assignments = list(
        round.assignments.select_related("judge__user", "nomination", "round").order_by(
            "judge__user__email", "nomination__reference"
        )
    )
    voices = judge_voices(assignments)
    plans = []
    position = {}
    now = timezone.now()
    for assignment in assignments:
        email = assignment.judge.user.email
        place = position[email] = position.get(email, -1) + 1
        # Per judge: two submitted, one draft, the rest not started (no conflict check yet).
        if place > 2:
            continue
        status = ScoresheetStatus.SUBMITTED if place < 2 else ScoresheetStatus.DRAFT
        moment = now - timedelta(days=2 - place, hours=place * 3 + 1)
        quality = quality_of(assignment.nomination.reference)
        voice = voices[assignment.pk]
        plans.append(plan_sheet(assignment, rubric, criteria, quality, status, moment, voice))
    save_scoresheets(plans)
    _send_changes_after_assignment(cycle)


DEMO_CHANGE = (
    " Since we sent this nomination, the September survey came in: 91% of users were satisfied, "
    "and the average wait at the counter is now 18 minutes."
)


def _send_changes_after_assignment(cycle):
    """The demo nominator's eligible entry gets a second version after the judges were given
    the first: the judges' portal says so and shows what changed, the nominator's page lists
    both versions."""
    nomination = (
        Nomination.objects.filter(
            cycle=cycle, nominator__email="nominator@demo.test", status=NominationStatus.ELIGIBLE
        )
        .filter(judge_assignments__isnull=False)
        .distinct()
        .order_by("pk")
        .first()
    )
    if nomination is None or nomination.versions.count() != 1:
        return
    nomination.results += DEMO_CHANGE
    nomination.satisfaction = 91
    nomination.revision += 1
    nomination.save(update_fields=["results", "satisfaction", "revision", "updated_at"])
    version = record_version(nomination, nomination.nominator, timezone.now() - timedelta(hours=5))
    log(
        nomination,
        "nominations.changes_sent",
        user=nomination.nominator,
        data={"version": version.number, "fields": ["results", "satisfaction"], "files_added": []},
        timestamp=version.created_at,
    )
