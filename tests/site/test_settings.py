"""Settings come from the environment with safe defaults, and production mode passes Django's
deploy check. Each case starts a fresh interpreter so module-level settings are re-read."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


# Variables of the test run itself that must not leak into the settings under test.
TEST_RUN_ONLY = {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def clean_environment():
    return {k: v for k, v in os.environ.items() if k not in TEST_RUN_ONLY}


def run_python(code, settings_module, **env):
    environment = clean_environment()
    environment.update(env, DJANGO_SETTINGS_MODULE=settings_module, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def read_settings(settings_module, names, **env):
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: str(getattr(settings, n)) for n in {names!r}}}))"
    )
    result = run_python(code, settings_module, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_embedded_defaults_need_no_service(tmp_path):
    values = read_settings(
        "awards_site.settings.dev",
        ["DATABASES", "CACHES", "EMAIL_BACKEND", "TASKS", "DEBUG"],
        VAR_DIR=str(tmp_path),
    )
    assert "sqlite3" in values["DATABASES"] and str(tmp_path) in values["DATABASES"]
    assert "LocMemCache" in values["CACHES"]
    assert values["EMAIL_BACKEND"].endswith("console.EmailBackend")
    assert "ImmediateBackend" in values["TASKS"]
    assert values["DEBUG"] == "True"


def test_development_secret_key_is_generated_once_and_kept(tmp_path):
    first = read_settings("awards_site.settings.dev", ["SECRET_KEY"], VAR_DIR=str(tmp_path))
    second = read_settings("awards_site.settings.dev", ["SECRET_KEY"], VAR_DIR=str(tmp_path))
    assert first == second
    assert len(first["SECRET_KEY"]) >= 50
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_services_are_chosen_by_environment(tmp_path):
    values = read_settings(
        "awards_site.settings.dev",
        ["DATABASES", "CACHES", "TASKS"],
        VAR_DIR=str(tmp_path),
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/cxawards",
        REDIS_URL="redis://127.0.0.1:6379/1",
        TASKS_BACKEND="database",
    )
    assert "postgresql" in values["DATABASES"] and "cxawards" in values["DATABASES"]
    assert "RedisCache" in values["CACHES"] and "6379/1" in values["CACHES"]
    assert "django_tasks_db.DatabaseBackend" in values["TASKS"]


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_python(
        "import django; django.setup()", "awards_site.settings.production", VAR_DIR=str(tmp_path)
    )
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


@pytest.mark.parametrize(
    "extra_env",
    [
        {},
        {"REDIS_URL": "redis://127.0.0.1:6379/0"},
        # The several-node shape (deploy/): buckets, queued tasks, JSON logs.
        {
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            "AWS_STORAGE_BUCKET_NAME": "cxawards-media",
            "AWS_PRIVATE_STORAGE_BUCKET_NAME": "cxawards-private",
            "AWS_S3_ENDPOINT_URL": "https://s3.example.org",
            "TASKS_BACKEND": "database",
            "TRUSTED_PROXY_COUNT": "1",
        },
    ],
)
def test_production_passes_the_deploy_check(tmp_path, extra_env):
    env = {
        "VAR_DIR": str(tmp_path),
        "SECRET_KEY": "x" * 30 + "-production-secret-for-the-check-only-0123456789",
        "ALLOWED_HOSTS": "awards.example.org",
        "SITE_URL": "https://awards.example.org",
        **extra_env,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **clean_environment(),
            **env,
            "DJANGO_SETTINGS_MODULE": "awards_site.settings.production",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


PRODUCTION_SECRET = "x" * 30 + "-production-secret-for-the-check-only-0123456789"


def deploy_check(tmp_path, **env):
    environment = {
        **clean_environment(),
        "VAR_DIR": str(tmp_path),
        "SECRET_KEY": PRODUCTION_SECRET,
        "ALLOWED_HOSTS": "awards.example.org",
        "DJANGO_SETTINGS_MODULE": "awards_site.settings.production",
        **env,
    }
    for name, value in list(environment.items()):
        if value is None:
            del environment[name]
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("site_url", "error"),
    [
        (None, "awards_site.E001"),
        ("", "awards_site.E001"),
        ("http://127.0.0.1:8000", "awards_site.E003"),
        ("http://localhost:8000", "awards_site.E003"),
        ("http://[::1]:8000", "awards_site.E003"),
        ("http://127.1.2.3", "awards_site.E003"),
        ("http://0.0.0.0:8000", "awards_site.E003"),
        ("https://app.localhost", "awards_site.E003"),
        ("awards.example.org", "awards_site.E002"),
        ("https://awards.example.org/en/", "awards_site.E002"),
    ],
)
def test_production_refuses_a_site_url_nobody_else_can_reach(tmp_path, site_url, error):
    """Certificates print SITE_URL in their QR code for ever: production does not start with it
    unset or pointing at this machine (the check, and the WSGI application itself)."""
    result = deploy_check(tmp_path, SITE_URL=site_url)
    assert result.returncode != 0
    assert error in result.stderr
    started = run_python(
        "import awards_site.wsgi",
        "awards_site.settings.production",
        VAR_DIR=str(tmp_path),
        SECRET_KEY=PRODUCTION_SECRET,
        ALLOWED_HOSTS="awards.example.org",
        **({"SITE_URL": site_url} if site_url is not None else {}),
    )
    assert started.returncode != 0
    assert error in started.stderr


def test_production_accepts_a_public_site_url_and_mails_from_its_domain(tmp_path):
    result = deploy_check(tmp_path, SITE_URL="https://awards.example.org/")
    assert result.returncode == 0, result.stdout + result.stderr
    values = read_settings(
        "awards_site.settings.production",
        ["SITE_URL", "WAGTAILADMIN_BASE_URL", "DEFAULT_FROM_EMAIL"],
        VAR_DIR=str(tmp_path),
        SECRET_KEY=PRODUCTION_SECRET,
        ALLOWED_HOSTS="awards.example.org",
        SITE_URL="https://awards.example.org/",
    )
    assert values["SITE_URL"] == values["WAGTAILADMIN_BASE_URL"] == "https://awards.example.org"
    assert values["DEFAULT_FROM_EMAIL"] == "CX Awards <awards@awards.example.org>"


def test_local_site_url_is_allowed_only_when_asked_for(tmp_path):
    """`make serve` runs production settings on loopback with ALLOW_LOCAL_SITE_URL=1."""
    local = {"SITE_URL": "http://127.0.0.1:8000", "ALLOWED_HOSTS": "127.0.0.1"}
    assert deploy_check(tmp_path, **local).returncode != 0
    allowed = deploy_check(tmp_path, ALLOW_LOCAL_SITE_URL="1", **local)
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    assert "awards_site" not in allowed.stdout + allowed.stderr


def test_development_site_url_follows_the_served_address(tmp_path):
    assert read_settings("awards_site.settings.dev", ["SITE_URL"], VAR_DIR=str(tmp_path)) == {
        "SITE_URL": "http://127.0.0.1:8000"
    }
    values = read_settings(
        "awards_site.settings.dev",
        ["SITE_URL", "WAGTAILADMIN_BASE_URL"],
        VAR_DIR=str(tmp_path),
        SITE_URL="http://127.0.0.1:8123",
    )
    assert values == {
        "SITE_URL": "http://127.0.0.1:8123",
        "WAGTAILADMIN_BASE_URL": values["SITE_URL"],
    }


def make_environment(target):
    """What `make <target>` gives its commands: PY stands in for Python and prints SITE_URL and
    ALLOW_LOCAL_SITE_URL instead of running anything (the prerequisites are taken as done)."""
    printer = "sh -c 'echo SITE_URL=$$SITE_URL ALLOW=$$ALLOW_LOCAL_SITE_URL' x"
    result = subprocess.run(
        [
            "make",
            "-s",
            "-o",
            "install",
            "-o",
            "messages",
            "-o",
            "migrate",
            target,
            "HOST=127.0.0.1",
            "PORT=8123",
            f"PY={printer}",
            "VENV=/nonexistent",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return [line for line in result.stdout.splitlines() if line.startswith("SITE_URL=")]


def test_make_passes_the_served_address_as_site_url():
    """`make run` (runserver and load_demo) and `make serve` give SITE_URL the HOST and PORT
    they serve on; only `make serve` allows that address in production settings."""
    assert set(make_environment("run")) == {"SITE_URL=http://127.0.0.1:8123 ALLOW="}
    assert "SITE_URL=http://127.0.0.1:8123 ALLOW=1" in make_environment("serve")


def test_each_parallel_worker_empties_a_redis_database_of_its_own_never_0():
    from awards_site.settings.test import worker_database

    assert worker_database("redis://127.0.0.1:6379/15", "") == "redis://127.0.0.1:6379/15"
    assert worker_database("redis://127.0.0.1:6379/15", "gw0") == "redis://127.0.0.1:6379/15"
    assert worker_database("redis://127.0.0.1:6379/15", "gw1") == "redis://127.0.0.1:6379/14"
    with pytest.raises(ValueError, match="fewer workers"):
        worker_database("redis://127.0.0.1:6379/2", "gw2")
