"""Public pages against bare Wagtail: requests per second, p50 and p95 of five pages of the demo
next to the home page of a bare Wagtail project on the same machine, and the memory of a web
worker of each (issue 15, "Public pages" and "Memory").

    .venv/bin/python bench/pages.py                     # about 3 minutes (make bench)
    BENCH_SECONDS=10 BENCH_ROUNDS=5 .venv/bin/python bench/pages.py

1. Two sites are prepared at once, in a temporary folder:
   - this project as production serves it: the production settings (DEBUG off, whitenoise
     with compressed static files) and gunicorn's deploy/gunicorn.conf.py (the application
     loaded before the workers fork, its objects frozen out of the collector's reach), SQLite
     in a folder of its own, migrated, with the demo (`load_demo --force`);
   - a bare Wagtail project made by `wagtail start` with the same virtualenv: its own SQLite,
     migrated (its home page is Wagtail's welcome page), its production settings (DEBUG off)
     with a secret key and ALLOWED_HOSTS, its static files collected.
2. Each is served by gunicorn with 2 workers (WEB_CONCURRENCY) on 127.0.0.1: ours with the
   threads deploy/gunicorn.conf.py gives each (GUNICORN_THREADS, 4), bare Wagtail with sync
   workers, `wagtail start`'s own way.
3. Memory: each site gets BENCH_MIXED_REQUESTS (1,000) requests, 4 at a time, mixed over its
   pages and its log-in page (ours: the five pages below and /accounts/login/; bare Wagtail: its
   home page and /admin/login/); then the memory of each worker (/proc/<pid>/smaps_rollup):
   resident (RSS; the target: ours within 1.1x of bare Wagtail's, per worker on average),
   proportional (PSS: the pages shared with the master divided among the sharers) and its own
   (USS: what the machine would get back if the worker stopped).
4. Throughput: Debian's wrk (`make wrk` installs it), 1 thread, BENCH_CONNECTIONS (4)
   connections, BENCH_SECONDS (2) per run, with a browser's headers (gzip accepted). Each of our
   pages is run against the bare Wagtail home page in alternation, A B A B, BENCH_ROUNDS (3)
   times, so that a machine shared with other work weighs on both alike. Figures are the
   medians over the rounds; the ratio is our page's req/s to the bare home page's in the same
   rounds. Target: >= 1.5x for every page.
5. gunicorn is stopped and the folder removed (kept and named when something failed, or with
   BENCH_KEEP=1). A failed socket or a 4xx or 5xx answer fails the script; a target not met
   does not: the figures are printed as measured.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
GUNICORN_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"

SECONDS = int(os.environ.get("BENCH_SECONDS", "2"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
MIXED_REQUESTS = int(os.environ.get("BENCH_MIXED_REQUESTS", "1000"))
WORKERS = int(os.environ.get("WEB_CONCURRENCY", "2"))
KEEP = os.environ.get("BENCH_KEEP") == "1"

# The demo's pages (cms/demo/content.py): home, a program page, the open letter, the winners
# page, and the nomination start page.
OUR_PAGES = [
    ("home", "/"),
    ("program page", "/program-actions/regulatory-bodies/"),
    ("open letter", "/open-letter/"),
    ("winners page", "/cx-awards/2026-winners/"),
    ("nominate", "/nominate/"),
]
OUR_LOGIN = "/accounts/login/"
BARE_HOME = "/"
BARE_LOGIN = "/admin/login/"
PAGES_TARGET = 1.5
MEMORY_TARGET = 1.1

# What a browser sends with a page request: our GZip middleware compresses for it.
BROWSER_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Encoding": "gzip, deflate, br",
    "Accept-Language": "en",
}

# wrk's report as one JSON line (latencies in microseconds). Errors count sockets that failed
# or timed out; "status" counts 4xx and 5xx answers (wrk counts a status above 399).
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "microseconds": %d, "p50": %d, "p95": %d, "errors": %d, "status": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.timeout, e.status))
end
"""

STARTED = time.monotonic()


