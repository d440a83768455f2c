"""`make stack` and `make stack-stop`: the production shape on this machine, with the production
configuration files (deploy/nginx/, deploy/gunicorn.conf.py) and production settings.

    nginx (TLS on 127.0.0.1:8443, http 8080)  ->  node-a gunicorn 127.0.0.1:8101
                                              ->  node-b gunicorn 127.0.0.1:8102
    two task workers (manage.py db_worker), PostgreSQL (database cxawards_stack), Redis (a
    database of its own), S3 through moto's server (127.0.0.1:9100) standing in for a real
    S3 service: the site only speaks S3 through django-storages and boto3.

Every process started is written in var/stack/run/<name>.pid; `stop` ends exactly those (each
pid checked against the command line it was started with, so a reused pid is never killed).
`start` begins from a fresh database, Redis database and buckets, loaded with the demo site.
Ports and names come from the environment (STACK_* variables, below; docs/operations.md)."""

import json
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
STACK_DIR = Path(os.environ.get("STACK_DIR", ROOT / "var" / "stack"))
RUN, LOGS = STACK_DIR / "run", STACK_DIR / "logs"
HTTPS_PORT = int(os.environ.get("STACK_HTTPS_PORT", "8443"))
HTTP_PORT = int(os.environ.get("STACK_HTTP_PORT", "8080"))
NODE_PORTS = [int(p) for p in os.environ.get("STACK_NODE_PORTS", "8101,8102").split(",")]
S3_PORT = int(os.environ.get("STACK_S3_PORT", "9100"))
WORKERS = int(os.environ.get("STACK_WORKERS", "2"))
PG = os.environ.get("STACK_PG", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("STACK_DATABASE", "cxawards_stack")
REDIS_URL = os.environ.get("STACK_REDIS_URL", "redis://127.0.0.1:6379/8")
NGINX = os.environ.get("NGINX", "/usr/sbin/nginx")
NODE_NAMES = [f"node-{chr(ord('a') + i)}" for i in range(len(NODE_PORTS))]
BUCKETS = {"public": "cxawards-media", "private": "cxawards-private"}


def site_environment():
    """The environment of every node and worker: production settings, the shared services."""
    secret_file = STACK_DIR / "secret_key"
    if not secret_file.exists():
        secret_file.write_text(secrets.token_urlsafe(50))
    s3 = f"http://127.0.0.1:{S3_PORT}"
    return {
        "DJANGO_SETTINGS_MODULE": "awards_site.settings.production",
        "SECRET_KEY": secret_file.read_text().strip(),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": f"https://127.0.0.1:{HTTPS_PORT}",
        # Production refuses a loopback SITE_URL; this stack is on loopback by design.
        "ALLOW_LOCAL_SITE_URL": "1",
        # A self-signed certificate on 127.0.0.1: no browser should remember HSTS for it.
        "SECURE_HSTS_SECONDS": "0",
        "SECURE_HSTS_PRELOAD": "0",
        "DATABASE_URL": f"{PG}/{DATABASE}",
        "DB_CONN_MAX_AGE": "60",
        "REDIS_URL": REDIS_URL,
        "TASKS_BACKEND": "database",
        "TRUSTED_PROXY_COUNT": "1",
        "AWS_STORAGE_BUCKET_NAME": BUCKETS["public"],
        "AWS_PRIVATE_STORAGE_BUCKET_NAME": BUCKETS["private"],
        "AWS_S3_ENDPOINT_URL": s3,
        "AWS_S3_REGION_NAME": "us-east-1",
        "AWS_S3_ADDRESSING_STYLE": "path",
        "AWS_ACCESS_KEY_ID": "stack",
        "AWS_SECRET_ACCESS_KEY": "stack-not-secret",
        "STATIC_ROOT": str(STACK_DIR / "static"),
        # The demo accounts sign in with their password only (no authenticator app to script).
        "MFA_REQUIRED_FOR_ROLES": "0",
        # A batch whose worker is killed is queued again after a minute, not fifteen.
        "BATCH_STALL_MINUTES": "1",
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "WARNING",
        "WEB_CONCURRENCY": os.environ.get("STACK_WEB_CONCURRENCY", "2"),
        # Settings of a run of its own, as JSON: bench/load/on_stack.py revives the nodes with
        # the load's (each simulated person's own address, no public-form limit).
        **json.loads(os.environ.get("STACK_EXTRA_SETTINGS", "{}")),
    }


def environment_of(name):
    """A process's environment: the site's, its own name, its own var folder (nothing on one
    node's disk is seen by another)."""
    var_dir = STACK_DIR / "var" / name
    var_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **site_environment(), "NODE_NAME": name, "VAR_DIR": str(var_dir)}
    for test_only in ("TEST_REDIS_URL", "PYTEST_XDIST_WORKER"):
        env.pop(test_only, None)
    return env


