"""Helpers of the tests that need row locks and concurrent connections (PostgreSQL only)."""

import threading

import pytest
from django.db import connection, connections

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs row locks and concurrent connections: runs in the PostgreSQL pass of CI",
)


def in_threads(*functions):
    """Run the functions at the same moment, each in a thread of its own; return their results."""
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
        thread.join(timeout=60)
    assert errors == [], errors
    return results
