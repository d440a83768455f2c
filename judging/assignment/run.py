"""The assignment run of a round: reads the round's entries, panel and conflicts from the
database, asks assignment.assign() for a plan, and saves it. The admin previews the same plan it
then applies; a declared conflict calls `top_up` to give the entry another judge.

Panels are per category: the run goes category by category with the judges sitting on that
category's panel (or the whole cycle's), counting every assignment of the round in the loads, so
a judge on several panels is balanced across them.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from wagtail.log_actions import log

from judging.assignment.balancing import Entry, Judge, assign, has_conflict, likely_conflict
from judging.models import (
    Assignment,
    Conflict,
    ConflictClearance,
    JudgeProfile,
    PanelMembership,
    Round,
)
from nominations.sending import versions


def organisation_domain(domain):
    """The domain, unless anyone can have an address there (webmail): then it tells nothing."""
    domain = domain.casefold().removeprefix("www.")
    return "" if domain in settings.JUDGING_PUBLIC_EMAIL_DOMAINS else domain


def website_domain(url):
    return organisation_domain(urlsplit(url).hostname or "")


def email_domain(email):
    return organisation_domain(email.rpartition("@")[2])


def round_entries(round):
    """Assignment entries of the round's nominations, by category id."""
    by_category = defaultdict(list)
    rows = round.entries().values_list(
        "pk", "category_id", "organisation_name", "country", "website", "nominator__email"
    )
    for pk, category_id, organisation, country, website, nominator_email in rows:
        domains = frozenset(filter(None, [website_domain(website), email_domain(nominator_email)]))
        by_category[category_id].append(
            Entry(pk, category_id, organisation, country, domains=domains)
        )
    return by_category


def panel_judges(round):
    """Assignment judges of the round's cycle, with the categories each one may judge (None for
    every category)."""
    memberships = PanelMembership.objects.filter(
        cycle=round.cycle_id, judge__is_active=True
    ).values_list("judge_id", "category_id")
    categories = defaultdict(set)
    for judge_id, category_id in memberships:
        categories[judge_id].add(category_id)

    conflicts = defaultdict(lambda: {"entries": set(), "organisations": set(), "countries": set()})
    for judge_id, nomination_id, organisation, country in Conflict.objects.filter(
        cycle=round.cycle_id
    ).values_list("judge_id", "nomination_id", "organisation", "country"):
        if nomination_id:
            conflicts[judge_id]["entries"].add(nomination_id)
        if organisation:
            conflicts[judge_id]["organisations"].add(organisation)
        if country:
            conflicts[judge_id]["countries"].add(country)
    cleared = defaultdict(set)
    for judge_id, nomination_id in ConflictClearance.objects.filter(
        nomination__cycle=round.cycle_id
    ).values_list("judge_id", "nomination_id"):
        cleared[judge_id].add(nomination_id)

    profiles = JudgeProfile.objects.filter(pk__in=categories).select_related("user")
    expertise = defaultdict(set)
    for judge_id, category_id in JudgeProfile.expertise.through.objects.filter(
        judgeprofile_id__in=categories
    ).values_list("judgeprofile_id", "category_id"):
        expertise[judge_id].add(category_id)

    judges = []
    for profile in profiles:
        found = conflicts[profile.pk]
        judges.append(
            (
                Judge(
                    profile.pk,
                    expertise=frozenset(expertise[profile.pk]),
                    organisation=profile.organisation,
                    email_domain=email_domain(profile.user.email),
                    conflicted_entries=frozenset(found["entries"]),
                    conflicted_organisations=frozenset(found["organisations"]),
                    conflicted_countries=frozenset(found["countries"]),
                    cleared_entries=frozenset(cleared[profile.pk]),
                ),
                categories[profile.pk],
            )
        )
    return judges


def existing_assignments(round):
    existing = defaultdict(set)
    for nomination_id, judge_id in Assignment.objects.filter(round=round).values_list(
        "nomination_id", "judge_id"
    ):
        existing[nomination_id].add(judge_id)
    return existing


@dataclass
class Plan:
    round: Round
    new: dict[int, list[int]] = field(default_factory=dict)  # entry id -> new judge ids
    short: dict[int, int] = field(default_factory=dict)  # entry id -> judges still missing
    loads_before: dict[int, int] = field(default_factory=dict)
    loads_after: dict[int, int] = field(default_factory=dict)

    @property
    def count(self):
        return sum(len(judge_ids) for judge_ids in self.new.values())


