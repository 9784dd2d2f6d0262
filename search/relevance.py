"""Run the relevance set (search/tests/relevance.json) against the current database:
`python manage.py shell -c "from search.relevance import report; report()"`. The test
(search/tests/test_relevance.py) does the same after loading the content."""

import json
from pathlib import Path

from .engine import search_pages
from .query import build_query

RELEVANCE_FILE = Path(__file__).parent / "tests" / "relevance.json"
TOP = 3


def load_cases():
    return json.loads(RELEVANCE_FILE.read_text())["cases"]


def top_slugs(text, n=TOP):
    results, _loose = search_pages(build_query(text))
    return [page.slug for page in results[:n]]


def evaluate(cases=None):
    """[(case, top slugs, hit)] for every case."""
    rows = []
    for case in cases or load_cases():
        slugs = top_slugs(case["q"])
        rows.append((case, slugs, case["page"] in slugs))
    return rows


def report(out=print):
    rows = evaluate()
    hits = sum(hit for _c, _s, hit in rows)
    for case, slugs, hit in rows:
        if not hit:
            out(f"MISS {case['q']!r}: wanted {case['page']}, got {slugs}")
    out(f"Relevance: {hits}/{len(rows)} in the top {TOP} ({100 * hits / len(rows):.0f}%)")
    return hits, len(rows)
