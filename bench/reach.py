"""The cost of counting page views (docs/reach.md): the public pages' throughput with the reach
counting on and off, and the ratio. Target: counting on within 5% of off (ratio >= 0.95).

    .venv/bin/python bench/reach.py                   # local-memory cache, as `make serve`
    BENCH_REDIS_URL=redis://127.0.0.1:6379/9 .venv/bin/python bench/reach.py  # Redis

1. One site is prepared as bench/pages.py prepares ours (production settings, SQLite in a
   throwaway folder, the demo, compressed static files), and served twice by gunicorn from the
   same database and files, 2 sync workers each (WEB_CONCURRENCY): once as it is
   (REACH_COUNTING on) and once with REACH_COUNTING=0. With BENCH_REDIS_URL both use that Redis
   database as their cache (page copies and counts; it is emptied first), as production does;
   otherwise each worker keeps its own in memory.
2. Every request is a browser's: its headers (gzip accepted), a browser's User-Agent (a request
   without one is a bot's and is not counted) and a Referer from another site, so each view
   reads the referrer's domain. The pages: the home page (from a plain link and from a tagged
   one, ?utm_campaign=...&utm_source=...), a program page and /nominate/, all served to
   visitors from the shared copy, and the open letter, rendered each time (its form's token
   sets a cookie).
3. Throughput: Debian's wrk, 1 thread, BENCH_CONNECTIONS (4) connections, BENCH_SECONDS (3) per
   run; each page with counting on, then off, in alternation, BENCH_ROUNDS (5) times, so that a
   machine shared with other work weighs on both alike. Figures are the medians over the
   rounds; the ratio is on's req/s to off's in the same rounds.
4. With Redis, the counts are checked afterwards: the counting site is stopped (its workers
   hand over the counts they hold), every minute is flushed into the database, and the views
   added (beyond the demo's own figures) must equal the requests it answered (wrk does not
   report those still in flight when a run ends: at most one per connection a run).
5. gunicorn is stopped and the folder removed (kept with BENCH_KEEP=1 or on failure). A target
   not met does not fail the script: the figures are printed as measured.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pages

SECONDS = int(os.environ.get("BENCH_SECONDS", "3"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "")
KEEP = os.environ.get("BENCH_KEEP") == "1"
TARGET = 0.95

PAGES = [
    ("home", "/"),
    ("home, tagged link", "/?utm_campaign=bench-day&utm_source=wrk"),
    ("program page", "/program-actions/regulatory-bodies/"),
    ("nominate", "/nominate/"),
    ("open letter", "/open-letter/"),
]
HEADERS = {
    **pages.BROWSER_HEADERS,
    "User-Agent": (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36"
    ),
    "Referer": "https://www.linkedin.com/feed/",
}
# bench/pages.py's fetch (the warm-up and the checks) sends these headers too.
pages.BROWSER_HEADERS = HEADERS

# The views in the database, after moving every minute's counts in (FLUSH: the end only, as
# flushing a minute still open would leave its later counts out).
COUNTED = """
from django.db.models import Sum
from awards_site.reach import buffer
from awards_site.reach.models import ReachDay
if FLUSH:
    buffer.flush(now_slot=buffer.current_slot() + 2)
