"""Each worker knows the page cache's generation from the bumps Redis announces, without a round
trip per request, and keeps the pages it served in its own memory (home/cache_watch.py). These
tests use the machine's Redis (the `redis_page_cache` fixture): two watches stand for two worker
processes, each with its own connection."""

import time

import pytest
from django.core.cache import caches

from home import cache_watch
from home.cache import GENERATION_KEY, _read_generation, bump_generation, current_generation, request_generation
from home.cache_watch import GenerationWatch, LocalPages


class CountingReader:
    """Reads the generation from Redis as the page cache does, counting the round trips."""

    def __init__(self, cache):
        self.cache, self.reads = cache, 0

    def __call__(self):
        self.reads += 1
        return _read_generation(self.cache)


@pytest.fixture
def cache(redis_page_cache):
    return caches["default"]


def test_a_watching_worker_asks_redis_once_then_not_again_until_a_bump(cache):
    watch, reader = GenerationWatch(), CountingReader(cache)
    first = watch.current(cache, reader)
    assert first == cache.get(GENERATION_KEY)
    for _ in range(50):
        assert watch.current(cache, reader) == first
    assert reader.reads == 1
    watch.close()


def test_a_bump_in_another_worker_is_seen_at_the_next_request(cache):
    worker_a, worker_b = GenerationWatch(), GenerationWatch()
    reader_a, reader_b = CountingReader(cache), CountingReader(cache)
    before = worker_a.current(cache, reader_a)
    assert worker_b.current(cache, reader_b) == before
    for _ in range(5):
        bump_generation()  # as a third process would: increment, announce, ping
        now = cache.get(GENERATION_KEY)
        assert now != before
        # No sleep: the announcement is on each worker's socket before the bump returns.
        assert worker_a.current(cache, reader_a) == now
        assert worker_b.current(cache, reader_b) == now
        before = now
    assert reader_a.reads == reader_b.reads == 6
    worker_a.close()
    worker_b.close()


def test_a_lost_subscription_falls_back_to_reading_and_misses_no_bump(cache, monkeypatch):
    monkeypatch.setattr(cache_watch, "RETRY_SECONDS", 0.0)
    watch, reader = GenerationWatch(), CountingReader(cache)
    before = watch.current(cache, reader)
    # Redis drops the worker's subscription (a restart, a network fault)...
    host, port = watch.pubsub.connection._sock.getsockname()[:2]
    cache.client.get_client(write=True).client_kill_filter(_type="pubsub", addr=f"{host}:{port}")
    # ...and a change is made while it is gone: the announcement is lost to this worker.
    cache.incr(GENERATION_KEY)
    after = cache.get(GENERATION_KEY)
    assert after != before
    # The worker notices the drop and does not answer from what it knew.
    deadline = time.monotonic() + 5
    seen = watch.current(cache, reader)
    while seen == before and time.monotonic() < deadline:
        seen = watch.current(cache, reader)
    assert seen in (None, after)
    # It subscribes again, reads the generation, and is watching once more.
    assert watch.current(cache, reader) == after
    reads = reader.reads
    assert watch.current(cache, reader) == after
    assert reader.reads == reads
    watch.close()


def test_the_generation_is_read_again_after_a_while_anyway(cache, monkeypatch):
    watch, reader = GenerationWatch(), CountingReader(cache)
    watch.current(cache, reader)
    monkeypatch.setattr(cache_watch, "RECHECK_SECONDS", 0.0)
    watch.current(cache, reader)
    assert reader.reads == 2
    watch.close()


def test_a_forked_worker_subscribes_on_its_own(cache, monkeypatch):
    watch, reader = GenerationWatch(), CountingReader(cache)
    watch.current(cache, reader)
    parents = watch.pubsub
    monkeypatch.setattr(cache_watch.os, "getpid", lambda: -1)
    watch.current(cache, reader)
    assert watch.pubsub is not parents
    assert reader.reads == 2
    parents.close()
    watch.close()


def test_within_a_request_the_process_watch_gives_the_generation(redis_page_cache):
    bump_generation()
    cache = caches["default"]
    with request_generation():
        assert current_generation() == cache.get(GENERATION_KEY)
    bump_generation()
    with request_generation():
        assert current_generation() == cache.get(GENERATION_KEY)


def test_the_embedded_default_is_not_watched(settings):
    from home.cache import watched_generation

    assert watched_generation(caches["default"]) is None  # local memory: nothing to watch


def entry(generation, content=b"x" * 100):
    return (generation, 200, [("Content-Type", "text/html")], content)


def test_pages_in_memory_keep_to_their_budget_least_recently_used_out_first(settings):
    settings.PAGE_CACHE_LOCAL_BYTES = 400
    pages = LocalPages()
    for key in "abc":
        pages.put(key, entry(1))
    assert pages.get("a", 1) is not None  # a is now the most recently used
    pages.put("d", entry(1))
    assert pages.get("b", 1) is None
    assert [key for key in "acd" if pages.get(key, 1)] == ["a", "c", "d"]
    assert pages.size <= 400
    pages.put("huge", entry(1, b"x" * 1000))
    assert pages.get("huge", 1) is None


def test_pages_in_memory_are_for_one_generation(settings):
    settings.PAGE_CACHE_LOCAL_BYTES = 10_000
    pages = LocalPages()
    pages.put("a", entry(1))
    assert pages.get("a", 2) is None
    pages.put("b", entry(2))
    assert pages.get("a", 1) is None  # the older generation's pages are gone
    pages.put("c", entry(1))  # a page rendered under an older generation is not kept
    assert pages.get("c", 1) is None and pages.get("c", 2) is None
    assert pages.get("b", 2) is not None
    settings.PAGE_CACHE_LOCAL_BYTES = 0
    pages.put("d", entry(2))
    assert pages.get("d", 2) is None
