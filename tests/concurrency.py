"""Requests that arrive at the same moment: threads that start together (a barrier), each with
its own database connection, as gunicorn's workers have.

Use the `race` fixture (tests/conftest.py):

    def test_two_uploads_at_once(race):
        world = race.alone(build)                 # one thread: make the data, committed
        results = race.together(upload, upload)   # both start at the barrier
        assert race.alone(count) == 5
        race.alone(lambda: tear_down(world))      # PostgreSQL keeps what threads commit

On PostgreSQL the threads connect to the test database. Each sees what the others commit, and
the database decides with its row locks and constraints. The test's own connection sits in the
transaction pytest-django rolls back, so it sees none of it: every step that reads or writes the
race's data runs in a thread (`race.alone`), and the test removes what it made.

On SQLite the test database lives in memory, shared between connections with table locks that
fail at once ("database table is locked") instead of waiting: not how the site's SQLite file
behaves. The fixture gives the threads a file copy of it, with the demo as the session loaded
it, and the site's connection options (`BEGIN IMMEDIATE`, a busy timeout: settings/base.py).
The threads then run as requests on the site's SQLite do, one transaction after the other: a
test that passes there proves the path is serialised. The copy is removed after the test.
"""

import shutil
import sqlite3
import threading
from contextlib import contextmanager

from django.db import connections

TIMEOUT_SECONDS = 60


def in_threads(*functions):
    """Run the functions at the same moment, each in a thread of its own; return their results.
    An exception in any of them fails the test (with the exception)."""
    results, errors = [None] * len(functions), []
    barrier = threading.Barrier(len(functions))

    def run(index, function):
        try:
            barrier.wait()
            results[index] = function()
        except Exception as error:  # noqa: BLE001 - reported by the caller
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, f)) for i, f in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT_SECONDS)
    assert not any(thread.is_alive() for thread in threads), "a thread is still waiting"
    assert errors == [], errors
    return results


class Race:
    """What a race test does: `together` (at the same moment) and `alone` (one thread)."""

    @staticmethod
    def together(*functions):
        return in_threads(*functions)

    @staticmethod
    def alone(function):
        return in_threads(function)[0]


_snapshot = {}


def snapshot_sqlite(folder, alias="default"):
    """On SQLite, copy the test database to a file once it holds the demo, before any test
    opens its transaction (SQLite cannot copy a database while a transaction writes to it)."""
    main = connections[alias]
    if main.vendor != "sqlite":
        return
    main.ensure_connection()
    path = folder / "snapshot.sqlite3"
    copy = sqlite3.connect(path)
    try:
        main.connection.backup(copy)
    finally:
        copy.close()
    _snapshot[alias] = path


@contextmanager
def shared_database(folder, alias="default"):
    """Threads' connections reach a database they share, with the site's options (see above)."""
    if connections[alias].vendor != "sqlite":
        yield
        return
    path = folder / "race.sqlite3"
    shutil.copyfile(_snapshot[alias], path)
    original = connections.settings[alias]
    connections.settings[alias] = {
        **original,
        "NAME": str(path),
        "OPTIONS": {**original.get("OPTIONS", {})},
    }
    try:
        yield
    finally:
        connections.settings[alias] = original
