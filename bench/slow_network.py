"""Slow networks: the Largest Contentful Paint of four pages on a 3G line, the site served as in
production (issue 15, "Slow networks"). Target: each <= 2.5 s.

    .venv/bin/python bench/slow_network.py              # about 3 minutes (make bench)
    BENCH_RUNS=5 .venv/bin/python bench/slow_network.py

1. The site is prepared as bench/pages.py prepares it (its Site and our_site are reused): the
   production settings (DEBUG off, whitenoise serving the static files compressed as
   `collectstatic` made them), SQLite in a temporary folder, migrated, with the demo
   (`load_demo --force`), served by gunicorn (2 sync workers, WEB_CONCURRENCY) on 127.0.0.1.
   One difference: MFA_REQUIRED_FOR_ROLES=0, so the demo judge signs in with the password only
   (the code page is not one of the pages measured).
2. Chromium (Debian's, through Playwright, as the browser tests launch it) opens each page
   BENCH_RUNS (3) times, each time in a new browser context (no HTTP cache, cookie or service
   worker carried over). The signed-in pages sign in first at full speed; then the page is put
   on the slow profile of tests/browser/throttling.py (DevTools' network emulation: 400 ms
   round trip, 400 kbit/s down and up; the CPU 4 times slower), the browser cache is emptied,
   and the page is opened: its LCP is the last largest-contentful-paint entry once the load
   event has fired (the visitor has not touched anything). Bytes are those on the wire
   (headers and compressed bodies) until the load event.
   Each page has been served by every worker a few times before at full speed, so a worker's
   first request after start (imports, templates, its local cache of public pages) is not
   counted: only the browser is cold, as for a visitor of a site that is running.
3. The pages: the home page, /nominate/, a step of the nomination form (the organisation step,
   with the country list, of a draft of the demo nominator) and a judge's scoring page (the
   demo judge1's scoresheet in draft); no answer or score is saved. The table gives the median
   LCP of the runs and the slowest; a page passes when its slowest run is within 2.5 s.
   gunicorn is stopped and the folder removed (kept with BENCH_KEEP=1 or when something
   failed). A target not met does not fail the script.
"""

import os
import shutil
import statistics
import sys
import tempfile
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pages import BROWSER_HEADERS, ROOT, WORKERS, our_site, prepare_ours, step

sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.browser.throttling import (  # noqa: E402
    CPU_SLOWDOWN,
    DOWNLOAD_BYTES_PER_S,
    LATENCY_MS,
    LCP_TARGET_MS,
    throttle,
)

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
KEEP = os.environ.get("BENCH_KEEP") == "1"
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "cxawards-demo")  # as load_demo sets it
NOMINATOR = "nominator@demo.test"
JUDGE = "judge1@demo.test"


def sign_in(page, email, next_path):
    page.goto(f"/accounts/login/?next={next_path}")
    page.fill("#id_login", email)
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.press("#id_password", "Enter")
    page.wait_for_url(f"**{next_path}")


def home(page):
    return "/"


def nominate(page):
    return "/nominate/"


def wizard_step(page):
    """The organisation step of the demo nominator's first draft listed on /nominate/."""
    sign_in(page, NOMINATOR, "/nominate/")
    draft = page.locator("main a[href^='/my-nominations/']").first.get_attribute("href")
    uuid = draft.rstrip("/").rsplit("/", 1)[1]
    return f"/nominate/{uuid}/organisation/"


def judge_entry(page):
    """The scoring page of the first entry on the demo judge's dashboard that shows the scoring
    form at once: the one they have started (a draft; the demo gives each judge one)."""
    sign_in(page, JUDGE, "/judging/")
    links = page.locator("main a[href^='/judging/entries/']").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    for href in dict.fromkeys(links):
        page.goto(href)
        if page.locator("form .criterion").count():
            return href
    raise SystemExit("The demo judge has no scoresheet in draft")


