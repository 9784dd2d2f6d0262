"""Only strictly necessary cookies: a visitor goes through every public page and journey (the
pages, links followed from them, the search, the check, the directory's filters and the
feedback form) and gets no cookie but the one in the list in localoffer/cookies.py, only from
the 'What was missing?' form. An editor who signs in gets the session cookie. The cookies page
says the same as the list."""

import re
from collections import deque

import pytest
from django.conf import settings
from django.test import Client
from django.urls import resolve

from localoffer.cookies import COOKIES, VISITOR_COOKIE_URL_NAMES, VISITOR_COOKIES, lifetime

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
    lifetimes = {cookie["name"]: cookie["lifetime"] for cookie in COOKIES}
    assert lifetimes == {
        "csrftoken": "1 year",
        "sessionid": "2 weeks if you tick 'Remember me', otherwise until you close your browser; "
        "it is removed when you sign out",
        "shortlist": "90 days after you last change your shortlist",
    }


def set_cookies(response):
    """{name: max-age} of the cookies a response sets."""
    return {name: morsel["max-age"] for name, morsel in response.cookies.items()}


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
        f"{directory.url}?audience=nobody",  # an unknown filter: dropped, with an error summary
        "/robots.txt",
        "/sitemap.xml",
        "/feedback/thanks/",
        "/no-such-page/",
    ]
    cookies = crawl(client, start)
    assert len(cookies) > len(start) + 5  # it followed links: the check's questions, the contacts
    assert any("/question/" in url for url in cookies)
    # Public pages, the check, search and the directory set no cookie at all. Only the comment
    # forms in the list (pages for one visitor, never cached) set their CSRF token.
    set_by = {url: names for url, names in cookies.items() if names}
    assert all(resolve(url.split("?")[0]).view_name in VISITOR_COOKIE_URL_NAMES for url in set_by), set_by
    assert set().union(set(), *set_by.values()) <= {settings.CSRF_COOKIE_NAME}

    # The feedback journey: answer 'No', then say what was missing.
    home = HomePage.objects.get()
    client.cookies.clear()
    answered = client.post("/feedback/", {"page": home.pk, "useful": "no", "website": ""})
    assert answered.status_code == 302
    more_url = answered["Location"]
    assert resolve(more_url).view_name in VISITOR_COOKIE_URL_NAMES
    more = client.get(more_url)
    sent = client.post(more_url, {"comment": "Example: the phone number", "website": ""})
    thanks = client.get(sent["Location"])
    journey = {"answer": answered, "what was missing": more, "sent": sent, "thanks": thanks}
    assert {step: set_cookies(response) for step, response in journey.items()} == {
        "answer": {},
        # Only the 'What was missing?' form sets one: its CSRF token, for the time the list says.
        "what was missing": {"csrftoken": settings.CSRF_COOKIE_AGE},
        "sent": {},
        "thanks": {},
    }
    every_cookie = set().union(*(set(set_cookies(response)) for response in journey.values()))
    assert every_cookie <= VISITOR_COOKIES


@pytest.mark.parametrize(("remember", "max_age"), [({"remember": "on"}, settings.SESSION_COOKIE_AGE), ({}, "")])
def test_an_editor_who_signs_in_gets_the_session_cookie(client, django_user_model, remember, max_age):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    response = client.post("/admin/login/", {"username": "editor", "password": "a-long-test-password", **remember})
    assert response.status_code == 302
    # Two weeks with 'Remember me', else a browser-session cookie (no max-age), as the list says.
    assert set_cookies(response)["sessionid"] == max_age
    assert set(set_cookies(response)) <= {cookie["name"] for cookie in COOKIES}
    signed_out = client.post("/admin/logout/")
    assert signed_out.cookies["sessionid"].value == ""  # removed when they sign out


def test_the_cookies_page_says_what_the_list_says(client, loaded_site):
    from home.models import InformationPage

    page = InformationPage.objects.live().get(slug="cookies")
    html = client.get(page.url).content.decode()
    items = re.findall(r"<li>(.*?)</li>", html, flags=re.S)
    named = {match.group(1): item for item in items if (match := re.match(r"\s*<strong>(\w+)</strong>", item))}
    assert set(named) == {cookie["name"] for cookie in COOKIES}
    for cookie in COOKIES:
        words = named[cookie["name"]]
        # The page speaks to the reader ('you'), as the list does; the first part of the
        # lifetime ('1 year', '2 weeks') must be there word for word.
        assert re.split(r"[,;]| if ", cookie["lifetime"])[0] in words, (cookie["name"], words)
    assert "strictly necessary" in html


@pytest.mark.parametrize(
    ("seconds", "words"),
    [(31449600, "1 year"), (2 * 31449600, "2 years"), (1209600, "2 weeks"), (604800, "1 week"), (3600, "1 day")],
)
def test_lifetimes_in_words(seconds, words):
    assert lifetime(seconds) == words
