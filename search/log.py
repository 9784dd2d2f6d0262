"""Counting searches without writing to the database on every request, correctly across any
number of web processes and the cron job that folds the counts.

`record_search` counts one search in a shared store:
- with Redis (`SEARCH_COUNTS_REDIS_URL`, which is `REDIS_URL` by default): atomic `HINCRBY` in
  one hash per day;
- without it (the embedded default): one line appended to a file per day in
  `SEARCH_COUNTS_DIR`. Every process opens the file with O_APPEND and writes each line with one
  `write()`, which the kernel appends whole, so lines from several processes never mix.

`fold_search_counts` (the `fold_search_counts` command, run from cron) moves the counts into
`SearchTermCount` rows. Redis: it subtracts what it read, so searches counted meanwhile wait for
the next run. Files: it reads from where it last stopped (`SearchLogPosition`, saved in the same
transaction as the counts, so nothing is folded twice) up to the last whole line; files of days
before yesterday are deleted once folded.

No personal data: the query is lower-cased and reduced to its words; anything that looks like
an email address or a phone or reference number is replaced by a placeholder; nothing about
the visitor is kept.
"""

import logging
import os
import re
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import SearchLogPosition, SearchTermCount
from .query import MAX_QUERY_LENGTH
from .words import normalise_words

logger = logging.getLogger(__name__)

KEY_TIMEOUT = 8 * 24 * 60 * 60  # Redis: counts never folded expire after a week
EMAIL = re.compile(r"\S+@\S+")
NUMBER = re.compile(r"\d[\d\s-]{4,}\d")
FILE_PREFIX, FILE_SUFFIX = "searches-", ".log"


def normalise_for_log(text):
    """'Ring me on 01234 567890 about EHCP!' -> 'ring me on [number] about ehcp'."""
    text = EMAIL.sub(" emailaddress ", text or "")
    text = NUMBER.sub(" numbermasked ", text)
    words = normalise_words(text)
    text = " ".join(words).replace("emailaddress", "[email]").replace("numbermasked", "[number]")
    return text[:MAX_QUERY_LENGTH].strip()


def _add_to_database(counts):
    """counts: {(day, text): [searches, no_result_searches]}. Call inside a transaction."""
    for (day, text), (searches, no_results) in counts.items():
        row, _ = SearchTermCount.objects.get_or_create(query_text=text, day=day)
        SearchTermCount.objects.filter(pk=row.pk).update(
            searches=F("searches") + searches, no_result_searches=F("no_result_searches") + no_results
        )
    return sum(searches for searches, _no in counts.values())


class FileCounts:
    """The embedded default: append-only files, one per day, read by the fold."""

    def __init__(self, directory):
        self.directory = Path(directory)

    def record(self, day, text, found):
        line = f"{day.isoformat()}\t{0 if found else 1}\t{text}\n".encode()
        path = self.directory / f"{FILE_PREFIX}{day.isoformat()}{FILE_SUFFIX}"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
            try:
                os.write(fd, line)  # one write: appended whole, never interleaved
            finally:
                os.close(fd)
        except OSError:
            logger.warning("Could not count a search in %s", path, exc_info=True)

    def fold(self):
        folded = 0
        if not self.directory.is_dir():
            return 0
        for path in sorted(self.directory.glob(f"{FILE_PREFIX}*{FILE_SUFFIX}")):
            folded += self._fold_file(path)
        return folded

    def _fold_file(self, path):
        with transaction.atomic():
            position, _ = SearchLogPosition.objects.get_or_create(file_name=path.name)
            position = SearchLogPosition.objects.select_for_update().get(pk=position.pk)
            with path.open("rb") as handle:
                handle.seek(position.offset)
                data = handle.read()
            whole = data[: data.rfind(b"\n") + 1]  # a line still being written waits
            counts = {}
            for line in whole.decode("utf-8", "replace").splitlines():
                day, no_results, text = (line.split("\t", 2) + ["", ""])[:3]
                if not text:
                    continue
                pair = counts.setdefault((day, text), [0, 0])
                pair[0] += 1
                pair[1] += no_results == "1"
            folded = _add_to_database(counts)
            position.offset += len(whole)
            position.save(update_fields=["offset"])
        day = path.name[len(FILE_PREFIX) : -len(FILE_SUFFIX)]
        if day < (timezone.localdate() - timedelta(days=1)).isoformat() and position.offset >= path.stat().st_size:
            path.unlink(missing_ok=True)  # nobody writes to a day before yesterday any more
            SearchLogPosition.objects.filter(pk=position.pk).delete()
        return folded


_redis_clients = {}


class RedisCounts:
    """With Redis: one hash per day, `n:<text>` and `z:<text>` counters, atomic HINCRBY."""

    def __init__(self, url, prefix):
        import redis

        self.errors = redis.RedisError
        if url not in _redis_clients:
            _redis_clients[url] = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
        self.redis = _redis_clients[url]
        self.prefix = prefix

    def _key(self, day):
        return f"{self.prefix}:{day}"

    def record(self, day, text, found):
        key = self._key(day.isoformat())
        try:
            pipe = self.redis.pipeline()
            pipe.hincrby(key, f"n:{text}", 1)
            if not found:
                pipe.hincrby(key, f"z:{text}", 1)
            pipe.expire(key, KEY_TIMEOUT)
            pipe.sadd(f"{self.prefix}:days", day.isoformat())
            pipe.execute()
        except self.errors:
            logger.warning("Could not count a search in Redis", exc_info=True)

    def fold(self):
        folded = 0
        for raw_day in sorted(self.redis.smembers(f"{self.prefix}:days")):
            day = raw_day.decode()
            fields = {k.decode(): int(v) for k, v in self.redis.hgetall(self._key(day)).items()}
            counts = {}
            for name, value in fields.items():
                kind, text = name.split(":", 1)
                if value > 0:
                    counts.setdefault((day, text), [0, 0])[0 if kind == "n" else 1] = value
            with transaction.atomic():
                folded += _add_to_database({k: v for k, v in counts.items() if v[0] or v[1]})
            # Subtract what was read, so searches counted meanwhile stay for the next run.
            pipe = self.redis.pipeline()
            for (_day, text), (searches, no_results) in counts.items():
                if searches:
                    pipe.hincrby(self._key(day), f"n:{text}", -searches)
                if no_results:
                    pipe.hincrby(self._key(day), f"z:{text}", -no_results)
            pipe.execute()
            if day < (timezone.localdate() - timedelta(days=1)).isoformat() and not any(fields.values()):
                self.redis.delete(self._key(day))
                self.redis.srem(f"{self.prefix}:days", day)
        return folded


def counts_store():
    """Redis when SEARCH_COUNTS_REDIS_URL is set, otherwise files in SEARCH_COUNTS_DIR."""
    url = getattr(settings, "SEARCH_COUNTS_REDIS_URL", "")
    if url:
        return RedisCounts(url, settings.SEARCH_COUNTS_KEY_PREFIX)
    return FileCounts(settings.SEARCH_COUNTS_DIR)


def record_search(text, found_anything, day=None):
    """Count one search. No database access."""
    text = normalise_for_log(text)
    if not text:
        return
    counts_store().record(day or timezone.localdate(), text, found_anything)


def fold_search_counts():
    """Move the counts into the database. Returns the number of searches folded."""
    return counts_store().fold()
