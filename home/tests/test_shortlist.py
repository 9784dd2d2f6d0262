"""'My shortlist' (home/shortlist.py, home/shortlist_views.py): the cookie and the shared link are
read strictly, a tampered list gets a clear message and never a 500, the list loads in a fixed
number of queries, and the shared, cached pages never vary on the shortlist or set a cookie.

Home does not import the apps above it, so services and contacts are found by label."""

import re
from urllib.parse import unquote

import pytest
from django.apps import apps
from django.test import Client
from django.test.utils import override_settings
from wagtail.models import Page

from home import shortlist
from home.shortlist import COOKIE_MAX_AGE, COOKIE_NAME, MAX_ITEMS, parse_items, parse_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded_site(starter_site):
    """The starter content (loaded once for the session, see conftest.py)."""


def page_at(path):
    return Page.objects.get(url_path="/home" + path).specific


def contact(slug):
    return apps.get_model("services", "Contact").objects.get(slug=slug)


def text(response):
    """The page's words without tags (the glossary explainer wraps acronyms in <abbr>)."""
    return re.sub(r"<[^>]+>", "", response.content.decode())


def add(client, kind, pk, **headers):
    headers.setdefault("HTTP_ORIGIN", "http://testserver")
    return client.post("/shortlist/add/", {"kind": kind, "id": pk}, **headers)


# --- Reading a list ----------------------------------------------------------------------------


def test_tokens_are_read_strictly():
    assert parse_token("page-12") == ("page", 12)
    assert parse_token("contact-3") == ("contact", 3)
    for bad in ["page-0", "page-012", "page-x", "page--1", "page-²", "page-١٢", "user-1", "PAGE-1", "page-2147483648",
                "page-12 ", "", "page-99999999999"]:  # fmt: skip
        assert parse_token(bad) is None, bad


def test_a_list_keeps_what_it_can_and_says_what_it_dropped():
    parsed = parse_items("page-1.page-1.garbage.contact-2.<script>", "link")
    assert parsed.tokens == ["page-1", "contact-2"]
    assert parsed.problems == ["The link you followed has 2 items we could not read, so they are not shown."]
    assert not parsed.unusable
    assert parse_items("", "link").tokens == [] and parse_items("", "link").problems == []


def test_too_many_or_too_long_is_cut_or_refused():
    many = ".".join(f"page-{i}" for i in range(1, 61))
    parsed = parse_items(many, "cookie")
    assert len(parsed.tokens) == MAX_ITEMS
    assert "has 60 items. A shortlist holds up to 50" in parsed.problems[0]
    assert parse_items("page-1." * 1000, "link").unusable


# --- The pages ---------------------------------------------------------------------------------


def test_adding_without_javascript_sets_the_cookie_and_shows_the_list(client, loaded_site):
    service = page_at("/services/sssen/")
    response = add(client, "page", service.pk)
    assert response.status_code == 303
    assert response["Location"] == f"/shortlist/?added=page-{service.pk}"
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == f"page-{service.pk}"
    assert cookie["max-age"] == COOKIE_MAX_AGE
    assert cookie["samesite"] == "Lax"
    assert "private" in response["Cache-Control"]

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private" or (
        "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    )
    html = text(page)
    assert "govuk-notification-banner--success" in page.content.decode()
    assert f"‘{service.title}’ has been added to your shortlist." in html
    assert service.summary[:40] in html
    assert "Who it is for" in html
    assert "csrfmiddlewaretoken" not in html


