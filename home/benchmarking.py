"""Timing for the benchmark commands (`search_bench`, `services_bench`; `make bench`)."""

import math
import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext


def time_calls(call, runs, before=None):
    """Call `call()` `runs` times (after `before()` each time, untimed) and return the times in
    ms, the number of database queries of each call, and the last call's result."""
    times, queries, result = [], [], None
    for _ in range(runs):
        if before is not None:
            before()
        connection.queries_log.clear()  # keep the count below the query log's 9,000 cap
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            result = call()
            times.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured))
    return times, queries, result


def summary(times, queries):
    """p50 and p95 in ms (rounded to 0.1) and the most queries any call made."""
    ordered = sorted(times)
    p50 = statistics.median(ordered)
    p95 = ordered[math.ceil(0.95 * len(ordered)) - 1]  # nearest rank: never below the median
    return {"p50_ms": round(p50, 1), "p95_ms": round(p95, 1), "queries": max(queries)}
