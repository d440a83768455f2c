"""Balanced assignment of judges to entries.

Plain data in, plain data out (no database), so the rules are tested directly and the same code
serves the admin's preview and the real run:

- every entry gets k judges when enough judges without a conflict exist (otherwise all of them);
- no judge gets an entry they have a conflict with, declared or likely (same organisation, or an
  email domain matching the nominee's website or the nominator's email);
- loads differ by at most one where conflicts allow: each place goes to the least-loaded judge;
- expertise in the entry's category is preferred between judges of equal load;
- the result depends only on the input (ties are broken by ids), and a run tops up: assignments
  that exist are kept, never moved.
"""

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


def normalise(name):
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class Entry:
    id: int
    category: int | None = None
    organisation: str = ""
    country: str = ""
    domains: frozenset[str] = field(default_factory=frozenset)  # website and nominator email

    def __post_init__(self):
        # Compared once per judge: normalised here, not in every comparison.
        object.__setattr__(self, "_organisation", normalise(self.organisation))
        object.__setattr__(self, "_domains", frozenset(d.casefold() for d in self.domains))


@dataclass(frozen=True)
class Judge:
    id: int
    expertise: frozenset[int] = field(default_factory=frozenset)  # category ids
    organisation: str = ""
    email_domain: str = ""
    conflicted_entries: frozenset[int] = field(default_factory=frozenset)
    conflicted_organisations: frozenset[str] = field(default_factory=frozenset)
    conflicted_countries: frozenset[str] = field(default_factory=frozenset)
    cleared_entries: frozenset[int] = field(default_factory=frozenset)  # likely conflicts cleared

    def __post_init__(self):
        object.__setattr__(self, "_organisation", normalise(self.organisation))
        object.__setattr__(
            self, "_conflicted_organisations", {normalise(o) for o in self.conflicted_organisations}
        )
        object.__setattr__(self, "_email_domain", self.email_domain.casefold())


def declared_conflict(judge, entry):
    return (
        entry.id in judge.conflicted_entries
        or entry._organisation in judge._conflicted_organisations
        or (bool(entry.country) and entry.country in judge.conflicted_countries)
    )


def likely_conflict(judge, entry):
    """Treated as a conflict until an administrator clears it for this entry."""
    if entry.id in judge.cleared_entries:
        return False
    same_organisation = bool(judge._organisation) and judge._organisation == entry._organisation
    same_domain = bool(judge._email_domain) and judge._email_domain in entry._domains
    return same_organisation or same_domain


def has_conflict(judge, entry):
    return declared_conflict(judge, entry) or likely_conflict(judge, entry)


def assign(
    entries: Iterable[Entry],
    judges: Iterable[Judge],
    k: int,
    existing: Mapping[int, Iterable[int]] | None = None,
) -> dict[int, list[int]]:
    """New assignments, entry id -> judge ids, on top of `existing` (entry id -> judge ids)."""
    entries = sorted(entries, key=lambda entry: entry.id)
    judges = sorted(judges, key=lambda judge: judge.id)
    existing = {entry_id: set(judge_ids) for entry_id, judge_ids in (existing or {}).items()}
    load = {judge.id: 0 for judge in judges}
    for judge_ids in existing.values():
        for judge_id in judge_ids:
            if judge_id in load:
                load[judge_id] += 1

    eligible = {
        entry.id: [judge for judge in judges if not has_conflict(judge, entry)] for entry in entries
    }
    # The most constrained entries choose first, so they are not left with nobody.
    order = sorted(entries, key=lambda entry: (len(eligible[entry.id]), entry.id))
    new = {}
    for entry in order:
        already = existing.get(entry.id, set())
        places = k - len(already)
        if places <= 0:
            continue
        candidates = (judge for judge in eligible[entry.id] if judge.id not in already)
        best = heapq.nsmallest(
            places,
            candidates,
            key=lambda judge: (load[judge.id], entry.category not in judge.expertise, judge.id),
        )
        chosen = [judge.id for judge in best]
        for judge_id in chosen:
            load[judge_id] += 1
        if chosen:
            new[entry.id] = chosen
    return new


def loads(assignments: Mapping[int, Iterable[int]], judge_ids: Iterable[int]) -> dict[int, int]:
    """How many entries each judge has, zero included."""
    result = dict.fromkeys(judge_ids, 0)
    for judge_ids_of_entry in assignments.values():
        for judge_id in judge_ids_of_entry:
            result[judge_id] = result.get(judge_id, 0) + 1
    return result