def step(message):
    print(f"== [{time.monotonic() - STARTED:4.0f} s] {message}", flush=True)


def clean_environment():
    """This shell's environment without what would point a site at other services."""
    drop = {"DATABASE_URL", "REDIS_URL", "CACHE_URL", "DJANGO_SETTINGS_MODULE", "VAR_DIR"}
    return {name: value for name, value in os.environ.items() if name not in drop}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(command, cwd, env, log):
    with log.open("a") as out:
        subprocess.run(command, cwd=cwd, env=env, check=True, stdout=out, stderr=subprocess.STDOUT)


# The two sites ---------------------------------------------------------------------------------
class Site:
    def __init__(self, name, cwd, module, env, workdir, config=()):
        self.name, self.cwd, self.module, self.env = name, cwd, module, env
        self.config = list(config)  # gunicorn's options before ours: a config file
        self.port = free_port()
        self.log = workdir / f"{name}.log"
        self.server = None

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def manage(self, *command):
        run([sys.executable, "manage.py", *command], self.cwd, self.env, self.log)

    def start(self):
        self.server = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                *self.config,
                self.module,
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={WORKERS}",
                f"--error-logfile={self.log}",
            ],
            cwd=self.cwd,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.server.poll() is not None:
                raise SystemExit(f"{self.name}: gunicorn stopped at start: see {self.log}")
            try:
                fetch(self.url("/"))
                return
            except OSError:
                time.sleep(0.5)
        raise SystemExit(f"{self.name}: gunicorn did not answer within 60 seconds")

    def worker_pids(self):
        """gunicorn's workers: the processes whose parent is its master."""
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parent = int(stat.rsplit(")", 1)[1].split()[1])
            if parent == self.server.pid:
                pids.append(int(entry.name))
        return sorted(pids)

    def stop(self):
        if self.server is None or self.server.poll() is not None:
            return
        self.server.send_signal(signal.SIGTERM)  # gunicorn's graceful shutdown of its workers
        try:
            self.server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.server.kill()
            self.server.wait()


