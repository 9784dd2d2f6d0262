"""Ranked results are cached for everyone, and forgotten as soon as the content changes."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from guidance.models import GuidanceIndexPage, GuidancePage


def full_text_queries(queries):
    return [q["sql"] for q in queries if "wagtailsearch_indexentry" in q["sql"]]


def search(client, q):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    return response.content.decode(), captured.captured_queries


def test_a_repeated_search_does_not_rank_again(client, content):
    first_html, first = search(client, "assessment")
    second_html, second = search(client, "assessment")
    assert full_text_queries(first), "the first search asks the full-text index"
    assert not full_text_queries(second), "the second search takes the ranking from the cache"
    assert len(second) < len(first)
    count = re.compile(r'id="result-count"[^>]*>([^<]+)<')
    assert count.search(first_html).group(1) == count.search(second_html).group(1)
    assert re.findall(r'href="(/[^"]*)"', first_html) == re.findall(r'href="(/[^"]*)"', second_html)


def test_a_newly_published_page_is_found_at_once(client, content):
    html, _ = search(client, "zebrafinch")
    assert "/sen-support/zebrafinch-page/" not in html
    index = GuidanceIndexPage.objects.get()
    page = GuidancePage(
        title="Zebrafinch page",
        slug="zebrafinch-page",
        summary="About zebrafinch.",
        body=[("text", "<p>Zebrafinch.</p>")],
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    html, _ = search(client, "zebrafinch")
    assert "/sen-support/zebrafinch-page/" in html


def test_an_unpublished_page_leaves_the_results_at_once(client, content):
    page = GuidancePage.objects.get(slug="enhanced-sen-support")
    url = page.url
    html, _ = search(client, "enhanced")
    assert f'href="{url}"' in html
    page.unpublish()
    html, _ = search(client, "enhanced")
    assert f'href="{url}"' not in html