# Processes ---------------------------------------------------------------------------------
def pid_file(name):
    return RUN / f"{name}.pid"


def start_process(name, command, env):
    log = open(LOGS / f"{name}.log", "ab")  # noqa: SIM115  (the child keeps it)
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    entry = {"pid": process.pid, "started": started_at(process.pid), "command": command}
    pid_file(name).write_text(json.dumps(entry))
    return process.pid


def started_at(pid):
    """When the process started, in clock ticks after boot (/proc/<pid>/stat, field 22): with
    the pid, it names one process for ever, even after the pid is reused."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return None
    return stat.rpartition(")")[2].split()[19]


def recorded(name):
    try:
        entry = json.loads(pid_file(name).read_text())
    except (FileNotFoundError, ValueError):
        return None
    return entry if isinstance(entry, dict) else None


def alive(entry):
    """True when the recorded process still runs (the same pid, started at the same moment)."""
    return entry["started"] is not None and started_at(entry["pid"]) == entry["started"]


def stop_process(name, wait=20.0):
    entry = recorded(name)
    if entry is None:
        return False
    if alive(entry):
        # The group: gunicorn's and nginx's workers, started by the recorded process.
        os.killpg(entry["pid"], signal.SIGTERM)
        deadline = time.monotonic() + wait
        while alive(entry) and time.monotonic() < deadline:
            time.sleep(0.1)
        if alive(entry):
            os.killpg(entry["pid"], signal.SIGKILL)
    pid_file(name).unlink(missing_ok=True)
    return True


def wait_for_port(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"Nothing answers on 127.0.0.1:{port} (see {LOGS}/).")


def manage(*args, name="setup"):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=environment_of(name), check=True)


# Services ----------------------------------------------------------------------------------
def start_s3():
    start_process(
        "s3",
        [PYTHON, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(S3_PORT)],
        environment_of("s3"),
    )
    wait_for_port(S3_PORT)
    import boto3

    env = site_environment()
    s3 = boto3.client(
        "s3",
        endpoint_url=env["AWS_S3_ENDPOINT_URL"],
        region_name=env["AWS_S3_REGION_NAME"],
        aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"],
    )
    for bucket in BUCKETS.values():
        s3.create_bucket(Bucket=bucket)
    # The private bucket refuses any public grant, whatever a client asks.
    s3.put_public_access_block(
        Bucket=BUCKETS["private"],
        PublicAccessBlockConfiguration=dict.fromkeys(
            ["BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"],
            True,
        ),
    )


def fresh_database():
    psql = ["psql", f"{PG}/postgres", "-qc"]
    subprocess.run([*psql, f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)'], check=True)
    subprocess.run([*psql, f'CREATE DATABASE "{DATABASE}"'], check=True)
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def tls_certificate():
    tls = STACK_DIR / "tls"
    tls.mkdir(exist_ok=True)
    if not (tls / "cert.pem").exists():
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "365",
             "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
             "-keyout", str(tls / "key.pem"), "-out", str(tls / "cert.pem")],
            check=True, capture_output=True,
        )  # fmt: skip
    return tls


def nginx_configuration(tls):
    """nginx.conf of the stack: the production http.conf and proxy.conf, included as they are,
    with this machine's upstream, ports, log and temporary folders."""
    folder = STACK_DIR / "nginx"
    for temp in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / temp).mkdir(parents=True, exist_ok=True)
        (folder / temp).chmod(0o777)  # nginx's workers run as nobody
    servers = "\n".join(
        f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;" for port in NODE_PORTS
    )
    deploy = ROOT / "deploy" / "nginx"
    conf = f"""
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;  # nginx's own; var/stack/run/ holds this script's
error_log {LOGS}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include /etc/nginx/mime.types;
    include {deploy}/http.conf;
    upstream cxawards_nodes {{
{servers}
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{HTTP_PORT};
        return 301 https://$host:{HTTPS_PORT}$request_uri;
    }}
    server {{
        listen 127.0.0.1:{HTTPS_PORT} ssl;
        ssl_certificate {tls}/cert.pem;
        ssl_certificate_key {tls}/key.pem;
        access_log {LOGS}/nginx-access.json cxawards_json;
        include {deploy}/proxy.conf;
    }}
}}
"""
    path = folder / "nginx.conf"
    path.write_text(conf)
    return path


def start_node(name, port):
    env = {**environment_of(name), "GUNICORN_BIND": f"127.0.0.1:{port}"}
    command = [
        str(Path(PYTHON).parent / "gunicorn"),
        "--config",
        str(ROOT / "deploy" / "gunicorn.conf.py"),
        "awards_site.wsgi",
    ]
    start_process(name, command, env)


def start_worker(number):
    name = f"worker-{number}"
    command = [PYTHON, "manage.py", "db_worker", "--worker-id", name, "--interval", "0.5"]
    command.append("--no-reload")
    start_process(name, command, environment_of(name))


