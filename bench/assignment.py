"""Time of one balanced assignment run: 10,000 entries, 150 judges, 3 judges per entry, with a
few declared conflicts per judge (judging/assignment/balancing.py). Target: under 5 s.

    .venv/bin/python bench/assignment.py
"""

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from judging.assignment.balancing import Entry, Judge, assign, loads  # noqa: E402


def panel(entry_count=10_000, judge_count=150, seed=2027):
    rng = random.Random(seed)
    countries = ["KE", "GH", "SN", "CM", "NG", "ZA", "RW", "CI"]
    entries = [
        Entry(
            id=n,
            category=rng.randint(1, 5),
            organisation=f"Organisation {n}",
            country=rng.choice(countries),
            domains=frozenset({f"org{n}.example"}),
        )
        for n in range(1, entry_count + 1)
    ]
    judges = [
        Judge(
            id=100_000 + n,
            expertise=frozenset(rng.sample(range(1, 6), 2)),
            organisation=f"Judge organisation {n}",
            email_domain=f"judge{n}.example",
            conflicted_entries=frozenset(rng.sample(range(1, entry_count + 1), 5)),
            conflicted_countries=frozenset({rng.choice(countries)}) if n % 10 == 0 else frozenset(),
        )
        for n in range(judge_count)
    ]
    return entries, judges


def main():
    entries, judges = panel()
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        result = assign(entries, judges, 3)
        runs.append(time.perf_counter() - start)
    counts = loads(result, [judge.id for judge in judges])
    median = statistics.median(runs)
    print(f"entries: {len(entries)}, judges: {len(judges)}, k: 3, runs: {len(runs)}")
    print(f"median time: {median:.2f} s (target 5 s: {'met' if median < 5 else 'NOT met'})")
    low, high = min(counts.values()), max(counts.values())
    print(f"assignments: {sum(counts.values())}, load min/max: {low}/{high}")


if __name__ == "__main__":
    main()
