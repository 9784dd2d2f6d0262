"""Counting searches without writing to the database on every request.

`record_search` adds one to a counter in the cache (`cache.incr`, atomic in Redis and in the
local-memory cache) for the normalised query and the day. A list of the counters in use is
kept under one key. `fold_search_counts` (the `fold_search_counts` command, run from cron)
reads the counters, subtracts what it read (so searches made meanwhile are not lost) and adds
them to `SearchTermCount` rows.

No personal data: the query is lower-cased and reduced to its words; anything that looks like
an email address or a phone or reference number is replaced by a placeholder; nothing about
the visitor is kept.
"""

import hashlib
import re

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import SearchTermCount
from .query import MAX_QUERY_LENGTH
from .words import normalise_words

KEYS_KEY = "searchlog:keys"
KEY_TIMEOUT = 7 * 24 * 60 * 60  # a week: counts that are never folded expire
EMAIL = re.compile(r"\S+@\S+")
NUMBER = re.compile(r"\d[\d\s-]{4,}\d")


def normalise_for_log(text):
    """'Ring me on 01234 567890 about EHCP!' -> 'ring me on [number] about ehcp'."""
    text = EMAIL.sub(" emailaddress ", text or "")
    text = NUMBER.sub(" numbermasked ", text)
    words = normalise_words(text)
    text = " ".join(words).replace("emailaddress", "[email]").replace("numbermasked", "[number]")
    return text[:MAX_QUERY_LENGTH].strip()


def _counter_key(kind, day, text):
    digest = hashlib.sha256(text.encode()).hexdigest()[:32]
    return f"searchlog:{kind}:{day.isoformat()}:{digest}"


def _incr(key):
    try:
        cache.incr(key)
        return False
    except ValueError:  # a new counter
        if cache.add(key, 1, KEY_TIMEOUT):
            return True
        cache.incr(key)
        return False


def record_search(text, found_anything, day=None):
    """Count one search. No database access."""
    text = normalise_for_log(text)
    if not text:
        return
    day = day or timezone.localdate()
    new = _incr(_counter_key("n", day, text))
    if not found_anything:
        new = _incr(_counter_key("z", day, text)) or new
    if new:
        keys = cache.get(KEYS_KEY) or {}
        keys[_counter_key("n", day, text)] = (day.isoformat(), text)
        cache.set(KEYS_KEY, keys, KEY_TIMEOUT)


def fold_search_counts():
    """Move the counts from the cache into the database. Returns the number of searches
    folded."""
    keys = cache.get(KEYS_KEY) or {}
    folded = 0
    done = []
    for key, (day, text) in keys.items():
        zero_key = key.replace("searchlog:n:", "searchlog:z:", 1)
        searches = cache.get(key) or 0
        no_results = cache.get(zero_key) or 0
        if not searches and not no_results:
            # Forget an idle counter, so its next search registers it again.
            cache.delete_many([key, zero_key])
            done.append(key)
            continue
        with transaction.atomic():
            row, _ = SearchTermCount.objects.get_or_create(query_text=text, day=day)
            SearchTermCount.objects.filter(pk=row.pk).update(
                searches=F("searches") + searches, no_result_searches=F("no_result_searches") + no_results
            )
        # Subtract what was read, so searches counted meanwhile stay for the next run.
        if searches:
            cache.decr(key, searches)
        if no_results:
            cache.decr(zero_key, no_results)
        folded += searches
    if done:
        keys = cache.get(KEYS_KEY) or {}
        for key in done:
            keys.pop(key, None)
        cache.set(KEYS_KEY, keys, KEY_TIMEOUT)
    return folded
