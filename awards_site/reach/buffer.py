"""Counting without a database write: each process adds its counts up in memory and hands them
to Django's cache (Redis in production, local memory in development and tests) every
PUSH_SECONDS, in one-minute slots; `flush` moves the closed slots into the database.

A view costs a dictionary increment under a lock; the push costs one atomic increment per
different cell (a page, referrer and campaign) of those seconds, whatever the number of views:
on Redis one INCRBY, elsewhere `cache.incr`, or `cache.add` for a cell new in the slot (both
atomic, so two processes at once both count). In the cache, for slot s (the minute since the
epoch):
    reach:s:<digest>     the count of one cell (its day, then a view's or a conversion's fields)
    reach:s:n            how many cells the slot has (incremented when a cell is first added)
    reach:s:cell:<i>     the identity of the slot's i-th cell (what the digest stands for)
They live for KEEP_HOURS (48): a slot not flushed by then is lost.

`flush` takes every closed slot (older than the current minute and the one before it, so that no
request is still counting into it) that the database does not list as flushed, and in one
transaction adds their counts to the day rows with F() (insert when missing, then update) and
records each slot as flushed (`ReachFlush`, unique). Then, once committed, it deletes the
slot's keys. The tradeoff chosen: never count twice, and lose nothing that the cache holds.
- A flush that fails half-way rolls back: the counts stay in the cache and the next flush moves
  them.
- Two flushes at once: each first claims a slot with `cache.add`; the loser skips it. Should the
  claim be lost (the cache emptied, a flush slower than CLAIM_SECONDS), the second one's
  `ReachFlush` insert fails on the unique slot and its whole transaction rolls back.
- A flush that committed and then failed to delete the keys: the slots are listed as flushed,
  so their keys are never read again (they expire).
- A process that held counts of a minute now closed (no request for a while) pushes them into
  the current minute: the cell carries its own day, so they count for the right day.
What can be lost: the last PUSH_SECONDS of a process killed without exiting (a crash; a normal
stop pushes at exit); counts in the cache when the cache itself is emptied or restarted; counts
older than KEEP_HOURS that no flush moved. With local memory each process has its own cache,
and flushes its own counts (the development server is one process); production's several
workers share Redis.
"""

import atexit
import hashlib
import logging
import threading
import time
import uuid
from datetime import date, datetime
from functools import lru_cache

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from awards_site.reach.models import ConversionDay, ReachDay, ReachFlush

logger = logging.getLogger("awards_site.reach")

SLOT_SECONDS = 60
# A process hands its counts to the cache at most this long after the first of them (while it
# serves requests; when it stops, at exit), and keeps at most MOST_WAITING cells meanwhile.
PUSH_SECONDS = 5
MOST_WAITING = 10_000
KEEP_HOURS = 48
KEEP_SECONDS = KEEP_HOURS * 3600
CLAIM_SECONDS = 300
PREFIX = "reach"

# The two kinds of cell: a page view and a conversion.
VIEW = "v"
CONVERSION = "c"

# This process's counts not yet in the cache: {(slot, day, cell): count}.
_waiting = {}
_lock = threading.Lock()
_pushed_at = 0.0