print(ReachDay.objects.aggregate(n=Sum("views"))["n"] or 0)
"""


def two_sites(workdir):
    """The same site twice: counting on and off, on one database and one static folder."""
    on = pages.our_site(workdir)
    off = pages.our_site(workdir)
    off.name, off.log = "off", workdir / "off.log"
    on.name, on.log = "on", workdir / "on.log"
    off.env = {**off.env, "REACH_COUNTING": "0", "SITE_URL": off.url("")}
    for site in (on, off):
        if REDIS_URL:
            site.env["REDIS_URL"] = REDIS_URL
    return on, off


def prepare(site):
    pages.in_threads(
        [
            lambda: site.manage("collectstatic", "--noinput", "-v0"),
            lambda: pages.prepare_ours(site),
        ],
        "Preparing the site failed",
    )


def empty_redis():
    subprocess.run(["redis-cli", "-u", REDIS_URL, "FLUSHDB"], check=True, capture_output=True)


def counted_views(site, flush):
    completed = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", f"FLUSH = {flush}\n{COUNTED}"],
        cwd=site.cwd,
        env=site.env,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(completed.stdout.strip().splitlines()[-1])


median = pages.median_of


def print_figures(results):
    cache = "Redis" if REDIS_URL else "local memory"
    print()
    print(f"cache: {cache}; {ROUNDS} rounds of {SECONDS} s, {CONNECTIONS} connections")
    print(
        f"{'page':<18} {'on req/s':>9} {'off req/s':>10} {'ratio':>6} "
        f"{'on p50':>7} {'off p50':>8} {'on p95':>7} {'off p95':>8}"
    )
    ratios = []
    for (name, _path), (on, off) in zip(PAGES, results, strict=True):
        ratio = median(on, "rps") / median(off, "rps")
        ratios.append(ratio)
        print(
            f"{name:<18} {median(on, 'rps'):>9.1f} {median(off, 'rps'):>10.1f} {ratio:>5.3f}x "
            f"{median(on, 'p50'):>7.2f} {median(off, 'p50'):>8.2f} "
            f"{median(on, 'p95'):>7.2f} {median(off, 'p95'):>8.2f}"
        )
    every_on = sum(median(on, "rps") for on, _off in results)
    every_off = sum(median(off, "rps") for _on, off in results)
    overall = every_on / every_off
    verdict = "met" if overall >= TARGET else "not met"
    print(f"all pages together: {every_on:.1f} against {every_off:.1f} req/s, {overall:.3f}x")
    print(f"target: counting on >= {TARGET}x off: {verdict} (lowest page {min(ratios):.3f}x)")


def main():
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: `make wrk` installs Debian's package (as root).")
    workdir = Path(tempfile.mkdtemp(prefix="cxreach-"))
    failed = True
    on = off = None
    try:
        pages.step(f"Preparing the site in {workdir} (static files, database and demo)")
        on, off = two_sites(workdir)
        prepare(on)
        if REDIS_URL:
            empty_redis()
        pages.step(f"Starting gunicorn twice: counting on at {on.port}, off at {off.port}")
        on.start()
        off.start()
        paths = [path for _name, path in PAGES]
        pages.check_pages(on, paths)
        pages.check_pages(off, paths)
        answered = len(paths) + 1  # the checks, and start()'s first request of "/"
        # The demo's own figures are in the database already: only what is added counts.
        before = counted_views(on, flush=False) if REDIS_URL else 0

        pages.step(f"wrk: {ROUNDS} rounds, each page with counting on then off")
        script = workdir / "report.lua"
        script.write_text(pages.WRK_REPORT)
        results = [([], []) for _page in PAGES]
        for _round in range(ROUNDS):
            for (_name, path), (on_runs, off_runs) in zip(PAGES, results, strict=True):
                on_runs.append(pages.wrk(on, path, script, HEADERS))
                off_runs.append(pages.wrk(off, path, script, HEADERS))
        answered += sum(run["requests"] for on_runs, _off in results for run in on_runs)
        print_figures(results)
        if REDIS_URL:
            on.stop()  # its workers hand over the counts they hold at exit
            counted = counted_views(on, flush=True) - before
            # wrk leaves out the requests still in flight when a run ends: at most one per
            # connection a run, answered and counted all the same.
            in_flight = CONNECTIONS * ROUNDS * len(PAGES)
            verdict = (
                "every one counted once"
                if answered <= counted <= answered + in_flight
                else "MISMATCH"
            )
            print(
                f"views counted: {counted} for {answered} requests wrk saw answered "
                f"(+ up to {in_flight} in flight): {verdict}"
            )
        failed = False
    finally:
        for site in (on, off):
            if site is not None:
                site.stop()
        if failed or KEEP:
            print(f"The work folder (logs, database) is kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    pages.step("Done")


if __name__ == "__main__":
    main()