def test_adding_twice_keeps_one_and_remove_takes_it_off(client, loaded_site):
    service = page_at("/services/sssen/")
    add(client, "page", service.pk)
    add(client, "page", service.pk)
    assert client.cookies[COOKIE_NAME].value == f"page-{service.pk}"
    response = client.post("/shortlist/remove/", {"kind": "page", "id": service.pk}, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 303
    assert response.cookies[COOKIE_NAME].value == ""  # removed: the list is empty
    html = text(client.get(response["Location"]))
    assert f"‘{service.title}’ has been removed from your shortlist." in html
    assert "Your shortlist is empty." in html


def test_adding_with_javascript_answers_json(client, loaded_site):
    guidance = page_at("/sen-support/what-is-sen-support/")
    response = add(client, "page", guidance.pk, HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json() == {
        "count": 1,
        "title": guidance.title,
        "message": f"‘{guidance.title}’ has been added to your shortlist. It has 1 item.",
    }
    assert response.cookies[COOKIE_NAME].value == f"page-{guidance.pk}"


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({"kind": "page", "id": "abc"}, 400),
        ({"kind": "user", "id": "1"}, 400),
        ({"kind": "page", "id": "99999999999999999999"}, 400),
        ({"kind": "page", "id": "2147483647"}, 400),  # no such page
        ({}, 400),
    ],
)
def test_bad_adds_get_a_clear_message(client, loaded_site, data, status):
    response = client.post("/shortlist/add/", data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == status
    assert COOKIE_NAME not in response.cookies
    assert "govuk-heading-l" in response.content.decode()


def test_pages_that_cannot_be_shortlisted_are_refused(client, loaded_site):
    cookies = page_at("/cookies/")  # an information page: not a service, guidance or contact
    assert add(client, "page", cookies.pk).status_code == 400


def test_a_post_from_another_site_is_refused(client, loaded_site):
    service = page_at("/services/sssen/")
    response = add(client, "page", service.pk, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert COOKIE_NAME not in response.cookies
    referer = client.post(
        "/shortlist/add/", {"kind": "page", "id": service.pk}, HTTP_REFERER="https://evil.example/page"
    )
    assert referer.status_code == 403


def test_the_list_is_full_at_50(client, loaded_site):
    service = page_at("/services/sssen/")
    client.cookies[COOKIE_NAME] = ".".join(f"page-{i}" for i in range(100000, 100000 + MAX_ITEMS))
    response = add(client, "page", service.pk)
    assert response.status_code == 400
    assert "holds up to 50 items" in response.content.decode()


def test_a_tampered_cookie_gets_a_message_and_is_cleaned(client, loaded_site):
    service = page_at("/services/sssen/")
    client.cookies[COOKIE_NAME] = f"page-{service.pk}.%3Cscript%3E.page-999999.contact-abc"
    response = client.get("/shortlist/")
    assert response.status_code == 200
    html = text(response)
    assert "govuk-error-summary" in response.content.decode()
    assert "The shortlist saved in this browser has 2 items we could not read" in html
    assert "1 item on this list is no longer on this website" in html
    assert service.title in html
    assert response.cookies[COOKIE_NAME].value == f"page-{service.pk}"  # what can be shown


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("items=garbage", 400, "1 item we could not read"),
        ("items=" + "x" * 5000, 400, "too long to be a shortlist"),
        ("items=" + ".".join(f"page-{i}" for i in range(1, 70)), 200, "A shortlist holds up to 50"),
        ("items=page-999999", 200, "1 item on this list is no longer on this website"),
        ("items=&added=nonsense", 200, "nothing on this list"),
    ],
)
def test_a_tampered_link_gets_a_clear_message(client, loaded_site, query, status, message):
    response = client.get("/shortlist/?" + query)
    assert response.status_code == status
    assert message in text(response)
    assert not response.cookies


def test_items_that_are_gone_drop_out_with_a_note(client, loaded_site):
    guidance = page_at("/sen-support/what-is-sen-support/")
    service = page_at("/services/sssen/")
    client.cookies[COOKIE_NAME] = f"page-{guidance.pk}.page-{service.pk}"
    guidance.unpublish()
    html = text(client.get("/shortlist/"))
    assert "1 item on this list is no longer on this website" in html
    assert service.title in html and guidance.title not in html


def test_the_share_link_rebuilds_the_list_and_the_email_lists_it(client, loaded_site):
    service = page_at("/services/sssen/")
    guidance = page_at("/sen-support/what-is-sen-support/")
    sssen = contact("sssen")
    for kind, pk in [("page", service.pk), ("contact", sssen.pk), ("page", guidance.pk)]:
        add(client, kind, pk)
    html = client.get("/shortlist/").content.decode()
    share = re.search(r'id="share-link" type="text" value="([^"]+)"', html).group(1)
    assert share == f"http://testserver/shortlist/?items=page-{service.pk}.contact-{sssen.pk}.page-{guidance.pk}"
    mailto = unquote(re.search(r'id="email-list" href="(mailto:[^"]+)"', html).group(1).replace("&amp;", "&"))
    assert f"http://testserver{service.url}" in mailto and sssen.name in mailto and share in mailto
    if sssen.phone:
        assert sssen.phone in mailto

    other_device = Client()  # no cookie
    shared = other_device.get(share)
    assert shared.status_code == 200
    shared_html = shared.content.decode()
    titles = [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'<h2 class="govuk-heading-m lo-shortlist__title"><a[^>]*>(.*?)</a>', shared_html)
    ]
    assert titles == [service.title, sssen.name, guidance.title]
    assert "Save this list in this browser" in shared_html
    assert not shared.cookies

    saved = other_device.post("/shortlist/save/", {"items": share.split("items=")[1]}, HTTP_ORIGIN="http://testserver")
    assert saved.status_code == 303
    assert other_device.cookies[COOKIE_NAME].value == share.split("items=")[1]


