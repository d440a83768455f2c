"""make load against the running stack (`make stack`): the same simulated nominators, judges and
visitors as bench/load/run.py, through nginx (TLS), first with one web node, then with two, in
one run; requests per second served (the saturation point: the run offers more than either can
serve), p50 and p95 of each, and the database checked against what the site confirmed.

    .venv/bin/python bench/load/on_stack.py                     # make load-stack: 2 x 3 minutes
    .venv/bin/python bench/load/on_stack.py --duration 30s --nominators 20 --judges 5 --visitors 5

1. The nodes are started again with the load's settings (deploy/stack.py's STACK_EXTRA_SETTINGS):
   each simulated person comes from an address of their own (X-Forwarded-For, with nginx as the
   second proxy), and the public forms' limit per address is lifted. They get the stack's own
   settings back at the end, whatever happened.
2. For each run the stack's database gets people of its own (bench/load/seed.py --label, the
   run's time and "one." or "two."): the check compares each run's people only. They stay in
   the database until the next `make stack`, which makes it afresh.
3. One node: node B is stopped (deploy/stack.py pause), nginx sends everything to node A. Two
   nodes: node B is started again. The answers are counted from nginx's JSON access log, by
   status and by node.

Everything shares this machine's 2 cores: bench/README.md says what a machine per node changes.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from run import (
    HERE,
    ROOT,
    check_database,
    people_arguments,
    print_failures,
    print_stats,
    read_stats,
    run_locust,
    step,
)

STACK = ROOT / "deploy" / "stack.py"
ACCESS_LOG = ROOT / "var" / "stack" / "logs" / "nginx-access.json"
CERTIFICATE = ROOT / "var" / "stack" / "tls" / "cert.pem"
NODES = ["node-a", "node-b"]
LOAD_SETTINGS = {"TRUSTED_PROXY_COUNT": "2", "PUBLIC_FORM_RATE": "10000/m"}


def arguments():
    parser = people_arguments(__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args()
    args.rate = 0  # people think between pages, as in make load's first run
    return args


def stack(*command, settings=None):
    env = {**os.environ, "STACK_EXTRA_SETTINGS": json.dumps(settings or {})}
    subprocess.run([sys.executable, str(STACK), *command], check=True, cwd=ROOT, env=env)


def stack_environment():
    answer = subprocess.run(
        [sys.executable, str(STACK), "env"], capture_output=True, text=True, check=True
    )
    return json.loads(answer.stdout)


def restart_nodes(settings=None):
    for node in NODES:
        stack("pause", node)
        stack("revive", node, settings=settings)


def seed(env, args, workdir, label):
    accounts = workdir / "accounts.json"
    subprocess.run(
        [
            sys.executable,
            str(HERE / "seed.py"),
            f"--nominators={args.nominators}",
            f"--judges={args.judges}",
            f"--label={label}",
            f"--out={accounts}",
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return accounts


def answers_since(offset):
    """nginx's answers logged after `offset` bytes of its access log: by status, by node."""
    with ACCESS_LOG.open("rb") as log:
        log.seek(offset)
        entries = [json.loads(line) for line in log.read().decode().splitlines() if line]
    statuses = Counter(str(entry["status"]) for entry in entries)
    nodes = Counter(entry["upstream_addr"] for entry in entries if entry["upstream_addr"])
    return dict(sorted(statuses.items())), dict(nodes)


def run_once(args, env, site_url, label):
    """One locust run through nginx: (problems, locust's rows, requests per second served)."""
    workdir = Path(tempfile.mkdtemp(prefix=f"cxload-stack-{label.replace('.', '-')}"))
    step(f"Seeding the load's people ({label}) in the stack's database; work folder {workdir}")
    accounts = seed(env, args, workdir, label)
    offset = ACCESS_LOG.stat().st_size
    started = time.time()
    locust_status = run_locust(args, accounts, workdir, host=site_url)
    elapsed = time.time() - started
    time.sleep(1)  # nginx writes a request's log line as it ends

    step(f"Response times ({elapsed:.0f} s of load; locust exit status {locust_status})")
    rows = read_stats(workdir)
    print_stats(rows)
    print_failures(workdir)
    statuses, nodes = answers_since(offset)
    served = sum(statuses.values()) / elapsed
    print(f"\nnginx's answers by status: {statuses}")
    print(f"Answered by node: {nodes}")
    print(f"Requests per second served: {served:.1f}")

    step("Database against what the site confirmed")
    result = check_database(env, accounts, workdir)
    for key, value in result["counts"].items():
        print(f"  {key.replace('_', ' ')}: {value}")
    problems = list(result["problems"])
    failures = sum(int(row["Failure Count"]) for row in rows if row["Name"] == "Aggregated")
    errors = {code: n for code, n in statuses.items() if code >= "400"}
    if failures:
        problems.append(f"{failures} failed requests")
    if errors:
        problems.append(f"error answers in nginx's access log: {errors}")
    for problem in problems:
        print(f"  PROBLEM: {problem}")
    if not (problems or args.keep):
        subprocess.run(["rm", "-rf", str(workdir)], check=False)
    return problems, rows, served


def overall(rows, column):
    return next((float(row[column]) for row in rows if row["Name"] == "Aggregated"), 0.0)


def main():
    args = arguments()
    if subprocess.run([sys.executable, str(STACK), "running"], cwd=ROOT).returncode:
        raise SystemExit("The stack is not running: start it with `make stack`.")
    env = {**os.environ, **stack_environment()}
    env.pop("TEST_REDIS_URL", None)
    # locust's simulated people trust the stack's own certificate, made for 127.0.0.1.
    os.environ["LOAD_CA_BUNDLE"] = str(CERTIFICATE)
    results = {}
    run = f"run{int(time.time())}"  # each run's people new, however often it runs on one stack
    step(f"The nodes started again with the load's settings {LOAD_SETTINGS}")
    restart_nodes(LOAD_SETTINGS)
    try:
        stack("pause", "node-b")
        step("One node (node B paused)")
        results["one node"] = run_once(args, env, env["SITE_URL"], f"{run}.one.")
        stack("revive", "node-b", settings=LOAD_SETTINGS)
        step("Two nodes")
        results["two nodes"] = run_once(args, env, env["SITE_URL"], f"{run}.two.")
    finally:
        step("The nodes started again with the stack's own settings")
        restart_nodes()
    step("Summary")
    # The runs offer more than either shape serves: the requests per second served are each
    # one's saturation point.
    print(f"{'':<10} {'saturation req/s':>16} {'p50 ms':>7} {'p95 ms':>7}  problems")
    for name, (problems, rows, served) in results.items():
        p50, p95 = overall(rows, "50%"), overall(rows, "95%")
        print(f"{name:<10} {served:>16.1f} {p50:>7.0f} {p95:>7.0f}  {len(problems)}")
    if len(results) == 2:
        gain = results["two nodes"][2] / max(results["one node"][2], 0.1)
        print(f"Two nodes / one node, requests per second served: {gain:.2f}x")
        print(f"on {os.cpu_count()} cores shared by nginx, both nodes, PostgreSQL, Redis, the")
        print("task workers and locust itself (bench/README.md: a machine per node).")
    sys.exit(1 if any(problems for problems, _rows, _served in results.values()) else 0)


if __name__ == "__main__":
    main()
