"""MDN's HTTP Observatory, run locally against the production-like site: the grades of the
public pages and of the Wagtail admin (docs/security.md, "Response headers").

    .venv/bin/python bench/observatory/run.py          # make observatory

1. The scanner (the npm package @mdn/mdn-http-observatory, pinned in package.json) is installed
   here with `npm install --ignore-scripts` (its install scripts download a certificate bundle
   and Chromium's HSTS preload list, which a scan of 127.0.0.1 does not need: an empty preload
   list is written instead).
2. A throwaway SQLite site in a temporary folder gets the migrations, the demo and the static
   files; a self-signed certificate for 127.0.0.1 is made with openssl.
3. gunicorn serves it as `make serve` does (production settings: HSTS, secure cookies, the
   redirect to HTTPS), twice: with TLS on one port, and in plain HTTP on another, whose
   redirect goes to the TLS port (SECURE_SSL_HOST), as a proxy in front of the site would.
4. bench/observatory/scan.mjs runs the scanner's own retriever, tests and grader on each page
   (its command line only knows ports 80 and 443); the admin is scanned with the session
   cookie of the demo administrator (MFA_REQUIRED_FOR_ROLES=0 for this run, so the session
   needs no authenticator app: the headers are what is measured).
5. The grade, the score and each test's result are printed; the exit status is 1 unless every
   public page gets A+.

Needs node (20+), npm (only the first time: the registry) and openssl; no other network.
"""

import json
import os
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

ROOT = Path(__file__).resolve().parent.parent.parent
HERE = Path(__file__).resolve().parent
VENV_BIN = Path(sys.executable).parent
PUBLIC_PAGES = ["/", "/pledge/", "/open-letter/", "/fr/", "/accounts/login/", "/accounts/signup/"]
ADMIN_PAGES = ["/admin/", "/admin/pages/"]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def install_scanner():
    package = HERE / "node_modules" / "@mdn" / "mdn-http-observatory"
    if not package.exists():
        subprocess.run(
            ["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund"],
            cwd=HERE,
            check=True,
        )
    # The install script would download Chromium's HSTS preload list; 127.0.0.1 is in no such
    # list, so an empty one scores the same.
    preload = package / "conf" / "hsts-preload.json"
    if not preload.exists():
        preload.write_text("{}")


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def certificate(folder):
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def admin_session(env):
    """A session of the demo administrator, as a log-in would make it."""
    code = (
        "from django.contrib.auth import get_user_model, SESSION_KEY, BACKEND_SESSION_KEY, "
        "HASH_SESSION_KEY\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "user = get_user_model().objects.get(email='admin@demo.test')\n"
        "session = SessionStore()\n"
        "session[SESSION_KEY] = str(user.pk)\n"
        "session[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'\n"
        "session[HASH_SESSION_KEY] = user.get_session_auth_hash()\n"
        "session.create()\n"
        "print(session.session_key)\n"
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip().splitlines()[-1]


def wait_for(url, cafile, timeout=60):
    import ssl

    context = ssl.create_default_context(cafile=str(cafile))
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, context=context, timeout=5)  # noqa: S310 (local)
            return
        except Exception:
            time.sleep(0.5)
    raise SystemExit(f"{url} did not answer within {timeout} s")


def scan(http_port, https_port, path, cert, *headers):
    out = subprocess.run(
        ["node", "scan.mjs", "127.0.0.1", str(http_port), str(https_port), path, *headers],
        cwd=HERE,
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(cert)},
        capture_output=True,
        text=True,
    )
    if out.returncode:
        raise SystemExit(f"The scan of {path} failed:\n{out.stdout}\n{out.stderr}")
    return json.loads(out.stdout)


def main():
    install_scanner()
    folder = Path(tempfile.mkdtemp(prefix="cxobservatory-"))
    servers = []
    try:
        http_port, https_port = free_port(), free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "awards_site.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "127.0.0.1",
            "VAR_DIR": str(folder),
            "STATIC_ROOT": str(folder / "static"),
            "SERVE_MEDIA": "1",
            "MFA_REQUIRED_FOR_ROLES": "0",
            "SECURE_SSL_HOST": f"127.0.0.1:{https_port}",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        }
        env.pop("DATABASE_URL", None)
        print("Preparing a throwaway site (migrations, demo, static files)…", flush=True)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo", "--force")  # a throwaway database
        manage(env, "collectstatic", "--noinput", "-v0")
        cert, key = certificate(folder)
        gunicorn = [str(VENV_BIN / "gunicorn"), "awards_site.wsgi", "--workers", "2"]
        for port, tls in ((https_port, True), (http_port, False)):
            command = [*gunicorn, "--bind", f"127.0.0.1:{port}"]
            if tls:
                command += ["--certfile", str(cert), "--keyfile", str(key)]
            log = open(folder / f"gunicorn-{port}.log", "w")  # noqa: SIM115
            servers.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=log))
        wait_for(f"https://127.0.0.1:{https_port}/", cert)
        cookie = f"Cookie: sessionid={admin_session(env)}"
        rows = [(path, scan(http_port, https_port, path, cert)) for path in PUBLIC_PAGES]
        rows += [(path, scan(http_port, https_port, path, cert, cookie)) for path in ADMIN_PAGES]
        report(rows)
        public_grades = {result["scan"]["grade"] for path, result in rows if path in PUBLIC_PAGES}
        return 0 if public_grades == {"A+"} else 1
    finally:
        for server in servers:
            server.send_signal(signal.SIGTERM)
        for server in servers:
            server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)


def report(rows):
    print(f"\n{'page':<22} {'grade':<6} {'score':>5}  final address")
    for path, result in rows:
        scan_ = result["scan"]
        print(f"{path:<22} {scan_['grade']:<6} {scan_['score']:>5}  {scan_['finalUrl']}")
    print("\nTests (result, score modifier), per page:")
    for path, result in rows:
        tests = ", ".join(
            f"{name}: {test['result']} ({test['modifier']:+d})"
            for name, test in sorted(result["tests"].items())
        )
        print(f"- {path}: {tests}")


if __name__ == "__main__":
    sys.exit(main())
