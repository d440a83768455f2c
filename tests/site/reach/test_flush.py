"""The flush: closed minutes move from the cache into the database once, whatever happens."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import DatabaseError
from django.utils import timezone

from awards_site.reach import buffer
from awards_site.reach.models import ConversionDay, ReachDay, ReachFlush
from tests.site.reach.conftest import flush_all, reach_keys

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("without_demo_figures")]

NOW = buffer.current_slot()


def view(path="/about/", campaign="", slot=NOW):
    """A view counted in the cache in `slot` (as a process's push puts it there)."""
    cell = (buffer.VIEW, path, None, "", campaign, "")
    buffer.count_in_cache((buffer.slot_day(slot).isoformat(), *cell), slot)


def total():
    return sum(ReachDay.objects.values_list("views", flat=True))


def test_counts_of_several_minutes_add_up_in_one_row_a_day():
    # Minutes of one day whatever the hour the test runs at: a few minutes after midnight in
    # the site's time zone, NOW - 3 would be the day before.
    noon = buffer.current_slot(timezone.localtime().replace(hour=12, minute=0).timestamp())
    for slot in (noon - 3, noon - 3, noon - 2, noon):
        view(slot=slot)
    assert buffer.flush(noon) == 2  # noon - 1 and noon are still open
    assert total() == 3
    assert buffer.flush(noon + 2) == 1
    assert total() == 4
    assert ReachDay.objects.count() == 1


def test_a_flush_twice_counts_once():
    view(slot=NOW - 5)
    view(slot=NOW - 5)
    buffer.flush(NOW)
    buffer.flush(NOW)
    assert total() == 2


def test_a_slot_read_again_after_its_flush_is_not_counted_again(monkeypatch):
    """Should the cache keep a flushed slot's counts (its keys could not be deleted), the
    database's record of the slot keeps them from being counted again."""
    view(slot=NOW - 5)
    monkeypatch.setattr(buffer, "_forget", lambda slots: None)
    buffer.flush(NOW)
    cache.delete(buffer.key(NOW - 5, "claim"))
    buffer.flush(NOW)
    assert total() == 1


def test_two_flushes_whose_claims_are_lost_do_not_count_twice(monkeypatch):
    """Two flushes that both read a slot before either committed (the claim in the cache lost):
    the second one's record of the slot is refused by the database, and it counts nothing."""
    view(slot=NOW - 5)
    flushed = ReachFlush.objects.none()
    real_filter = ReachFlush.objects.filter
    monkeypatch.setattr(
        ReachFlush.objects,
        "filter",
        lambda **kw: flushed if "slot__in" in kw else real_filter(**kw),
    )
    monkeypatch.setattr(buffer, "_forget", lambda slots: None)
    assert buffer.flush(NOW) == 1
    cache.delete(buffer.key(NOW - 5, "claim"))  # the claim is gone
    assert buffer.flush(NOW) == 0
    assert total() == 1


def test_a_flush_that_fails_half_way_loses_nothing(monkeypatch):
    view("/about/", slot=NOW - 5)
    view("/news/", slot=NOW - 5)
    real = buffer._upsert_views
    calls = []

    def fail_on_the_second(*args):
        calls.append(args)
        if len(calls) == 2:
            raise DatabaseError("the connection went away")
        return real(*args)

    monkeypatch.setattr(buffer, "_upsert_views", fail_on_the_second)
    with pytest.raises(DatabaseError):
        buffer.flush(NOW)
    assert total() == 0 and not ReachFlush.objects.exists()
    monkeypatch.setattr(buffer, "_upsert_views", real)
    assert buffer.flush(NOW) == 1
    assert total() == 2


def test_two_flushes_at_once_count_once(race):
    def raced():
        return sum(ReachDay.objects.filter(path="/race/").values_list("views", flat=True))

    def count_views():
        for slot in (NOW - 4, NOW - 3, NOW - 3):
            view("/race/", slot=slot)

    race.alone(count_views)
    moved = race.together(lambda: buffer.flush(NOW), lambda: buffer.flush(NOW))
    assert sorted(moved) in ([0, 2], [1, 1])
    assert race.alone(raced) == 3

    def tear_down():  # PostgreSQL keeps what the threads commit
        ReachDay.objects.filter(path="/race/").delete()
        ReachFlush.objects.filter(slot__in=[NOW - 4, NOW - 3]).delete()

    race.alone(tear_down)


def test_nothing_to_flush_costs_no_query(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert buffer.flush(NOW) == 0


def test_the_command_flushes(capsys):
    view(slot=NOW - 5)
    call_command("flush_reach")
    assert total() == 1
    assert "1 minute(s)" in capsys.readouterr().out


def test_flushed_slots_are_forgotten_by_the_cache():
    view(slot=NOW - 5)
    buffer.flush(NOW)
    assert buffer.pending(NOW) == {}
    assert not [key for key in reach_keys() if f"reach:{NOW - 5}:" in key]


def test_conversions_are_flushed_into_their_rows():
    for slot in (NOW - 5, NOW - 4):
        cell = (buffer.CONVERSION, "signed", "cxday", "newsletter")
        buffer.count_in_cache((buffer.slot_day(slot).isoformat(), *cell), slot)
    buffer.flush(NOW)
    row = ConversionDay.objects.get()
    assert (row.kind, row.campaign, row.source, row.count) == ("signed", "cxday", "newsletter", 2)


def test_the_first_view_of_a_minute_queues_one_flush(browser, settings, monkeypatch):
    from types import SimpleNamespace

    from awards_site.reach import middleware, tasks

    settings.REACH_FLUSH_FROM_REQUESTS = True
    monkeypatch.setattr(middleware, "_last_slot", None)
    queued = []
    monkeypatch.setattr(tasks, "flush_reach", SimpleNamespace(enqueue=lambda: queued.append(1)))
    for _ in range(3):
        browser.get("/about/")
    assert queued == [1]
    # Another worker (its own memory) in the same minute: the cache says it is queued.
    monkeypatch.setattr(middleware, "_last_slot", None)
    browser.get("/about/")
    assert queued == [1]


# A process's own counts, before the cache ------------------------------------------------------


def test_views_wait_in_the_process_then_the_flush_takes_them():
    for _ in range(3):
        buffer.add((buffer.VIEW, "/about/", None, "", "", ""))
    assert reach_keys() == []  # within PUSH_SECONDS: in memory only
    assert flush_all() == 1
    assert total() == 3


def test_a_late_push_counts_in_the_current_minute_for_its_own_day():
    old = buffer.current_slot() - 24 * 60  # yesterday, the process idle since
    buffer.add((buffer.VIEW, "/about/", None, "", "", ""), old)
    buffer.push()
    assert list(buffer.pending(buffer.current_slot() + 2)) == [buffer.current_slot()]
    flush_all()
    assert ReachDay.objects.get().day == buffer.slot_day(old)


def test_counts_the_cache_refused_wait_for_the_next_push(monkeypatch):
    real = buffer.count_in_cache

    def down(*args, **kwargs):
        raise ConnectionError("Redis is gone")

    monkeypatch.setattr(buffer, "count_in_cache", down)
    buffer.add((buffer.VIEW, "/about/", None, "", "", ""))
    with pytest.raises(ConnectionError):
        buffer.push()
    monkeypatch.setattr(buffer, "count_in_cache", real)
    flush_all()
    assert total() == 1


def test_a_process_pushes_every_few_seconds(monkeypatch):
    buffer.add((buffer.VIEW, "/about/", None, "", "", ""))
    assert reach_keys() == []
    monkeypatch.setattr(buffer, "_pushed_at", buffer._pushed_at - buffer.PUSH_SECONDS)
    buffer.add((buffer.VIEW, "/about/", None, "", "", ""))
    assert reach_keys() and buffer._waiting == {}
