"""Properties of the balanced assignment (judging/assignment/balancing.py), with hypothesis:
coverage,
balance, no conflicts, determinism and top-up without moving anything."""

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from judging.assignment.balancing import Entry, Judge, assign, has_conflict, loads
from tests.properties import examples

CATEGORIES = [1, 2, 3]
COUNTRIES = ["KE", "GH", "SN", "CM"]


@st.composite
def panels(draw, with_conflicts=True):
    entry_count = draw(st.integers(min_value=0, max_value=40))
    judge_count = draw(st.integers(min_value=1, max_value=12))
    entries = [
        Entry(
            id=number,
            category=draw(st.sampled_from(CATEGORIES)),
            organisation=f"Organisation {draw(st.integers(0, 8))}",
            country=draw(st.sampled_from(COUNTRIES)),
            domains=frozenset({f"org{draw(st.integers(0, 8))}.example"}),
        )
        for number in range(1, entry_count + 1)
    ]
    judges = []
    for number in range(101, 101 + judge_count):
        conflicted = (
            draw(st.frozensets(st.integers(1, max(entry_count, 1)), max_size=5))
            if with_conflicts
            else frozenset()
        )
        judges.append(
            Judge(
                id=number,
                expertise=draw(st.frozensets(st.sampled_from(CATEGORIES), max_size=2)),
                organisation=f"Organisation {draw(st.integers(0, 30))}" if with_conflicts else "",
                email_domain=f"org{draw(st.integers(0, 30))}.example" if with_conflicts else "",
                conflicted_entries=conflicted,
                conflicted_countries=frozenset(
                    draw(st.lists(st.sampled_from(COUNTRIES), max_size=1))
                )
                if with_conflicts
                else frozenset(),
            )
        )
    k = draw(st.integers(min_value=1, max_value=4))
    return entries, judges, k


def merged(*assignments):
    result = {}
    for assignment in assignments:
        for entry_id, judge_ids in assignment.items():
            result.setdefault(entry_id, []).extend(judge_ids)
    return result


@settings(max_examples=examples(150))
@given(panels())
def test_no_judge_gets_an_entry_they_conflict_with(panel):
    entries, judges, k = panel
    by_id = {judge.id: judge for judge in judges}
    for entry in entries:
        for judge_id in assign(entries, judges, k).get(entry.id, []):
            assert not has_conflict(by_id[judge_id], entry)


@settings(max_examples=examples(150))
@given(panels())
def test_every_entry_gets_k_judges_when_enough_exist(panel):
    entries, judges, k = panel
    result = assign(entries, judges, k)
    for entry in entries:
        free = [judge for judge in judges if not has_conflict(judge, entry)]
        assigned = result.get(entry.id, [])
        assert len(assigned) == min(k, len(free))
        assert len(set(assigned)) == len(assigned)  # never the same judge twice


@settings(max_examples=examples(150))
@given(panels(with_conflicts=False))
def test_loads_differ_by_at_most_one(panel):
    entries, judges, k = panel
    counts = loads(assign(entries, judges, k), [judge.id for judge in judges])
    assert max(counts.values()) - min(counts.values()) <= 1


@settings(max_examples=examples(100))
@given(panels(), st.randoms(use_true_random=False))
def test_same_input_same_result_whatever_the_order(panel, rng):
    entries, judges, k = panel
    shuffled_entries, shuffled_judges = entries[:], judges[:]
    rng.shuffle(shuffled_entries)
    rng.shuffle(shuffled_judges)
    assert assign(entries, judges, k) == assign(shuffled_entries, shuffled_judges, k)


@settings(max_examples=examples(100))
@given(panels())
def test_top_up_keeps_existing_assignments_and_covers_new_entries(panel):
    entries, judges, k = panel
    half = len(entries) // 2
    first = assign(entries[:half], judges, k)
    second = assign(entries, judges, k, existing=first)
    assert not set(second) & {entry_id for entry_id, ids in first.items() if len(ids) == k}
    combined = merged(first, second)
    for entry in entries:
        free = [judge for judge in judges if not has_conflict(judge, entry)]
        assert len(combined.get(entry.id, [])) == min(k, len(free))
    # Running again changes nothing.
    assert assign(entries, judges, k, existing=combined) == {}


def test_expertise_is_preferred_between_equal_loads():
    entries = [Entry(id=1, category=2)]
    judges = [Judge(id=10, expertise=frozenset({1})), Judge(id=11, expertise=frozenset({2}))]
    assert assign(entries, judges, 1) == {1: [11]}


def test_likely_conflicts_until_cleared():
    entry = Entry(id=1, organisation="Kenya Revenue Authority", domains=frozenset({"kra.go.ke"}))
    colleague = Judge(id=1, organisation="kenya  revenue authority")
    same_domain = Judge(id=2, email_domain="KRA.go.ke")
    cleared = Judge(id=3, email_domain="kra.go.ke", cleared_entries=frozenset({1}))
    assert has_conflict(colleague, entry) and has_conflict(same_domain, entry)
    assert not has_conflict(cleared, entry)
    assert assign([entry], [colleague, same_domain, cleared], 3) == {1: [3]}


def test_declared_conflicts_with_organisation_or_country():
    entry = Entry(id=1, organisation="Mairie de Thiès", country="SN")
    assert has_conflict(Judge(id=1, conflicted_organisations=frozenset({"MAIRIE DE THIÈS"})), entry)
    assert has_conflict(Judge(id=2, conflicted_countries=frozenset({"SN"})), entry)
    assert not has_conflict(Judge(id=3, conflicted_countries=frozenset({"KE"})), entry)


def test_large_run_is_balanced():
    rng = random.Random(7)
    entries = [Entry(id=n, category=rng.choice(CATEGORIES)) for n in range(1, 2001)]
    judges = [Judge(id=1000 + n, expertise=frozenset({rng.choice(CATEGORIES)})) for n in range(45)]
    counts = loads(assign(entries, judges, 3), [judge.id for judge in judges])
    assert sum(counts.values()) == 6000
    assert max(counts.values()) - min(counts.values()) <= 1
