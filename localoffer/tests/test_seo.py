"""sitemap.xml (Wagtail's sitemap: live public pages, lastmod from the last publish) and
robots.txt (keeps the admin, search results, the check's answers and feedback pages out)."""

from datetime import UTC, datetime
from xml.etree import ElementTree

import pytest
from wagtail.models import Page, PageViewRestriction

from .conftest import live_pages

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own response
    return {url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS) for url in root}


def full_url(page):
    return page.full_url  # the Wagtail site's address (Settings → Sites), as the sitemap uses


def test_the_sitemap_lists_every_live_public_page(client, loaded_site):
    entries = sitemap(client)
    assert set(entries) == {full_url(page) for page in live_pages()}
    assert len(entries) > 10


def test_unpublished_and_private_pages_are_left_out(client, loaded_site):
    pages = [page for page in live_pages() if page.depth > 2 and not page.get_children().exists()]
    unpublished, private = pages[0], pages[1]
    unpublished_url, private_url = full_url(unpublished), full_url(private)
    unpublished.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    entries = sitemap(client)
    assert unpublished_url not in entries
    assert private_url not in entries


def test_lastmod_is_the_date_of_the_last_publish(client, loaded_site):
    page = live_pages()[3]
    published = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
    Page.objects.filter(pk=page.pk).update(last_published_at=published)
    assert sitemap(client)[full_url(page)] == "2026-03-14"


def test_robots_txt_keeps_crawlers_out_and_names_the_sitemap(client, loaded_site):
    from services.models import CheckerPage

    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    disallowed = [line.removeprefix("Disallow: ") for line in lines if line.startswith("Disallow: ")]
    assert {"/admin/", "/search/", "/feedback/"} <= set(disallowed)
    site_root = Page.objects.get(depth=2).specific.get_site().root_url
    assert f"Sitemap: {site_root}/sitemap.xml" in lines
    checkers = CheckerPage.objects.live()
    assert checkers.exists()
    for checker in checkers:
        for route in ("question/", "check/", "result/"):
            assert checker.url + route in disallowed
        # The check's first question, as a visitor reaches it, is covered by a Disallow line.
        start = client.get(checker.url).content.decode()
        assert f'href="{checker.url}question/' in start
    # Nothing in the sitemap is disallowed, and the home page is not.
    for url in sitemap(client):
        path = url.removeprefix(site_root)
        assert not any(path.startswith(prefix) for prefix in disallowed), path


@pytest.mark.parametrize("url", ["/robots.txt", "/sitemap.xml"])
def test_they_set_no_cookie(client, loaded_site, url):
    assert not client.get(url).cookies
