"""Only strictly necessary cookies: a visitor goes through every public page and journey (the
pages, links followed from them, the search, the check, the directory's filters and the
feedback form) and every cookie set is in the list in localoffer/cookies.py."""

import re
from collections import deque

from django.test import Client

from localoffer.cookies import COOKIES, VISITOR_COOKIES

from .conftest import live_pages

LINK = re.compile(r'href="(/[^"#]*)"')
SKIP = ("/admin/", "/documents/", "/static/", "/media/")


def crawl(client, start_urls, limit=400):
    """Visit the start URLs and the site's own links from them; return {url: cookie names}."""
    seen, queue, cookies = set(), deque(start_urls), {}
    while queue and len(seen) < limit:
        url = queue.popleft()
        if url in seen or url.startswith(SKIP):
            continue
        seen.add(url)
        client.cookies.clear()
        response = client.get(url.replace("&amp;", "&"))
        assert response.status_code < 500, url
        cookies[url] = set(response.cookies.keys())
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            queue.extend(link for link in LINK.findall(response.content.decode()) if link not in seen)
    return cookies


def test_the_cookie_list_names_purpose_and_lifetime_for_each():
    assert {cookie["name"] for cookie in COOKIES} >= VISITOR_COOKIES
    for cookie in COOKIES:
        assert cookie["purpose"] and cookie["lifetime"] and cookie["who"]


def test_a_visitor_gets_no_cookie_outside_the_list(loaded_site):
    from home.models import HomePage
    from services.models import ContactDirectoryPage

    client = Client()
    directory = ContactDirectoryPage.objects.live().first()
    start = [page.url for page in live_pages()] + [
        "/search/?q=support",
        "/search/?q=zzzzqqq",
        "/search/?q=support&page=2",
        f"{directory.url}?q=team",
        f"{directory.url}?audience=parents",
        "/robots.txt",
        "/sitemap.xml",
        "/no-such-page/",
    ]
    cookies = crawl(client, start)
    assert len(cookies) > len(start) + 5  # it followed links: the check's questions, the contacts
    assert any("/question/" in url for url in cookies)

    crawled = dict(cookies)

    # The feedback journey: answer 'No', then say what was missing.
    home = HomePage.objects.get()
    client.cookies.clear()
    more = client.post("/feedback/", {"page": home.pk, "useful": "no", "website": ""})
    thanks = client.post(more["Location"], {"comment": "Example: the phone number", "website": ""})
    for response in (more, client.get(more["Location"]), thanks, client.get(thanks["Location"])):
        cookies[response.request["PATH_INFO"]] = set(response.cookies.keys())

    every_cookie = set().union(*cookies.values())
    assert every_cookie <= VISITOR_COOKIES, {url: names for url, names in cookies.items() if names - VISITOR_COOKIES}
    # Pages without a form that sends information set nothing at all.
    for url, names in crawled.items():
        if names:
            assert client.get(url).content.decode().lower().count('method="post"'), f"{url} sets {names} without a form"
