"""`search_bench` (make bench) runs on a small scale with the dev settings' hosts."""

from io import StringIO

from django.test import override_settings

from search.management.commands.search_bench import QUERIES, Command


@override_settings(ALLOWED_HOSTS=["127.0.0.1", "localhost"])  # as the dev settings: no "testserver"
def test_search_bench_fills_and_times_every_kind_of_query(starter_site):
    command = Command(stdout=StringIO())
    assert command.fill(3) == 3
    figures = command.measure(runs=1)
    assert set(figures) == {f"{kind} ({state})" for kind in QUERIES for state in ("cached", "not cached")}
    for figure in figures.values():
        assert figure["queries"] > 0
        assert 0 < figure["p50_ms"] <= figure["p95_ms"]
    # Each query found something: the generated pages use the rare word, the common ones all.
    output = command.stdout.getvalue()
    assert "rare word" in output
    assert "  0" not in output.split("ranking cached")[1].split("rare word")[1].splitlines()[0]
