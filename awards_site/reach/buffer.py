"""Counting without a database write: increments go to Django's cache (Redis in production, local
memory in development and tests) in one-minute slots, and `flush` moves the closed slots into
the database.

In the cache, for slot s (the minute since the epoch):
    reach:s:<digest>     the count of one cell (a view's day-less identity or a conversion's)
    reach:s:n            how many cells the slot has (incremented when a cell is first added)
    reach:s:cell:<i>     the identity of the slot's i-th cell (what the digest stands for)
Each is written with `cache.add` (first count) or `cache.incr` (the next ones), which are atomic
in Redis and in the local-memory cache, so two requests at once both count. They live for
KEEP_HOURS (48): a slot not flushed by then is lost.

`flush` takes every closed slot (older than the current minute and the one before it, so that no
request is still counting into it) that the database does not list as flushed, and in one
transaction adds their counts to the day rows with F() (insert when missing, then update) and
records each slot as flushed (`ReachFlush`, unique). Then, once committed, it deletes the
slot's keys. The tradeoff chosen: never count twice, and lose nothing that the cache still holds.
- A flush that fails half-way rolls back: the counts stay in the cache and the next flush moves
  them.
- Two flushes at once: each first claims a slot with `cache.add`; the loser skips it. Should the
  claim be lost (the cache emptied, a flush slower than CLAIM_SECONDS), the second one's
  `ReachFlush` insert fails on the unique slot and its whole transaction rolls back.
- A flush that committed and then failed to delete the keys: the slots are listed as flushed,
  so their keys are never read again (they expire).
What can be lost: counts of a slot still in the cache when the cache itself is emptied or
restarted, and counts older than KEEP_HOURS that no flush moved. With local memory each process
has its own cache, and flushes its own counts (the development server is one process);
production's several workers share Redis.
"""

import hashlib
import logging
import time
import uuid
from datetime import datetime

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from awards_site.reach.models import ConversionDay, ReachDay, ReachFlush

logger = logging.getLogger("awards_site.reach")

SLOT_SECONDS = 60
KEEP_HOURS = 48
KEEP_SECONDS = KEEP_HOURS * 3600
CLAIM_SECONDS = 300
PREFIX = "reach"

# The two kinds of cell: a page view and a conversion.
VIEW = "v"
CONVERSION = "c"


def current_slot(now=None):
    return int((now if now is not None else time.time()) // SLOT_SECONDS)


def slot_day(slot):
    """The site's local date of a slot's first second."""
    moment = datetime.fromtimestamp(slot * SLOT_SECONDS, tz=timezone.get_current_timezone())
    return moment.date()


def key(slot, name):
    return f"{PREFIX}:{slot}:{name}"


def _digest(cell):
    return hashlib.blake2b(repr(cell).encode(), digest_size=12).hexdigest()


def add(cell, slot=None):
    """One more for `cell` (a tuple of plain values) in `slot` (the current one); registering
    a cell new in the slot takes three more writes."""
    slot = current_slot() if slot is None else slot
    if _increment(key(slot, _digest(cell))):
        _register(slot, cell)


def _increment(count_key):
    """Add one to `count_key`; whether it is new. On Redis one INCR, which makes a missing key
    (then given its lifetime): one round trip a view. Elsewhere Django's `incr`, then `add`
    when the key is missing (local memory: both under its lock)."""
    client = _redis_client()
    if client is not None:
        full_key = cache.make_and_validate_key(count_key)
        if client.incr(full_key) == 1:
            client.expire(full_key, KEEP_SECONDS)
            return True
        return False
    try:
        cache.incr(count_key)
        return False
    except ValueError:
        if cache.add(count_key, 1, KEEP_SECONDS):
            return True
        cache.incr(count_key)  # another request made it first
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
        day = slot_day(slot)
        for cell, count in read_slot(slot, waiting[slot]).items():
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
