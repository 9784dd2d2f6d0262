"""The 404 and 500 pages: the site's design, a search box, a contact link, no internal details."""

import pytest
from django.core.cache import cache
from django.test import Client, RequestFactory

from home.models import SiteSettings
from home.views import server_error


def assert_error_page_basics(html):
    assert 'action="/search/"' in html
    assert 'name="q"' in html
    assert "/static/css/main.css" in html
    assert 'href="#main-content"' in html
    assert "Traceback" not in html
    assert "secret internal detail" not in html
    assert "RuntimeError" not in html


def test_404_is_in_the_sites_design_with_search_and_contact(client, loaded_site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert_error_page_basics(html)
    contact_page = SiteSettings.objects.get().contact_page
    assert contact_page is not None
    assert f'href="{contact_page.url}"' in html
    assert html.count('id="not-found-search"') == 1


def test_404_shows_the_contact_email_when_there_is_no_contact_page(client, loaded_site):
    SiteSettings.objects.update(contact_page=None, contact_email="localoffer@example.org")
    html = client.get("/no-such-page/").content.decode()
    assert "mailto:localoffer@example.org" in html


@pytest.mark.urls("localoffer.tests.urls_with_errors")
def test_an_error_gives_the_500_page_without_details(loaded_site):
    cache.clear()
    client = Client(raise_request_exception=False)
    response = client.get("/test-broken-view/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert_error_page_basics(html)
    contact_page = SiteSettings.objects.get().contact_page
    assert f'href="{contact_page.url}"' in html


def test_the_500_page_renders_without_the_database():
    # No `db` fixture: pytest-django refuses every query, as a database that is down would.
    cache.clear()
    request = RequestFactory().get("/anything/")
    response = server_error(request)
    assert response.status_code == 500
    html = response.content.decode()
    assert "Sorry, there is a problem with the service" in html
    assert_error_page_basics(html)
    assert "contact the Local Offer team" not in html


def test_the_500_template_makes_no_queries(db, django_assert_num_queries):
    from django.template.loader import get_template

    with django_assert_num_queries(0):
        html = get_template("500.html").render({"contact_url": "/contact/"})
    assert 'href="/contact/"' in html


def test_a_bad_request_gets_the_sites_400_page(client, db):
    too_many_fields = "&".join(f"f{i}=x" for i in range(1200))
    response = client.get("/search/?" + too_many_fields)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Sorry, we could not understand that request" in html
    assert_error_page_basics(html)


def test_an_unknown_host_gets_the_400_page_without_details(client, db):
    response = client.get("/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Sorry, we could not understand that request" in html
    assert "attacker.example" not in html
    assert "ALLOWED_HOSTS" not in html


def test_a_form_sent_without_its_security_token_gets_a_plain_english_403(db):
    client = Client(enforce_csrf_checks=True)
    # 'Is this page useful?' needs no token (it is checked by Origin instead, so pages can be
    # cached); 'What was missing?' still uses one.
    response = client.post("/feedback/more/abc/", {"comment": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Sorry, your answer was not sent" in html
    assert "CSRF" not in html
    assert_error_page_basics(html)
