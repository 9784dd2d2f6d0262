"""sitemap.xml (Wagtail's sitemap: live public pages, lastmod from the last publish) and
robots.txt (keeps the admin, search results, the check's answers and feedback pages out)."""

from datetime import UTC, datetime
from unittest import mock
from xml.etree import ElementTree

import pytest
from django.test import Client
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
    assert {"/admin/", "/search/", "/cy/search/", "/ur/search/", "/feedback/"} <= set(disallowed)
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


# --- With the page cache (home/cache.py) ----------------------------------------------------------


@pytest.mark.parametrize("url", ["/robots.txt", "/sitemap.xml"])
def test_they_come_from_the_page_cache_like_a_page(loaded_site, url):
    first, second = Client().get(url), Client().get(url)
    assert first.headers["X-Page-Cache"] == "miss"
    assert second.headers["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    for response in (first, second):
        assert not response.cookies and "Set-Cookie" not in response.headers
        assert "cookie" not in response.headers.get("Vary", "").lower()
        control = response.headers["Cache-Control"]
        assert "public" in control and "s-maxage=" in control and "max-age=0" in control, control


def test_robots_txt_answers_head(client, loaded_site):
    assert client.head("/robots.txt").status_code == 200


def test_the_cached_sitemap_is_never_stale(loaded_site):
    page = next(page for page in live_pages() if page.depth > 2 and not page.get_children().exists())
    assert full_url(page) in sitemap(Client())
    assert Client().get("/sitemap.xml").headers["X-Page-Cache"] == "hit"
    page.unpublish()  # signals: the page cache's generation moves on
    assert full_url(page) not in sitemap(Client())
    page.save_revision().publish()
    assert full_url(page) in sitemap(Client())


def test_the_cached_robots_txt_follows_the_checks(loaded_site):
    from services.models import CheckerPage

    checker = CheckerPage.objects.live().first()
    assert f"Disallow: {checker.url}question/" in Client().get("/robots.txt").content.decode()
    assert Client().get("/robots.txt").headers["X-Page-Cache"] == "hit"
    checker.unpublish()
    assert f"Disallow: {checker.url}question/" not in Client().get("/robots.txt").content.decode()


def test_a_cdn_purge_reaches_the_sitemap_and_robots_txt(loaded_site, settings, django_capture_on_commit_callbacks):
    from guidance.models import GuidancePage

    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://cache:6081"}
    }
    sent = []
    urlopen = mock.patch("wagtail.contrib.frontend_cache.backends.http.urlopen", side_effect=sent.append)
    page = GuidancePage.objects.get(slug="what-is-sen-support")
    with urlopen, django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert {"/sitemap.xml", "/robots.txt"} <= {request.selector for request in sent}
