"""The relevance set (search/tests/relevance.json): realistic questions from parents and
schools, each with the page that answers it. Floors for top-3 and mean reciprocal rank on the
database the suite runs on (SQLite, or PostgreSQL with DATABASE_URL); `make bench` prints the
same figures."""

from collections import Counter

from django.db import connection

from search.relevance import evaluate, load_cases

TOP3_FLOOR = 0.95
MRR_FLOOR = 0.80


def test_relevance_set_is_big_and_realistic_enough():
    cases = load_cases()
    kinds = Counter(case["kind"] for case in cases)
    assert len(cases) >= 100
    assert len({case["q"].lower() for case in cases}) == len(cases)
    assert kinds["conversational"] >= len(cases) / 3  # questions in a parent's own words, or about a problem
    assert kinds["misspelt"] >= len(cases) / 10


def test_answering_pages_come_first(content):
    figures = evaluate()
    misses = [
        f"{case['q']!r}: wanted {case['page']} (rank {rank}), got {first}" for case, rank, first in figures.misses
    ]
    print(
        f"\nRelevance on {connection.vendor}: {figures.cases} questions, top-1 {figures.top1:.1%}, "
        f"top-3 {figures.top3:.1%}, MRR {figures.mrr:.3f}\n" + "\n".join(misses)
    )
    assert figures.top3 >= TOP3_FLOOR, "\n".join(misses)
    assert figures.mrr >= MRR_FLOOR
