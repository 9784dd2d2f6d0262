"""The relevance set (search/tests/relevance.json): questions from parents and schools, each
with the page that answers it. Measures the ranked list as a visitor sees it (the best answer
first, glossary terms and contacts in their places, panels above are not counted): top-1,
top-3 and mean reciprocal rank (over the first 10). Run by search/tests/test_relevance.py
(as a floor) and by `make bench` (as figures), or by hand:
`python manage.py shell -c "from search.relevance import report; report()"`."""

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from wagtail.models import Page

from .query import build_query
from .ranking import run_search

RELEVANCE_FILE = Path(__file__).parent / "tests" / "relevance.json"
DEPTH = 10


def load_cases():
    return json.loads(RELEVANCE_FILE.read_text())["cases"]


def ranked_keys(text, n=DEPTH):
    """The first n results of a search, as page slugs ('glossary:…', 'contact:…' otherwise)."""
    built = build_query(text)
    if built.empty:
        return []
    items = run_search(built).pages[:n]
    return [item.slug if isinstance(item, Page) else f"{type(item).__name__.lower()}:{item.slug}" for item in items]


@dataclass
class Figures:
    cases: int
    top1: float
    top3: float
    mrr: float
    misses: list  # (case, rank or None, first three)
    by_kind: dict


def evaluate(cases=None):
    cases = cases or load_cases()
    top1 = top3 = 0
    reciprocal = 0.0
    misses, kinds, kind_hits = [], Counter(), Counter()
    for case in cases:
        keys = ranked_keys(case["q"])
        rank = keys.index(case["page"]) + 1 if case["page"] in keys else None
        top1 += rank == 1
        top3 += bool(rank and rank <= 3)
        reciprocal += 1 / rank if rank else 0
        kinds[case.get("kind", "")] += 1
        kind_hits[case.get("kind", "")] += bool(rank and rank <= 3)
        if not rank or rank > 3:
            misses.append((case, rank, keys[:3]))
    n = len(cases)
    by_kind = {kind: kind_hits[kind] / count for kind, count in kinds.items()}
    return Figures(n, top1 / n, top3 / n, reciprocal / n, misses, by_kind)


def report(out=print, label=""):
    figures = evaluate()
    for case, rank, first in figures.misses:
        out(f"  MISS {case['q']!r}: wanted {case['page']} (rank {rank}), got {first}")
    kinds = ", ".join(f"{kind} {100 * share:.0f}%" for kind, share in sorted(figures.by_kind.items()))
    out(
        f"Relevance{label}: {figures.cases} questions: top-1 {100 * figures.top1:.1f}%, "
        f"top-3 {100 * figures.top3:.1f}%, MRR {figures.mrr:.3f} (top-3 by kind: {kinds})"
    )
    return figures
