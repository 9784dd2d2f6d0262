"""Knowing the page cache's generation without asking Redis on every request.

With Redis (production), every cached page used to cost a network round trip: the generation
and the page were read together from Redis. Here each worker process instead

- subscribes to a Redis channel on which every bump of the generation is announced
  (`GenerationWatch`): while the subscription is up, the worker knows the current generation
  by looking at its own socket (a non-blocking poll, no round trip), and reads it from Redis
  again only after an announcement, after RECHECK_SECONDS, or when the subscription is lost;
- keeps the pages it served for the current generation in its own memory (`LocalPages`, a
  byte budget, least recently used first out), so a page it has served before costs no round
  trip either. Redis stays the shared store: a page another worker rendered is read from it
  once, then kept here.

Freshness does not change. A bump (home.cache.bump_generation) increments the generation in
Redis, then publishes on the channel and pings on the same connection: Redis has written the
announcement to every subscriber's socket before it answers the ping, so by the time the
change's own request has finished, every worker will see the announcement on its next
request. A worker that is not subscribed (Redis restarted, the connection dropped, a fork)
reads the generation from Redis on every request until it has subscribed again, and the
subscription is confirmed before the generation is read, so no bump falls in between.

Only Redis through django-redis is watched; with any other cache (the embedded default's local
memory) the generation is read as before, which there costs no round trip anyway.
"""

import collections
import contextlib
import logging
import os
import threading
import time

from django.conf import settings

logger = logging.getLogger(__name__)

RECHECK_SECONDS = 5.0  # the generation is read from Redis at least this often anyway
RETRY_SECONDS = 5.0  # after a failure, how long before subscribing again


def is_watchable(cache):
    """Is this cache Redis through django-redis (which has a client with publish/subscribe)?"""
    if not getattr(settings, "PAGE_CACHE_WATCH", True):
        return False
    try:
        from django_redis.cache import RedisCache
    except ImportError:  # pragma: no cover - django-redis is in requirements.txt
        return False
    return isinstance(cache, RedisCache)


def channel_for(cache, generation_key):
    """The channel bumps are announced on: the generation's own key (with the cache's prefix
    and version, so two sites sharing a Redis do not hear each other) plus ':bumped'."""
    return f"{cache.make_key(generation_key)}:bumped"


def announce(cache, generation_key):
    """Tell every watching worker that the generation has changed. The ping makes sure Redis
    has written the announcement to every subscriber before this returns (Redis writes all the
    replies of one pass before it reads the next command)."""
    client = cache.client.get_client(write=True)
    client.publish(channel_for(cache, generation_key), b"bumped")
    client.ping()


class GenerationWatch:
    """One process's view of the generation, kept fresh by the channel (see the module's doc).
    Thread-safe: a lock guards the subscription (threaded servers share one per process)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pid = os.getpid()
        self.pubsub = None
        self.channel = None
        self.generation = None
        self.read_at = 0.0
        self.retry_at = 0.0

    def current(self, cache, read):
        """The current generation, or None if it cannot be known this way (then the caller
        reads it itself). `read()` reads it from the cache (and creates it if missing)."""
        from home.cache import GENERATION_KEY

        channel = channel_for(cache, GENERATION_KEY)
        with self.lock:
            if self.pid != os.getpid():  # a forked worker: the parent's socket is not ours
                self.pid, self.pubsub, self.generation = os.getpid(), None, None
            if self.pubsub is not None and channel != self.channel:  # another cache (tests)
                self.close()
            now = time.monotonic()
            try:
                if self.pubsub is None:
                    if now < self.retry_at:
                        return None
                    self.subscribe(cache, channel)
                while (message := self.pubsub.get_message(timeout=0.0)) is not None:
                    if message.get("type") == "message":
                        self.generation = None
                if self.generation is None or now - self.read_at >= RECHECK_SECONDS:
                    generation = read()
                    if generation is None:  # django-redis ignored a failure: Redis is away
                        raise ConnectionError("the generation could not be read")
                    self.generation, self.read_at = generation, now
                return self.generation
            except Exception:  # noqa: BLE001 - fall back to reading the generation each time
                logger.warning("Not watching the page cache's generation: reading it each time", exc_info=True)
                self.close()
                self.retry_at = now + RETRY_SECONDS
                return None

    def subscribe(self, cache, channel):
        pubsub = cache.client.get_client(write=False).pubsub()
        try:
            pubsub.subscribe(channel)
            # Wait (briefly) for Redis to confirm: only then is no announcement missed.
            deadline = time.monotonic() + 1.0
            while True:
                message = pubsub.get_message(timeout=max(0.0, deadline - time.monotonic()))
                if message is not None and message.get("type") == "subscribe":
                    break
                if time.monotonic() >= deadline:
                    raise TimeoutError("Redis did not confirm the subscription")
        except BaseException:
            pubsub.close()
            raise
        self.pubsub, self.channel, self.generation = pubsub, channel, None

    def forget(self):
        """This process has just bumped the generation: read it again next time (without
        waiting for its own announcement)."""
        with self.lock:
            self.generation = None

    def close(self):
        if self.pubsub is not None:
            with contextlib.suppress(Exception):  # it is being dropped anyway
                self.pubsub.close()
        self.pubsub, self.channel, self.generation = None, None, None
        self.retry_at = 0.0


class LocalPages:
    """Pages kept in this process's memory for one generation, up to
    settings.PAGE_CACHE_LOCAL_BYTES of content (least recently used out first; 0 keeps none).
    Entries are the page cache's own tuples (generation, status, headers, content); they are
    never changed, only replaced. An entry of an older generation than the one kept is dropped."""

    def __init__(self):
        self.lock = threading.Lock()
        self.generation = None
        self.entries = collections.OrderedDict()
        self.size = 0

    def get(self, key, generation):
        with self.lock:
            if generation != self.generation:
                return None
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry):
        max_bytes = getattr(settings, "PAGE_CACHE_LOCAL_BYTES", 0)
        generation, size = entry[0], self.size_of(entry)
        if size > max_bytes:
            return
        with self.lock:
            if self.generation is not None and generation < self.generation:
                return
            if generation != self.generation:
                self.generation, self.entries, self.size = generation, collections.OrderedDict(), 0
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= self.size_of(old)
            self.entries[key] = entry
            self.size += size
            while self.size > max_bytes:
                _key, dropped = self.entries.popitem(last=False)
                self.size -= self.size_of(dropped)

    @staticmethod
    def size_of(entry):
        return len(entry[3]) + sum(len(name) + len(value) for name, value in entry[2])

    def clear(self):
        with self.lock:
            self.generation, self.entries, self.size = None, collections.OrderedDict(), 0
