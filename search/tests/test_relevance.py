"""The relevance set: every question in search/tests/relevance.json must find its page in the
top three, on SQLite and (with DATABASE_URL set to PostgreSQL) on PostgreSQL."""

from django.db import connection

from search.relevance import TOP, evaluate, load_cases


def test_relevance_set_is_big_enough():
    cases = load_cases()
    assert len(cases) >= 40
    assert len({case["q"].lower() for case in cases}) == len(cases)


def test_every_question_finds_its_page_in_the_top_three(content):
    rows = evaluate()
    hits = sum(hit for _case, _slugs, hit in rows)
    misses = [f"{case['q']!r}: wanted {case['page']}, got {slugs}" for case, slugs, hit in rows if not hit]
    print(f"\nRelevance on {connection.vendor}: {hits}/{len(rows)} in the top {TOP} ({100 * hits / len(rows):.0f}%)")
    assert not misses, "\n".join(misses)
