"""A web worker stays light: serving pages never imports WeasyPrint, openpyxl or segno (the PDF
writer, the spreadsheet writer, the QR codes), which only a download needs, nor Pillow's text
drawing, which only a new share card needs (issue 15, "Memory").

What every request needs is made with the application instead (awards_site/operations/
warm_up.py): gunicorn loads it once before it forks the workers, and they share it. Loading it
opens no database connection, which every forked worker would then share.

The worker is a fresh interpreter, as gunicorn starts one: it loads the WSGI application with the
test settings, on a copy of the demo the test session loaded, and people use it (a visitor's
home page and /nominate/, a judge's portal and entry). A module imported once stays in memory
for the worker's life, so what counts is whether it was ever imported: sys.modules.
Downloading a certificate then must import WeasyPrint, or the check above would prove nothing.

This file is also the script the worker runs (`probe`, at the bottom).
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings

from tests.concurrency import shared_database

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("weasyprint", "openpyxl", "segno", "PIL.ImageFont")
# A view module of each part of the site, which only the URL configuration imports.
VIEW_MODULES = {
    "the judges' portal": "judging.portal.views",
    "the nomination form": "nominations.wizard.views",
    "the account pages": "allauth.account.views",
}

# Variables of the test run that would change the worker's settings (the database is given).
TEST_RUN_ONLY = {"DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}


@pytest.fixture
def site_database(db, tmp_path):
    """The test database with the demo, as a URL another process reaches: on SQLite a file copy
    of it as the session loaded it (tests/concurrency.py), on PostgreSQL the test database
    itself (the worker rolls its writes back)."""
    from django.db import connections

    with shared_database(tmp_path):
        settings = connections.settings["default"]
        if settings["ENGINE"].endswith("sqlite3"):
            return f"sqlite:///{settings['NAME']}"
        return (
            f"postgres://{quote(settings['USER'] or '')}:{quote(settings['PASSWORD'] or '')}"
            f"@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{settings['NAME']}"
        )


def run_worker(database_url):
    environment = {k: v for k, v in os.environ.items() if k not in TEST_RUN_ONLY}
    environment.update(
        DJANGO_SETTINGS_MODULE="awards_site.settings.test",
        DATABASE_URL=database_url,
        PYTHONPATH=str(ROOT),
    )
    result = subprocess.run(
        [sys.executable, __file__],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_views_load_with_the_application_and_the_writers_only_for_a_download(site_database):
    worker = run_worker(site_database)

    assert worker["statuses"] == {
        "home page": 200,
        "/nominate/": 200,
        "judge's portal": 200,
        "judge's entry": 200,
        "certificate download": 200,
    }
    assert worker["loaded"]["application loaded"] == []
    assert worker["views loaded with the application"] == {
        "the judges' portal": True,
        "the nomination form": True,
        "the account pages": True,
    }
    languages = sorted(code for code, _name in settings.LANGUAGES)
    assert worker["languages with their URL table"] == languages
    assert worker["database connections opened while loading"] == []
    assert worker["loaded"]["pages served"] == []
    assert worker["certificate type"] == "application/pdf"
    assert "weasyprint" in worker["loaded"]["certificate downloaded"]


# The worker ------------------------------------------------------------------------------------


def probe():
    """What a worker imports: the WSGI application, then pages, then a download. Prints JSON."""
    from awards_site.wsgi import application  # noqa: F401 - what gunicorn loads first

    loaded = {"application loaded": heavy_modules()}
    views = {name: module in sys.modules for name, module in VIEW_MODULES.items()}
    from django.db import connections
    from django.urls import get_resolver

    # Django builds a table of URL names per language on its first reverse() in that language.
    url_tables = sorted(get_resolver()._reverse_dict)
    connected = [alias for alias in connections if connections[alias].connection is not None]

    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.test import Client

    statuses = {}
    with transaction.atomic():  # nothing stays in a shared (PostgreSQL) test database
        visitor = Client()
        statuses["home page"] = visitor.get("/").status_code
        statuses["/nominate/"] = visitor.get("/nominate/").status_code

        judge = Client()
        judge.force_login(get_user_model().objects.get(email="judge1@demo.test"))
        portal = judge.get("/judging/")
        statuses["judge's portal"] = portal.status_code
        # The links the judge follows: their first entry, and their certificate.
        html = portal.content.decode()
        entry = re.search(r'href="(/judging/entries/\d+/)"', html)[1]
        certificate = re.search(r'href="(/judging/certificates/[^"?]+/\?language=en)"', html)[1]
        statuses["judge's entry"] = judge.get(entry).status_code
        loaded["pages served"] = heavy_modules()

        download = judge.get(certificate)
        statuses["certificate download"] = download.status_code
        b"".join(download.streaming_content)
        loaded["certificate downloaded"] = heavy_modules()
        transaction.set_rollback(True)
    result = {
        "statuses": statuses,
        "loaded": loaded,
        "certificate type": download["Content-Type"],
        "views loaded with the application": views,
        "languages with their URL table": url_tables,
        "database connections opened while loading": connected,
    }
    print(json.dumps(result))


def heavy_modules():
    return [name for name in HEAVY if name in sys.modules]


if __name__ == "__main__":
    probe()