def our_site(workdir):
    """This project as `make serve` runs it, on SQLite in the work folder."""
    # Served as production serves it: deploy/gunicorn.conf.py (the application loaded before the
    # workers fork, its objects frozen out of the garbage collector's reach), the bench's own
    # address and worker count given after it.
    site = Site("ours", ROOT, "awards_site.wsgi", {}, workdir, ["--config", str(GUNICORN_CONFIG)])
    site.env = {
        **clean_environment(),
        "DJANGO_SETTINGS_MODULE": "awards_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SERVE_MEDIA": "1",
        "SITE_URL": site.url(""),
        "ALLOW_LOCAL_SITE_URL": "1",  # as `make serve` does: production refuses loopback
        "VAR_DIR": str(workdir / "var"),
        "STATIC_ROOT": str(workdir / "static"),
        "TASKS_BACKEND": "immediate",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    return site


def prepare_ours(site):
    site.manage("migrate", "--noinput", "-v0")
    site.manage("load_demo", "--force")  # a throwaway database: its known passwords are fine


def bare_wagtail(workdir):
    """`wagtail start` in the work folder, with its production settings made servable."""
    folder = workdir / "bare"
    folder.mkdir()
    run(
        [str(VENV_BIN / "wagtail"), "start", "barebench", str(folder)],
        workdir,
        None,
        workdir / "bare.log",
    )
    (folder / "barebench" / "settings" / "local.py").write_text(
        f"SECRET_KEY = {secrets.token_urlsafe(50)!r}\nALLOWED_HOSTS = ['127.0.0.1']\n"
    )
    env = {**clean_environment(), "DJANGO_SETTINGS_MODULE": "barebench.settings.production"}
    return Site("bare", folder, "barebench.wsgi", env, workdir)


def prepare_bare(site):
    site.manage("migrate", "--noinput", "-v0")
    site.manage("collectstatic", "--noinput", "-v0")  # its manifest storage needs it


def prepare_all(ours, bare):
    """Both sites at once: our static files (compressed, the longest part), our database and
    demo, and bare Wagtail, each in a thread running its own processes."""
    in_threads(
        [
            lambda: ours.manage("collectstatic", "--noinput", "-v0"),
            lambda: prepare_ours(ours),
            lambda: prepare_bare(bare),
        ],
        "Preparing the sites failed",
    )


def in_threads(jobs, failure):
    """Run `jobs` at once, each in a thread; stop with `failure` if a process they run fails."""
    errors = []

    def guarded(job):
        try:
            job()
        except subprocess.CalledProcessError as error:
            errors.append(error)

    threads = [threading.Thread(target=guarded, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise SystemExit(f"{failure}: {errors[0]} (see the logs)")


# Requests --------------------------------------------------------------------------------------
def fetch(url):
    request = urllib.request.Request(url, headers=BROWSER_HEADERS)
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        return response.status


def check_pages(site, paths):
    for path in paths:
        status = fetch(site.url(path))
        if status != 200:
            raise SystemExit(f"{site.name}: {path} answered {status}, not 200")


def mixed_requests(site, paths, count):
    """`count` requests spread over `paths` in turn, 4 at a time (both workers busy)."""
    urls = [site.url(paths[i % len(paths)]) for i in range(count)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(fetch, urls))
    failed = [status for status in statuses if status != 200]
    if failed:
        raise SystemExit(f"{site.name}: {len(failed)} of the mixed requests did not answer 200")


def memory_kb(pid):
    """A worker's memory in kB: resident (RSS, pages it shares with the master counted whole),
    proportional (PSS, each shared page divided among the processes sharing it) and its own
    (USS, private pages only), from /proc/<pid>/smaps_rollup."""
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, _, value = line.partition(":")
        fields[name] = int(value.split()[0])
    return {
        "RSS": fields["Rss"],
        "PSS": fields["Pss"],
        "USS": fields["Private_Clean"] + fields["Private_Dirty"],
    }


def run_wrk(url, script, connections=CONNECTIONS, seconds=SECONDS, headers=BROWSER_HEADERS):
    """One wrk run against `url` with the report script: req/s, p50, p95 (ms), how many
    requests were answered and how many failed (socket errors and non-2xx/3xx answers)."""
    headers = [f"--header={name}: {value}" for name, value in headers.items()]
    completed = subprocess.run(
        [
            "wrk",
            "--threads=1",
            f"--connections={connections}",
            f"--duration={seconds}s",
            "--timeout=10s",
            f"--script={script}",
            *headers,
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(completed.stdout.strip().splitlines()[-1])
    return {
        "rps": report["requests"] / (report["microseconds"] / 1e6),
        "p50": report["p50"] / 1000,
        "p95": report["p95"] / 1000,
        "requests": report["requests"],
        "failed": report["errors"] + report["status"],
        "output": completed.stdout,
    }


def wrk(site, path, script, headers=BROWSER_HEADERS):
    """One wrk run against a page of `site`, which must answer every request."""
    run = run_wrk(site.url(path), script, headers=headers)
    if run["failed"] or not run["requests"]:
        raise SystemExit(f"{site.name} {path}: wrk saw errors: {run['output']}")
    return run


# The figures -----------------------------------------------------------------------------------
def median_of(runs, key):
    return statistics.median(run[key] for run in runs)


def print_pages(results):
    print()
    print(
        f"{'page':<14} {'path':<36} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'bare req/s':>10} {'ratio':>6}"
    )
    missed = []
    for (name, path), (ours, bare) in zip(OUR_PAGES, results, strict=True):
        ratio = median_of(ours, "rps") / median_of(bare, "rps")
        if ratio < PAGES_TARGET:
            missed.append(name)
        print(
            f"{name:<14} {path:<36} {median_of(ours, 'rps'):>7.1f} {median_of(ours, 'p50'):>7.1f} "
            f"{median_of(ours, 'p95'):>7.1f} {median_of(bare, 'rps'):>10.1f} {ratio:>5.2f}x"
        )
    every_bare = [run for _ours, bare in results for run in bare]
    print(
        f"{'bare Wagtail':<14} {'/ (every run)':<36} {median_of(every_bare, 'rps'):>7.1f} "
        f"{median_of(every_bare, 'p50'):>7.1f} {median_of(every_bare, 'p95'):>7.1f}"
    )
    verdict = "met" if not missed else f"not met ({', '.join(missed)})"
    print(f"target: every page >= {PAGES_TARGET}x bare Wagtail's home page: {verdict}")


def print_memory(memory, whole):
    """RSS (the target's measure), PSS and USS per worker of each site, and ours / bare's; then
    the PSS of each whole site (master and workers)."""
    print()
    for kind in ("RSS", "PSS", "USS"):
        averages = {}
        for name, workers in memory.items():
            figures = [each[kind] / 1024 for each in workers.values()]
            averages[name] = statistics.mean(figures)
            listed = ", ".join(f"{mb:.1f}" for mb in figures)
            print(f"{kind} per worker, {name:<5} MB: {listed} (mean {averages[name]:.1f})")
        ratio = averages["ours"] / averages["bare"]
        verdict = "met" if ratio <= MEMORY_TARGET else "not met"
        target = f"target <= {MEMORY_TARGET}x: {verdict}" if kind == "RSS" else "no target"
        print(
            f"  {kind}: ours / bare Wagtail after {MIXED_REQUESTS} mixed requests each: "
            f"{ratio:.2f}x ({target})"
        )
    ours, bare = whole["ours"] / 1024, whole["bare"] / 1024
    print(
        f"PSS of each whole site, master and {WORKERS} workers: ours {ours:.1f} MB, "
        f"bare {bare:.1f} MB: {ours / bare:.2f}x"
    )


def main():
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: `make wrk` installs Debian's package (as root).")
    workdir = Path(tempfile.mkdtemp(prefix="cxpages-"))
    failed = True
    ours = bare = None
    try:
        step(
            f"Preparing both sites in {workdir} (our static files, database and demo; bare Wagtail)"
        )
        ours = our_site(workdir)
        bare = bare_wagtail(workdir)
        prepare_all(ours, bare)

        step(f"Starting gunicorn, {WORKERS} workers each: ours on {ours.port}, bare on {bare.port}")
        ours.start()
        bare.start()
        our_paths = [path for _name, path in OUR_PAGES]
        check_pages(ours, [*our_paths, OUR_LOGIN])
        check_pages(bare, [BARE_HOME, BARE_LOGIN])

        step(f"Memory: {MIXED_REQUESTS} mixed requests to each site")
        mixed_requests(ours, [*our_paths, OUR_LOGIN], MIXED_REQUESTS)
        mixed_requests(bare, [BARE_HOME, BARE_LOGIN], MIXED_REQUESTS)
        memory = {
            site.name: {pid: memory_kb(pid) for pid in site.worker_pids()} for site in (ours, bare)
        }
        # The whole site on the machine: the master's PSS with its workers' (PSS adds up).
        whole = {
            site.name: sum(memory_kb(pid)["PSS"] for pid in [site.server.pid, *memory[site.name]])
            for site in (ours, bare)
        }
        print_memory(memory, whole)  # now: a failed wrk run below must not hide these

        step(
            f"wrk: {ROUNDS} rounds of {SECONDS} s runs, {CONNECTIONS} connections, "
            "each page then bare Wagtail's home page"
        )
        script = workdir / "report.lua"
        script.write_text(WRK_REPORT)
        results = [([], []) for _page in OUR_PAGES]
        for _round in range(ROUNDS):
            for (_name, path), (our_runs, bare_runs) in zip(OUR_PAGES, results, strict=True):
                our_runs.append(wrk(ours, path, script))
                bare_runs.append(wrk(bare, BARE_HOME, script))

        print_pages(results)
        failed = False
    finally:
        for site in (ours, bare):
            if site is not None:
                site.stop()
        if failed or KEEP:
            print(f"The work folder (logs, databases) is kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    step("Done")


if __name__ == "__main__":
    main()
