"""`services_bench` (make bench) runs on a small scale with the dev settings' hosts."""

import json

from django.core.management import call_command
from django.test import override_settings


@override_settings(ALLOWED_HOSTS=["127.0.0.1", "localhost"])  # as the dev settings: no "testserver"
def test_services_bench_fills_and_times_every_address(starter_site, tmp_path, capsys):
    out = tmp_path / "figures.json"
    call_command("services_bench", services=3, runs=1, json=str(out))
    written = json.loads(out.read_text())
    assert written["services"] >= 3
    figures = written["figures"]
    assert len(figures) == 10
    # Every address was rendered (the page cache is off while it measures), not a cache hit.
    assert all(figure["queries"] > 0 for figure in figures.values()), figures
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith(("Find support", "/services"))]
    assert len(rows) == 10
    assert all(row.rstrip().endswith("200") for row in rows), rows
