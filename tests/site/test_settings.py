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


@pytest.mark.parametrize("extra_env", [{}, {"REDIS_URL": "redis://127.0.0.1:6379/0"}])
def test_production_passes_the_deploy_check(tmp_path, extra_env):
    env = {
        "VAR_DIR": str(tmp_path),
        "SECRET_KEY": "x" * 30 + "-production-secret-for-the-check-only-0123456789",
        "ALLOWED_HOSTS": "awards.example.org",
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