def plan(round):
    """What a run would add to the round now, without saving anything."""
    k = round.judges_per_entry
    existing = existing_assignments(round)
    judges = panel_judges(round)
    result = Plan(round)
    loads = defaultdict(int)
    for judge_ids in existing.values():
        for judge_id in judge_ids:
            loads[judge_id] += 1
    result.loads_before = {judge.id: loads[judge.id] for judge, _ in judges}
    combined = {entry_id: set(judge_ids) for entry_id, judge_ids in existing.items()}
    for category_id, entries in sorted(round_entries(round).items(), key=lambda item: item[0] or 0):
        pool = [
            judge for judge, categories in judges if None in categories or category_id in categories
        ]
        added = assign(entries, pool, k, existing=combined)
        for entry_id, judge_ids in added.items():
            result.new[entry_id] = judge_ids
            combined.setdefault(entry_id, set()).update(judge_ids)
        for entry in entries:
            missing = k - len(combined.get(entry.id, ()))
            if missing > 0:
                result.short[entry.id] = missing
    after = defaultdict(int)
    for judge_ids in combined.values():
        for judge_id in judge_ids:
            after[judge_id] += 1
    result.loads_after = {judge.id: after[judge.id] for judge, _ in judges}
    return result


def apply(plan, user=None):
    """Save a plan's new assignments and record them in the audit log."""
    round = plan.round
    with transaction.atomic():
        # One run at a time per round: a second one waits, then finds these assignments.
        Round.objects.select_for_update().filter(pk=round.pk).first()
        given = versions.latest_ids(plan.new)
        rows = [
            Assignment(
                round=round,
                nomination_id=entry_id,
                judge_id=judge_id,
                nomination_version_id=given.get(entry_id),
                due_on=round.scores_due_on,
                created_by=user if user and user.is_authenticated else None,
            )
            for entry_id, judge_ids in plan.new.items()
            for judge_id in judge_ids
        ]
        Assignment.objects.bulk_create(rows, ignore_conflicts=True)
        if rows:
            log(
                round,
                "judging.assign_run",
                user=user,
                data={"pairs": [[row.nomination_id, row.judge_id] for row in rows]},
            )
    return len(rows)


def top_up(round, user=None):
    """Give entries missing judges (after a conflict, or new entries) their k judges."""
    return apply(plan(round), user=user)


def conflicted_assignments(round):
    """Assignments of the round that a conflict now forbids: declared since they were made, or
    likely and not cleared."""
    judges = {judge.id: judge for judge, _ in panel_judges(round)}
    entries = {entry.id: entry for entries in round_entries(round).values() for entry in entries}
    found = []
    for assignment in Assignment.objects.filter(round=round).only(
        "pk", "nomination_id", "judge_id"
    ):
        judge = judges.get(assignment.judge_id)
        entry = entries.get(assignment.nomination_id)
        if judge and entry and has_conflict(judge, entry):
            found.append(assignment)
    return found


def likely_conflicts(round):
    """(judge id, entry id) pairs treated as conflicts until an administrator clears them."""
    judges = panel_judges(round)
    pairs = []
    for entries in round_entries(round).values():
        for entry in entries:
            for judge, _categories in judges:
                if likely_conflict(judge, entry):
                    pairs.append((judge.id, entry.id))
    return pairs


def assignable_judges(round, nomination):
    """Judges an administrator may add to an entry by hand: on its panel, without a conflict,
    not already assigned."""
    entries = {entry.id: entry for entry in round_entries(round).get(nomination.category_id, [])}
    entry = entries.get(nomination.pk)
    if entry is None:
        return JudgeProfile.objects.none()
    taken = set(
        Assignment.objects.filter(round=round, nomination=nomination).values_list(
            "judge_id", flat=True
        )
    )
    allowed = [
        judge.id
        for judge, categories in panel_judges(round)
        if (None in categories or nomination.category_id in categories)
        and judge.id not in taken
        and not has_conflict(judge, entry)
    ]
    return JudgeProfile.objects.filter(pk__in=allowed).filter(Q(is_active=True))
