"""Load test of the production-like site: gunicorn with the production settings on PostgreSQL,
on 127.0.0.1 only, driven by locust (bench/load/locustfile.py) for a bounded time.

    .venv/bin/python bench/load/run.py                   # 3 minutes: 200 nominators, 30 judges,
                                                         # 20 visitors (make load)
    .venv/bin/python bench/load/run.py --duration 30s --nominators 20 --judges 5 --visitors 5

1. A throwaway PostgreSQL database (cxload_<pid>, on --postgres, default the local server as
   user postgres) is migrated and gets the demo (load_demo) and the load's people
   (bench/load/seed.py); static files are collected in a temporary folder.
2. gunicorn serves the site as `make serve` does (production settings, whitenoise, no TLS on
   loopback), with the immediate tasks backend and in-memory email, behind "one proxy"
   (TRUSTED_PROXY_COUNT=1) so each simulated person has an address of their own.
3. locust runs headless for --duration; users stop between requests, never during one.
4. bench/load/check.py compares the database with what the site confirmed to the users, and
   the gunicorn access log is read for any 4xx/5xx the load tool did not see.
5. The response times (p50, p95, p99 per request and overall) and the counts are printed; the
   exit status is 1 on any failed request, error response or mismatch.
6. gunicorn is stopped and the database dropped; the temporary folder (logs, locust's CSV
   files) is removed unless the run failed or --keep is given.
"""

import argparse
import csv
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent.parent
HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
ACCESS_STATUS = re.compile(r'" (\d{3}) ')


def people_arguments(description):
    """The parser of what a load run asks for (here and in bench/load/on_stack.py): how long,
    how many people of each kind, how fast they start and how long they think."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--duration", default="3m", help="locust's run time (30s, 3m, ...)")
    parser.add_argument("--nominators", type=int, default=200)
    parser.add_argument("--judges", type=int, default=30)
    parser.add_argument("--visitors", type=int, default=20)
    parser.add_argument("--spawn-rate", type=float, default=2, help="users started per second")
    parser.add_argument("--think", default="2,6", help="seconds between two pages: min,max")
    return parser


def arguments():
    parser = people_arguments(__doc__.splitlines()[0])
    parser.add_argument(
        "--rate",
        type=float,
        default=0,
        help="a fixed rate instead of thinking: pages per second asked by everyone together",
    )
    parser.add_argument(
        "--then-half",
        action="store_true",
        help="after the run, run again at a fixed rate of half the requests per second it served "
        "(make load does both)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=int(os.environ.get("WEB_CONCURRENCY", "2")),
        help="gunicorn workers (WEB_CONCURRENCY, 2 as in make serve)",
    )
    parser.add_argument("--port", type=int, default=8077)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    return parser.parse_args()


# The throwaway database ---------------------------------------------------------------------
def create_database(admin_url, name):
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(admin_url, name):
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_url(admin_url, name):
    return admin_url.rsplit("/", 1)[0] + "/" + name


# The site --------------------------------------------------------------------------------------
def site_environment(args, workdir, db_url):
    """What `make serve` sets, plus what a load run needs (see the module docstring)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "awards_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SERVE_MEDIA": "1",
        "DATABASE_URL": db_url,
        "VAR_DIR": str(workdir / "var"),
        "STATIC_ROOT": str(workdir / "static"),
        "SITE_URL": f"http://127.0.0.1:{args.port}",
        "ALLOW_LOCAL_SITE_URL": "1",  # a production-like run on this machine, as make serve
        "TASKS_BACKEND": "immediate",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "TRUSTED_PROXY_COUNT": "1",
        "PUBLIC_FORM_RATE": "10000/m",
    }


def manage(env, *command):
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)


