"""The live stack's tests (marked "stack"): they need `make stack` running and run with
`pytest --stack` (`make test-stack` does both). They read the stack's database with SQL and
its logs, and drive it over HTTP; they never import the site's code into the stack's processes."""

import json
import os
import signal
import subprocess
import sys
import time

import boto3
import psycopg
import pytest
import redis

from tests.stack.browser import ROOT, STACK, Visitor, stack_settings

RUN = ROOT / "var" / "stack" / "run"
LOGS = ROOT / "var" / "stack" / "logs"


@pytest.fixture(scope="session")
def stack():
    settings = stack_settings()
    ports = os.environ.get("STACK_NODE_PORTS", "8101,8102").split(",")
    named = dict(zip("ab", ports, strict=True))
    settings["nodes"] = {name: f"http://127.0.0.1:{port}" for name, port in named.items()}
    settings["node_ports"] = {name: int(port) for name, port in named.items()}
    return settings


@pytest.fixture(scope="session")
def s3(stack):
    """A client of the stack's S3 endpoint (moto's server), as the site's credentials."""
    return boto3.client(
        "s3",
        endpoint_url=stack["AWS_S3_ENDPOINT_URL"],
        region_name=stack["AWS_S3_REGION_NAME"],
        aws_access_key_id=stack["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=stack["AWS_SECRET_ACCESS_KEY"],
    )


@pytest.fixture(scope="session", autouse=True)
def counters_from_zero(stack):
    """The rate limits and lock-outs count from zero, on a stack just started or one a previous
    run used (`make stack` then `make test-stack` twice): Redis holds only the cache and
    counters, which the site rebuilds."""
    redis.Redis.from_url(stack["REDIS_URL"]).flushdb()


@pytest.fixture
def visitor(stack):
    return Visitor(stack["SITE_URL"], stack["nodes"])


@pytest.fixture
def make_visitor(stack):
    return lambda: Visitor(stack["SITE_URL"], stack["nodes"])


@pytest.fixture(scope="session")
def sql(stack):
    """Run a query on the stack's database; returns the rows."""
    connection = psycopg.connect(stack["DATABASE_URL"], autocommit=True)

    def run(query, *parameters):
        with connection.cursor() as cursor:
            cursor.execute(query, parameters)
            return cursor.fetchall() if cursor.description else []

    yield run
    connection.close()


@pytest.fixture(scope="session")
def manage(stack):
    """A management command run with the stack's environment, as the scheduled jobs run it."""

    def run(*args):
        env = {**os.environ, **{k: v for k, v in stack.items() if isinstance(v, str)}}
        env.pop("TEST_REDIS_URL", None)
        env["VAR_DIR"] = str(ROOT / "var" / "stack" / "var" / "cron")
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    return run


def process(name):
    return json.loads((RUN / f"{name}.pid").read_text())


def kill(name):
    """SIGKILL a node's or worker's whole process group: no chance to finish anything."""
    os.killpg(process(name)["pid"], signal.SIGKILL)


def revive(name):
    subprocess.run([sys.executable, str(STACK), "revive", name], check=True, cwd=ROOT)


def upstreams(request_ids):
    """The node that answered each request id, from nginx's JSON access log (written as each
    request ends, a moment after its last byte: read again until every id is there)."""
    wanted = set(request_ids)
    found = {}
    for _ in range(20):
        for line in (LOGS / "nginx-access.json").read_text().splitlines():
            entry = json.loads(line)
            if entry["request_id"] in wanted:
                found[entry["request_id"]] = entry["upstream_addr"]
        if wanted <= set(found):
            break
        time.sleep(0.1)
    return [found.get(request_id) for request_id in request_ids]


def wait_until(condition, seconds, step=0.5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return condition()
