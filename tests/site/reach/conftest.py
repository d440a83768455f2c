"""What the reach tests share: a browser's User-Agent (the test client sends none, and a request
without one is not counted), a flush of everything counted so far, the current minute
included, and tables without the demo's figures (`without_demo_figures`) for the tests that
count from nothing."""

import time

import pytest
from django.core.cache import cache

from awards_site.reach import buffer
from awards_site.reach.models import ConversionDay, ReachDay

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)


def flush_all():
    """Flush as two minutes from now would: every slot so far is closed."""
    return buffer.flush(now_slot=buffer.current_slot() + 2)


@pytest.fixture
def browser(client):
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client


@pytest.fixture
def without_demo_figures(db):
    """The demo's reach figures removed (for this test only: its transaction is rolled back)."""
    ReachDay.objects.all().delete()
    ConversionDay.objects.all().delete()


def cache_contents():
    """Every (key, stored bytes) of the cache, local memory's or Redis's (TEST_REDIS_URL)."""
    store = cache._cache
    if isinstance(store, dict):  # local memory: pickled values by full key
        return [(key, value) for key, value in store.items()]
    client = store.get_client()
    return [(key.decode(), client.get(key) or b"") for key in client.scan_iter(cache.make_key("*"))]


def reach_keys():
    return [key for key, _value in cache_contents() if ":reach:" in key]


@pytest.fixture(autouse=True)
def _nothing_waiting(monkeypatch):
    """Counts another test left in this process's memory (buffer.add) are not this test's;
    the test's own wait there until it pushes or flushes (a push was just made)."""
    with buffer._lock:
        buffer._waiting.clear()
    monkeypatch.setattr(buffer, "_pushed_at", time.monotonic())
    yield
    with buffer._lock:
        buffer._waiting.clear()