def prepare_site(args, env, workdir):
    step("Migrating")
    manage(env, "migrate", "--noinput", "-v0")
    step("Loading the demo")
    subprocess.run(
        [sys.executable, "manage.py", "load_demo", "--force"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,  # the demo's log-ins, printed for people: not needed here
    )
    step("Seeding the load's people")
    accounts = workdir / "accounts.json"
    subprocess.run(
        [
            sys.executable,
            str(HERE / "seed.py"),
            f"--nominators={args.nominators}",
            f"--judges={args.judges}",
            f"--out={accounts}",
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    step("Collecting static files")
    manage(env, "collectstatic", "--noinput", "-v0")
    return accounts


def port_is_free(port):
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def start_gunicorn(args, env, workdir):
    step(f"Starting gunicorn on 127.0.0.1:{args.port} with {args.workers} workers")
    server = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            # As production serves it (threads, the application loaded before the workers
            # fork), with the run's own address, workers and logs given after.
            f"--config={ROOT / 'deploy' / 'gunicorn.conf.py'}",
            "awards_site.wsgi",
            f"--bind=127.0.0.1:{args.port}",
            f"--workers={args.workers}",
            f"--access-logfile={workdir / 'access.log'}",
            f"--error-logfile={workdir / 'error.log'}",
        ],
        cwd=ROOT,
        env=env,
        stdout=(workdir / "server.log").open("w"),  # the site's own log lines (warnings)
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped at start: see {workdir / 'error.log'}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{args.port}/", timeout=5) as page:
                if page.status == 200:
                    return server
        except OSError:
            time.sleep(1)
    stop(server)
    raise SystemExit("gunicorn did not answer within 60 seconds")


def stop(server):
    if server is None or server.poll() is not None:
        return
    server.send_signal(signal.SIGTERM)  # gunicorn's graceful shutdown of its workers
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


# The load --------------------------------------------------------------------------------------
def run_locust(args, accounts, workdir, host=None):
    users = args.nominators + args.judges + args.visitors
    pace = f"{args.rate:g} pages per second in all" if args.rate else f"{args.think} s apart"
    step(
        f"locust: {args.nominators} nominators, {args.judges} judges, {args.visitors} visitors "
        f"for {args.duration}, {args.spawn_rate:g} started per second, pages {pace}"
    )
    env = {
        **os.environ,
        "LOAD_ACCOUNTS": str(accounts),
        "LOAD_OUTCOME": str(workdir / "outcome.json"),
        "LOAD_NOMINATORS": str(args.nominators),
        "LOAD_JUDGES": str(args.judges),
        "LOAD_VISITORS": str(args.visitors),
        "LOAD_THINK": args.think,
        "LOAD_RATE": str(args.rate or ""),
    }
    completed = subprocess.run(
        [
            str(VENV_BIN / "locust"),
            f"--locustfile={HERE / 'locustfile.py'}",
            "--headless",
            "--only-summary",
            f"--host={host or f'http://127.0.0.1:{args.port}'}",
            f"--users={users}",
            f"--spawn-rate={args.spawn_rate}",
            f"--run-time={args.duration}",
            "--stop-timeout=90",  # let a request under way finish: its answer is counted
            f"--csv={workdir / 'locust'}",
            "--loglevel=WARNING",
        ],
        cwd=HERE,
        env=env,
        stdout=(workdir / "locust.out").open("w"),
        stderr=subprocess.STDOUT,
    )
    return completed.returncode


# The figures -----------------------------------------------------------------------------------
def read_stats(workdir):
    with (workdir / "locust_stats.csv").open() as stats:
        return list(csv.DictReader(stats))


def print_stats(rows):
    header = f"{'request':<40} {'type':<5} {'count':>6} {'fail':>5} {'p50':>6} {'p95':>6}"
    print(f"{header} {'p99':>6} {'max':>6}  (ms)")
    for row in rows:
        name = "ALL REQUESTS" if row["Name"] == "Aggregated" else row["Name"]
        print(
            f"{name[:40]:<40} {row['Type'][:5]:<5} {row['Request Count']:>6} "
            f"{row['Failure Count']:>5} {row['50%']:>6} {row['95%']:>6} {row['99%']:>6} "
            f"{float(row['Max Response Time']):>6.0f}"
        )


def print_failures(workdir):
    path = workdir / "locust_failures.csv"
    if not path.exists():
        return
    with path.open() as failures:
        for row in csv.DictReader(failures):
            print(f"  FAILED {row['Occurrences']}x {row['Method']} {row['Name']}: {row['Error']}")


def server_statuses(workdir):
    """Responses by status code, as gunicorn's access log has them."""
    counts = {}
    for line in (workdir / "access.log").read_text().splitlines():
        match = ACCESS_STATUS.search(line)
        if match:
            counts[match[1]] = counts.get(match[1], 0) + 1
    return dict(sorted(counts.items()))


def check_database(env, accounts, workdir):
    completed = subprocess.run(
        [
            sys.executable,
            str(HERE / "check.py"),
            f"--accounts={accounts}",
            f"--outcome={workdir / 'outcome.json'}",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if completed.returncode not in (0, 1):
        print(completed.stderr)
        return {"counts": {}, "problems": ["the database check itself failed"]}
    return json.loads(completed.stdout.strip().splitlines()[-1])


STARTED = time.monotonic()


def step(message):
    print(f"\n== [{time.monotonic() - STARTED:4.0f} s] {message}", flush=True)


def run_once(args):
    """One run on a fresh database: (passed, locust's rows, requests per second served)."""
    workdir = Path(tempfile.mkdtemp(prefix="cxload-"))
    name = f"cxload_{os.getpid()}"
    db_url = database_url(args.postgres, name)
    env = site_environment(args, workdir, db_url)
    server = None
    failed = True
    rows, served = [], 0.0
    try:
        step(f"Throwaway database {name}; work folder {workdir}")
        create_database(args.postgres, name)
        accounts = prepare_site(args, env, workdir)
        server = start_gunicorn(args, env, workdir)
        started = time.time()
        locust_status = run_locust(args, accounts, workdir)
        elapsed = time.time() - started
        stop(server)  # the access log is complete once the workers are gone

        step(f"Response times ({elapsed:.0f} s of load; locust exit status {locust_status})")
        rows = read_stats(workdir)
        print_stats(rows)
        print_failures(workdir)
        statuses = server_statuses(workdir)
        served = sum(statuses.values()) / elapsed
        errors = {code: n for code, n in statuses.items() if code >= "400"}
        print(f"\nServer responses by status (gunicorn access log): {statuses}")
        print(f"Requests per second served: {served:.1f}")

        step("Database against what the site confirmed")
        result = check_database(env, accounts, workdir)
        for key, value in result["counts"].items():
            print(f"  {key.replace('_', ' ')}: {value}")
        failures = sum(int(row["Failure Count"]) for row in rows if row["Name"] == "Aggregated")
        problems = list(result["problems"])
        if failures:
            problems.append(f"{failures} failed requests")
        if errors:
            problems.append(f"error responses in the access log: {errors}")
        if locust_status and not failures:
            problems.append(f"locust ended with status {locust_status}: see locust.out")
        for problem in problems:
            print(f"  PROBLEM: {problem}")
        failed = bool(problems)
        print("\nFAILED" if failed else "\nPASSED: no error response, nothing lost or doubled")
    finally:
        stop(server)
        drop_database(args.postgres, name)
        if failed or args.keep:
            print(f"Logs and locust's CSV files are kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return not failed, rows, served


PAGE_VIEW_TARGET_MS = 300


def page_view_p95(rows):
    """The 95th percentile of the page views (GET requests of pages, not static files), from
    locust's percentiles per request kind, weighted by count: an upper bound of the true one."""
    views = [r for r in rows if r["Type"] == "GET" and "static" not in r["Name"].lower()]
    views = [r for r in views if r["Name"] != "Aggregated" and int(r["Request Count"])]
    return max((float(r["95%"]) for r in views), default=0.0), views


def main():
    args = arguments()
    if not port_is_free(args.port):
        raise SystemExit(f"Port {args.port} is taken: choose another with --port.")
    passed, rows, served = run_once(args)
    if not args.then_half:
        sys.exit(0 if passed else 1)
    saturation = served
    args.rate = round(saturation / 2, 1)
    args.then_half = False
    step(f"Saturation: {saturation:.1f} requests per second. Again at half: {args.rate:g}")
    passed_again, rows, served = run_once(args)
    worst, views = page_view_p95(rows)
    step("Summary")
    print(f"Saturation point: {saturation:.1f} requests per second (the first run, queue full)")
    print(f"At a fixed rate of {args.rate:g} pages per second: {served:.1f} requests per second")
    print(f"Page views, p95 per kind: worst {worst:.0f} ms (target {PAGE_VIEW_TARGET_MS} ms)")
    for row in sorted(views, key=lambda r: -float(r["95%"]))[:5]:
        print(f"  {row['Name'][:50]:<50} p95 {float(row['95%']):>6.0f} ms")
    sys.exit(0 if passed and passed_again else 1)


if __name__ == "__main__":
    main()
