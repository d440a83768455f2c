"""Shared fixtures. The demo site is loaded once per test session into the test database, so
tests run against the same pages, partners and users a new user sees after `make run`."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import translation
from wagtail.models import Page

from cms.demo.loader import DemoLoader
from tests.concurrency import Race, shared_database, snapshot_sqlite


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        DemoLoader(stdout=lambda message: None).run()
        snapshot_sqlite(tmp_path_factory.mktemp("race"))
    yield
    with django_db_blocker.unblock():
        _end_other_sessions()


def _end_other_sessions():
    """On PostgreSQL, end connections the browser tests' server threads may still hold, so the
    test database can be dropped."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and menu caches must not leak from one test into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request to a /fr/ page leaves French active in the thread (LocaleMiddleware): the
    next test's messages would come out in French."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def race(tmp_path):
    """Requests at the same moment, each in a thread with its own connection, on PostgreSQL
    and on SQLite (a file copy of the test database): tests/concurrency.py."""
    with shared_database(tmp_path):
        yield Race()


@pytest.fixture
def page_by_slug():
    def find(slug, language="en"):
        return Page.objects.get(slug=slug, locale__language_code=language).specific

    return find


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Browser journeys last: on PostgreSQL their live server commits what it writes."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