def current_slot(now=None):
    return int((now if now is not None else time.time()) // SLOT_SECONDS)


@lru_cache(maxsize=16)
def slot_day(slot):
    """The site's local date of a slot's first second."""
    moment = datetime.fromtimestamp(slot * SLOT_SECONDS, tz=timezone.get_default_timezone())
    return moment.date()


def _day_text(slot):
    return slot_day(slot).isoformat()


def key(slot, name):
    return f"{PREFIX}:{slot}:{name}"


def _digest(cell):
    return hashlib.blake2b(repr(cell).encode(), digest_size=12).hexdigest()


def add(cell, slot=None):
    """One more for `cell` (a tuple of plain values) in `slot` (the current minute): kept in
    this process's memory, handed to the cache every PUSH_SECONDS (push)."""
    global _pushed_at
    slot = current_slot() if slot is None else slot
    entry = (slot, _day_text(slot), cell)
    now = time.monotonic()
    with _lock:
        _waiting[entry] = _waiting.get(entry, 0) + 1
        due = now - _pushed_at >= PUSH_SECONDS
        if due:
            _pushed_at = now
    if due:
        push()


def push():
    """Hand this process's waiting counts to the cache, one atomic increment per cell. A count
    of a minute that may be flushed already (older than the one before the current minute, when
    the process had no request for a while) goes into the current minute, with its own day."""
    global _waiting, _pushed_at
    with _lock:
        taken, _waiting = _waiting, {}
        _pushed_at = time.monotonic()
    now_slot = current_slot()
    items = list(taken.items())
    for done, ((slot, day, cell), count) in enumerate(items):
        target = now_slot if slot < now_slot - 1 else slot
        try:
            count_in_cache((day, *cell), target, count)
        except Exception:
            _put_back(items[done:])
            raise


def _put_back(items):
    """Counts the cache did not take wait for the next push (up to MOST_WAITING cells)."""
    with _lock:
        for entry, count in items:
            if entry in _waiting or len(_waiting) < MOST_WAITING:
                _waiting[entry] = _waiting.get(entry, 0) + count


def count_in_cache(identity, slot, count=1):
    """Add `count` to the cell `identity` (its day first) of `slot` in the cache."""
    if _increment(key(slot, _digest(identity)), count):
        _register(slot, identity)


def _increment(count_key, count):
    """Add `count` to `count_key`; whether it is new. On Redis one INCRBY, which makes a missing
    key (then given its lifetime). Elsewhere Django's `incr`, then `add` when the key is
    missing (local memory: both under its lock)."""
    client = _redis_client()
    if client is not None:
        full_key = cache.make_and_validate_key(count_key)
        if client.incrby(full_key, count) == count:
            client.expire(full_key, KEEP_SECONDS)
            return True
        return False
    try:
        cache.incr(count_key, count)
        return False
    except ValueError:
        if cache.add(count_key, count, KEEP_SECONDS):
            return True
        cache.incr(count_key, count)  # another process made it first
        return False


def _redis_client():
    """The Redis client of Django's Redis cache, or None for another backend."""
    from django.core.cache.backends.redis import RedisCache

    backend = caches[DEFAULT_CACHE_ALIAS]
    return backend._cache.get_client(write=True) if isinstance(backend, RedisCache) else None


def _register(slot, cell):
    count_key = key(slot, "n")
    cache.add(count_key, 0, KEEP_SECONDS)
    number = cache.incr(count_key)
    cache.set(key(slot, f"cell:{number}"), cell, KEEP_SECONDS)


def closed_slots(now_slot=None):
    """The slots that may hold counts and no longer receive any: from KEEP_HOURS ago to two
    slots before the current one."""
    now_slot = current_slot() if now_slot is None else now_slot
    return range(now_slot - KEEP_SECONDS // SLOT_SECONDS, now_slot - 1)


def pending(now_slot=None):
    """{slot: number of cells} of the closed slots the cache holds counts for (one get_many)."""
    slots = closed_slots(now_slot)
    found = cache.get_many([key(slot, "n") for slot in slots])
    return {slot: found[key(slot, "n")] for slot in slots if found.get(key(slot, "n"))}


def read_slot(slot, cells):
    """{cell: count} of one slot (two get_many)."""
    identities = cache.get_many([key(slot, f"cell:{i}") for i in range(1, cells + 1)])
    by_key = {key(slot, _digest(cell)): cell for cell in identities.values()}
    counts = cache.get_many(list(by_key))
    return {cell: counts[name] for name, cell in by_key.items() if counts.get(name)}


def flush(now_slot=None):
    """Move the closed slots' counts into the database; returns how many slots were moved.
    No query at all when the cache holds no closed slot."""
    push()
    waiting = pending(now_slot)
    if not waiting:
        return 0
    done = set(ReachFlush.objects.filter(slot__in=list(waiting)).values_list("slot", flat=True))
    token = uuid.uuid4().hex
    claimed = [
        slot
        for slot in sorted(waiting)
        if slot not in done and cache.add(key(slot, "claim"), token, CLAIM_SECONDS)
    ]
    if not claimed:
        _forget(done)
        return 0
    views, conversions = {}, {}
    for slot in claimed:
        for (day_text, *cell), count in read_slot(slot, waiting[slot]).items():
            day = date.fromisoformat(day_text)
            if cell[0] == VIEW:
                _kind, path, page_id, referrer, campaign, source = cell
                identity = (day, path, referrer, campaign, source)
                total, first_page = views.get(identity, (0, page_id))
                views[identity] = (total + count, first_page)
            elif cell[0] == CONVERSION:
                _kind, kind, campaign, source = cell
                identity = (day, kind, campaign, source)
                conversions[identity] = conversions.get(identity, 0) + count
    try:
        with transaction.atomic():
            ReachFlush.objects.bulk_create([ReachFlush(slot=slot) for slot in claimed])
            for (day, path, referrer, campaign, source), (count, page_id) in views.items():
                _upsert_views(day, path, page_id, referrer, campaign, source, count)
            for (day, kind, campaign, source), count in conversions.items():
                _upsert_conversions(day, kind, campaign, source, count)
    except IntegrityError:
        # Another flush recorded one of these slots meanwhile: it counted them, not us.
        logger.warning("Reach flush: slots %s were flushed by another run", claimed)
        cache.delete_many([key(slot, "claim") for slot in claimed])
        return 0
    except Exception:
        # Nothing was written: the counts stay in the cache for the next flush, at once.
        cache.delete_many([key(slot, "claim") for slot in claimed])
        raise
    _forget([*claimed, *done])
    _prune_flush_records(now_slot)
    return len(claimed)


def _upsert_views(day, path, page_id, referrer, campaign, source, count):
    rows = ReachDay.objects.filter(
        day=day, path=path, referrer=referrer, campaign=campaign, source=source
    )
    if rows.update(views=F("views") + count):
        return
    try:
        with transaction.atomic():
            ReachDay.objects.create(
                day=day,
                path=path,
                page_id=page_id,
                referrer=referrer,
                campaign=campaign,
                source=source,
                views=count,
            )
    except IntegrityError:  # another flush made the row first
        rows.update(views=F("views") + count)


def _upsert_conversions(day, kind, campaign, source, count):
    rows = ConversionDay.objects.filter(day=day, kind=kind, campaign=campaign, source=source)
    if rows.update(count=F("count") + count):
        return
    try:
        with transaction.atomic():
            ConversionDay.objects.create(
                day=day, kind=kind, campaign=campaign, source=source, count=count
            )
    except IntegrityError:
        rows.update(count=F("count") + count)


def _forget(slots):
    """Delete the keys of slots that are in the database (their counts are never read again)."""
    keys = []
    for slot in slots:
        cells = cache.get(key(slot, "n")) or 0
        identities = cache.get_many([key(slot, f"cell:{i}") for i in range(1, cells + 1)])
        keys += [key(slot, _digest(cell)) for cell in identities.values()]
        keys += list(identities)
        keys += [key(slot, "n"), key(slot, "claim")]
    if keys:
        cache.delete_many(keys)


def _prune_flush_records(now_slot=None):
    """Slots older than any the cache can still hold need no record."""
    oldest = closed_slots(now_slot).start - 10
    ReachFlush.objects.filter(slot__lt=oldest).delete()


@atexit.register
def _push_at_exit():
    """A worker that stops (a deployment, gunicorn's max_requests) hands over its counts."""
    try:
        push()
    except Exception:
        logger.exception("Reach counts of this process could not be handed to the cache")