def test_the_list_loads_in_a_fixed_number_of_queries(client, loaded_site, django_assert_max_num_queries):
    Contact = apps.get_model("services", "Contact")
    guidance = [f"page-{p.pk}" for p in Page.objects.live().type(apps.get_model("guidance", "GuidancePage"))]
    contacts = [f"contact-{c.pk}" for c in Contact.objects.live()]
    service = f"page-{page_at('/services/sssen/').pk}"
    tokens = guidance + contacts + [service]
    assert len(tokens) >= 10
    # As on a running site: what is kept per generation (site settings, footer links, the
    # contact directory page) has been worked out by an earlier request.
    client.cookies[COOKIE_NAME] = ".".join(tokens)
    client.get("/shortlist/")
    counts = []
    for some in ([guidance[0], contacts[0], service], tokens):
        client.cookies[COOKIE_NAME] = ".".join(some)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = client.get("/shortlist/")
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[1] <= 10, counts
    assert counts[1] == counts[0], counts  # the same queries for 3 items as for all of them
    assert response.content.decode().count("lo-shortlist__item") == len(tokens)


# --- The page cache ----------------------------------------------------------------------------


@override_settings(PAGE_CACHE_ENABLED=True)
def test_a_visitor_with_a_shortlist_gets_the_shared_cached_page_and_does_not_change_it(loaded_site):
    service = page_at("/services/sssen/")
    first = Client().get(service.url)
    assert first["X-Page-Cache"] == "miss"
    html = first.content.decode()
    assert 'action="/shortlist/add/"' in html
    assert f'name="id" value="{service.pk}"' in html
    assert "Added" not in html and "csrfmiddlewaretoken" not in html
    assert not first.cookies

    with_list = Client()
    with_list.cookies[COOKIE_NAME] = f"page-{service.pk}"
    second = with_list.get(service.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert not second.cookies
    assert "Cookie" not in second.get("Vary", "")

    # A visitor with a list who comes first stores the same page everyone gets.
    guidance = page_at("/sen-support/what-is-sen-support/")
    stored = with_list.get(guidance.url)
    assert stored["X-Page-Cache"] == "miss" and not stored.cookies
    plain = Client().get(guidance.url)
    assert plain["X-Page-Cache"] == "hit" and plain.content == stored.content


@override_settings(PAGE_CACHE_ENABLED=True)
def test_the_shortlist_page_is_never_cached(loaded_site):
    service = page_at("/services/sssen/")
    mine = Client()
    mine.cookies[COOKIE_NAME] = f"page-{service.pk}"
    assert service.title in text(mine.get("/shortlist/"))
    again = Client().get("/shortlist/")
    assert "X-Page-Cache" not in again or again["X-Page-Cache"] != "hit"
    assert service.title not in text(again)


def test_contacts_and_guidance_pages_have_the_button_information_pages_do_not(client, loaded_site):
    sssen = contact("sssen")
    directory = page_at("/contacts/")
    contact_html = client.get(sssen.get_url(directory)).content.decode()
    assert 'name="kind" value="contact"' in contact_html and f'name="id" value="{sssen.pk}"' in contact_html
    guidance_html = client.get(page_at("/sen-support/what-is-sen-support/").url).content.decode()
    assert "Add to my shortlist" in guidance_html
    assert 'action="/shortlist/add/"' not in client.get("/cookies/").content.decode()


def test_the_cookies_page_says_when_the_shortlist_cookie_is_set(client, loaded_site):
    html = client.get("/cookies/").content.decode()
    assert "<strong>shortlist</strong>" in html
    assert "only set when you choose ‘Add to my shortlist’" in html
    assert f"{COOKIE_MAX_AGE // 86400} days" in html


def test_only_registered_kinds_are_known():
    assert shortlist.kinds() >= {"page", "contact"}
