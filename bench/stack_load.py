"""One web node against two, through the same nginx of the running stack (`make stack`; `make
load-stack` runs this): requests per second and p95 at rising concurrency, and the saturation
point of each, in one run.

    .venv/bin/python bench/stack_load.py                    # about 2 minutes
    STACK_LOAD_SECONDS=3 STACK_LOAD_CONNECTIONS=1,4,16 .venv/bin/python bench/stack_load.py

1. Two nodes: Debian's wrk (`make wrk`) asks nginx (TLS, as a visitor) for each page, with 1, 2,
   4, 8, 16 and 32 connections (STACK_LOAD_CONNECTIONS), STACK_LOAD_SECONDS (5) each.
2. One node: node B is stopped (deploy/stack.py pause), nginx sends everything to node A, and
   the same runs are made; node B is started again at the end, whatever happened.
3. For each: req/s and p95 per concurrency, and the saturation point: the fewest connections
   that reach 90 % of the best req/s seen (beyond it, more visitors wait longer and nothing more
   is served).

The pages: the home page as visitors who are not signed in get it (a copy shared in Redis:
awards_site/caching/pages.py) and a search (PostgreSQL's full text each time). Every piece runs
on this machine: with 2 cores, the second node shares the cores of the first with nginx,
PostgreSQL, Redis, the task workers and wrk itself, so it adds little; bench/README.md says what
a machine per node changes.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from pages import WRK_REPORT, run_wrk

ROOT = Path(__file__).resolve().parent.parent
STACK = ROOT / "deploy" / "stack.py"
SECONDS = int(os.environ.get("STACK_LOAD_SECONDS", "5"))
CONNECTIONS = [
    int(count) for count in os.environ.get("STACK_LOAD_CONNECTIONS", "1,2,4,8,16,32").split(",")
]
PAGES = {"home (shared copy)": "/", "search": "/search/?q=service"}
SATURATED = 0.9


def stack(*command):
    subprocess.run([sys.executable, str(STACK), *command], check=True, cwd=ROOT)


def site_url():
    answer = subprocess.run(
        [sys.executable, str(STACK), "env"], capture_output=True, text=True, check=True
    )
    return json.loads(answer.stdout)["SITE_URL"]


def series(base, script):
    return {
        name: [
            run_wrk(base + path, script, connections=connections, seconds=SECONDS)
            for connections in CONNECTIONS
        ]
        for name, path in PAGES.items()
    }


def saturation(runs):
    best = max(run["rps"] for run in runs)
    for connections, run in zip(CONNECTIONS, runs, strict=True):
        if run["rps"] >= SATURATED * best:
            return connections, best
    return CONNECTIONS[-1], best


def report(results):
    for name in PAGES:
        print(f"\n{name}")
        print(
            f"{'connections':>11} {'1 node req/s':>13} {'p95 ms':>7} "
            f"{'2 nodes req/s':>14} {'p95 ms':>7}"
        )
        for index, connections in enumerate(CONNECTIONS):
            one, two = results["one"][name][index], results["two"][name][index]
            failed = " (failed requests!)" if one["failed"] or two["failed"] else ""
            print(
                f"{connections:>11} {one['rps']:>13.1f} {one['p95']:>7.0f} "
                f"{two['rps']:>14.1f} {two['p95']:>7.0f}{failed}"
            )
        for label in ("one", "two"):
            at, best = saturation(results[label][name])
            print(f"  {label} node(s): saturated from {at} connections, at {best:.1f} req/s")
        gain = max(r["rps"] for r in results["two"][name]) / max(
            r["rps"] for r in results["one"][name]
        )
        print(f"  two nodes / one node, best req/s: {gain:.2f}x on {os.cpu_count()} cores")


def main():
    base = site_url()
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "report.lua"
        script.write_text(WRK_REPORT)
        print(f"Two nodes behind nginx ({base}), {SECONDS} s per run...", flush=True)
        results = {"two": series(base, script)}
        print("One node (node B paused)...", flush=True)
        stack("pause", "node-b")
        try:
            results["one"] = series(base, script)
        finally:
            stack("revive", "node-b")
    report(results)


if __name__ == "__main__":
    main()