def health(url, seconds=60):
    context = ssl._create_unverified_context()  # the stack's self-signed certificate
    deadline = time.monotonic() + seconds
    last = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, context=context, timeout=5) as answer:
                return json.loads(answer.read())
        except Exception as error:  # not up yet
            last = error
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer healthy: {last}")


# Commands ----------------------------------------------------------------------------------
def start():
    RUN.mkdir(parents=True, exist_ok=True)
    LOGS.mkdir(parents=True, exist_ok=True)
    running = [p.stem for p in RUN.glob("*.pid") if (e := recorded(p.stem)) and alive(e)]
    if running:
        raise SystemExit(f"The stack is running already ({', '.join(running)}): make stack-stop")
    for old in RUN.glob("*.pid"):
        old.unlink()
    for old in LOGS.glob("*"):
        old.unlink()
    shutil.rmtree(STACK_DIR / "var", ignore_errors=True)
    tls = tls_certificate()
    print(f"S3 (moto's server, test stand-in) on 127.0.0.1:{S3_PORT}")
    start_s3()
    print(f"PostgreSQL database {DATABASE}, Redis {REDIS_URL}: fresh, migrated, the demo loaded")
    fresh_database()
    manage("migrate", "--noinput", "-v0")
    manage("collectstatic", "--noinput", "-v0")
    manage("load_demo", "--force")
    for name, port in zip(NODE_NAMES, NODE_PORTS, strict=True):
        print(f"{name}: gunicorn on 127.0.0.1:{port}")
        start_node(name, port)
    for number in range(1, WORKERS + 1):
        print(f"worker-{number}: manage.py db_worker")
        start_worker(number)
    for port in NODE_PORTS:
        wait_for_port(port)
    conf = nginx_configuration(tls)
    subprocess.run([NGINX, "-t", "-q", "-c", str(conf)], check=True)
    start_process("nginx", [NGINX, "-c", str(conf)], os.environ.copy())
    wait_for_port(HTTPS_PORT)
    answer = health(f"https://127.0.0.1:{HTTPS_PORT}/health/")
    print(f"nginx on https://127.0.0.1:{HTTPS_PORT}/ (http {HTTP_PORT}): health {answer}")
    print(f"Logs in {LOGS}/; `make stack-stop` ends it.")


def stop():
    names = sorted(p.stem for p in RUN.glob("*.pid")) if RUN.exists() else []
    # The proxy first (no new requests), then the nodes, the workers, S3.
    order = sorted(names, key=lambda n: (n != "nginx", n == "s3", n.startswith("worker")))
    for name in order:
        if stop_process(name):
            print(f"stopped {name}")
    if not names:
        print("No stack is running (no pid file in var/stack/run/).")


def status():
    for path in sorted(RUN.glob("*.pid")) if RUN.exists() else []:
        entry = recorded(path.stem)
        state = "running" if entry and alive(entry) else "gone"
        print(f"{path.stem:10} pid {entry and entry['pid']}: {state}")


def running():
    """Exit status 0 when the stack's proxy and both nodes run (make test-stack then uses it)."""
    needed = ["nginx", *NODE_NAMES]
    up = all((entry := recorded(name)) and alive(entry) for name in needed)
    raise SystemExit(0 if up else 1)


def print_environment(name=None):
    """The site's environment, for `manage.py` commands against the stack (tests/stack/); with
    a name, that one value (make test-stack points the test process at the stack's database)."""
    environment = site_environment()
    print(environment[name] if name else json.dumps(environment))


def revive(name):
    """Start again one node or worker that was stopped or killed (tests/stack/)."""
    entry = recorded(name)
    if entry and alive(entry):
        raise SystemExit(f"{name} is running")
    if name in NODE_NAMES:
        port = NODE_PORTS[NODE_NAMES.index(name)]
        start_node(name, port)
        wait_for_port(port)
    elif name.startswith("worker-"):
        start_worker(int(name.removeprefix("worker-")))
    else:
        raise SystemExit(f"{name}: neither a node nor a worker")


if __name__ == "__main__":
    commands = {
        "start": start,
        "stop": stop,
        "status": status,
        "running": running,
        "env": print_environment,
    }
    if len(sys.argv) == 3 and sys.argv[1] == "env":
        print_environment(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "revive":
        revive(sys.argv[2])
    elif len(sys.argv) == 3 and sys.argv[1] == "pause":
        stop_process(sys.argv[2])  # one node or worker, ended gracefully (bench/stack_load.py)
    elif len(sys.argv) == 2 and sys.argv[1] in commands:
        commands[sys.argv[1]]()
    else:
        others = "env NAME|revive NAME|pause NAME"
        raise SystemExit(f"usage: {sys.argv[0]} {'|'.join(commands)}|{others}")