PAGES = [
    ("home", home),
    ("nominate", nominate),
    ("wizard step", wizard_step),
    ("judge entry", judge_entry),
]


def warm(site, path, cookies):
    """Every gunicorn worker serves the page a few times at full speed first: a worker's first
    render (imports, templates, its local cache of public pages) is not what a visitor of a
    running site waits for."""
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in cookies)
    url = path if path.startswith("http") else site.url(path)
    request = urllib.request.Request(url, headers={**BROWSER_HEADERS, "Cookie": cookie})

    def fetch(_):
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return response.status

    with ThreadPoolExecutor(max_workers=2 * WORKERS) as pool:
        statuses = set(pool.map(fetch, range(4 * WORKERS)))
    if statuses != {200}:
        raise SystemExit(f"{path} answered {statuses}, not 200")


def measure(browser, site, prepare):
    """One cold visit: a new context, signed in when the page needs it, then throttled."""
    context = browser.new_context(base_url=site.url(""), viewport={"width": 1024, "height": 800})
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        path = prepare(page)
        warm(site, path, context.cookies())
        measured = throttle(page).open(path, timeout_ms=60_000)
        if measured.status != 200 or measured.lcp_ms is None:
            raise SystemExit(f"{path}: status {measured.status}, LCP {measured.lcp_ms}")
        return measured
    finally:
        context.close()


def print_table(results):
    print()
    print(
        f"3G profile: {LATENCY_MS} ms round trip, {DOWNLOAD_BYTES_PER_S * 8 // 1000} kbit/s, "
        f"CPU {CPU_SLOWDOWN}x slower; {RUNS} cold visits a page"
    )
    print(
        f"{'page':<12} {'path':<30} {'LCP ms':>7} {'slowest':>7} {'element':<10} "
        f"{'bytes':>7} {'target':>7}  verdict  each run"
    )
    missed = []
    for name, runs in results:
        lcps = [run.lcp_ms for run in runs]
        slowest = max(lcps)
        verdict = "pass" if slowest <= LCP_TARGET_MS else "FAIL"
        if verdict == "FAIL":
            missed.append(name)
        path = "/nominate/<uuid>/organisation/" if name == "wizard step" else runs[0].url
        print(
            f"{name:<12} {path:<30} {statistics.median(lcps):>7.0f} {slowest:>7.0f} "
            f"{runs[0].element:<10} {statistics.median(r.transferred for r in runs):>7.0f} "
            f"{LCP_TARGET_MS:>7}  {verdict:<7}  {', '.join(str(lcp) for lcp in lcps)}"
        )
    verdict = "met" if not missed else f"not met ({', '.join(missed)})"
    print(f"target: LCP <= {LCP_TARGET_MS} ms on every page, every run: {verdict}")


def main():
    from playwright.sync_api import sync_playwright

    workdir = Path(tempfile.mkdtemp(prefix="cxslow-"))
    failed = True
    site = None
    try:
        step(f"Preparing the site in {workdir} (static files compressed, database, demo)")
        site = our_site(workdir)
        site.env["MFA_REQUIRED_FOR_ROLES"] = "0"
        with ThreadPoolExecutor(max_workers=2) as pool:
            jobs = [
                pool.submit(site.manage, "collectstatic", "--noinput", "-v0"),
                pool.submit(prepare_ours, site),
            ]
            for job in jobs:
                job.result()
        step(f"Starting gunicorn on {site.port}")
        site.start()

        step(f"Chromium: {len(PAGES)} pages, {RUNS} cold visits each, throttled")
        results = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            for name, prepare in PAGES:
                results.append((name, [measure(browser, site, prepare) for _ in range(RUNS)]))
            browser.close()
        print_table(results)
        failed = False
    finally:
        if site is not None:
            site.stop()
        if failed or KEEP:
            print(f"The work folder (logs, database) is kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    step("Done")


if __name__ == "__main__":
    main()
