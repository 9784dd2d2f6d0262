"""The page cache (issue 10), through the real URLs on the shipped content: anonymous pages come
from the cache without a cookie, signed-in editors never share it, the eligibility check and
search stay out of it, and every kind of edit shows at the next request."""

from unittest import mock

import pytest
from django.test import Client
from wagtail.models import Page

from guidance.models import GlossaryPage, GlossaryTerm, GuidanceIndexPage, GuidancePage
from home.models import HomePage, SiteSettings, YouSaidWeDid
from services.models import CheckerPage, Contact, ContactDirectoryPage, Organisation, ServicePage, TaxonomyTerm

from .conftest import live_pages

pytestmark = pytest.mark.django_db


def fetch_twice(url):
    """A new visitor's first and second request for `url`."""
    client = Client()
    first = client.get(url)
    second = client.get(url)
    return first, second


def assert_shared(response, url):
    assert response.headers.get("X-Page-Cache") == "hit", url
    assert not response.cookies, url
    assert "Set-Cookie" not in response.headers, url
    assert "cookie" not in response.headers.get("Vary", "").lower(), url
    control = response.headers["Cache-Control"]
    assert "public" in control and "s-maxage=" in control, (url, control)


def public_urls():
    directory = ContactDirectoryPage.objects.get()
    contact = Contact.objects.get(slug="sssen")
    urls = [page.url for page in live_pages() if not isinstance(page, CheckerPage)]
    contact_url = contact.get_url(directory)
    return urls + [contact_url, contact_url + "vcard/", "/contacts/?audience=parents", "/no-such-page/"]


def test_every_public_page_comes_from_the_cache_without_a_cookie(loaded_site):
    urls = public_urls()
    assert "/glossary/" in urls and "/contacts/" in urls
    for url in urls:
        first, second = fetch_twice(url)
        assert first.status_code == second.status_code, url
        assert first.status_code in (200, 404), url
        assert first.headers.get("X-Page-Cache") == "miss", url
        assert_shared(second, url)
        assert second.content == first.content, url
    vcard = Client().get(Contact.objects.get(slug="sssen").get_url() + "vcard/")
    assert vcard.headers["Content-Type"].startswith("text/vcard")
    assert "attachment" in vcard.headers["Content-Disposition"]


def test_the_query_string_is_part_of_the_key_in_any_order(loaded_site):
    Client().get("/contacts/?audience=parents&area=north")
    response = Client().get("/contacts/?area=north&audience=parents")
    assert response.headers["X-Page-Cache"] == "hit"
    other = Client().get("/contacts/?audience=schools")
    assert other.headers["X-Page-Cache"] == "miss"


def test_head_is_answered_from_the_cache(loaded_site):
    Client().get("/sen-support/")
    response = Client().head("/sen-support/")
    assert response.status_code == 200
    assert response.headers["X-Page-Cache"] == "hit"
    assert response.content == b""


def test_a_signed_in_editor_never_gets_or_stores_a_cached_page(loaded_site, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    staff = Client()
    staff.force_login(editor)
    url = "/sen-support/what-is-sen-support/"

    for _ in range(2):
        response = staff.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response.headers
        assert "no-store" in response.headers["Cache-Control"] and "private" in response.headers["Cache-Control"]
        assert "wagtail-userbar" in response.content.decode()

    visitor = Client().get(url)  # what the editor saw was not stored
    assert visitor.headers["X-Page-Cache"] == "miss"
    assert "wagtail-userbar" not in visitor.content.decode()
    assert Client().get(url).headers["X-Page-Cache"] == "hit"
    again = staff.get(url)  # and the editor still gets their own page
    assert "X-Page-Cache" not in again.headers
    assert "wagtail-userbar" in again.content.decode()


def test_the_eligibility_check_is_never_stored(loaded_site):
    checker = CheckerPage.objects.get()
    client = Client()
    for url in [checker.url, f"{checker.url}question/school/", f"{checker.url}question/school/?school=yes"]:
        for _ in range(2):
            response = client.get(url)
            assert response.status_code in (200, 302, 400), url
            assert "X-Page-Cache" not in response.headers, url
            assert "no-store" in response.headers["Cache-Control"], url


def test_search_is_counted_and_rate_limited_every_time(loaded_site):
    """Search stays out of the page cache: each search reaches the view, which applies the rate
    limit and counts it (its rankings have their own cache, search/sql.py)."""
    with mock.patch("search.views.record_search") as record:
        responses = [Client().get("/search/?q=ehcp") for _ in range(2)]
    assert record.call_count == 2
    for response in responses:
        assert response.status_code == 200
        assert "X-Page-Cache" not in response.headers
        assert "private" in response.headers["Cache-Control"]


def test_posts_are_never_answered_from_the_cache(loaded_site):
    home = HomePage.objects.get()
    Client().get("/")
    response = Client().post("/feedback/", {"page": home.pk, "useful": "yes", "website": ""})
    assert response.status_code == 302
    assert "X-Page-Cache" not in response.headers


# --- Never stale after an edit ----------------------------------------------------------------


def warm(*urls):
    for url in urls:
        Client().get(url)
        assert Client().get(url).headers["X-Page-Cache"] == "hit", url


def page_text(url):
    response = Client().get(url)
    return response.status_code, response.content.decode()


def retitle_and_check(page):
    """Publish `page` with a new title: the page and its index show it at the next request."""
    page.title = "What SEN Support means for your child"
    page.save_revision().publish()
    for url in (page.url, "/sen-support/"):
        status, html = page_text(url)
        assert status == 200
        assert "What SEN Support means for your child" in html, url
        assert ">What is SEN Support?<" not in html, url
    return (page.url, "/sen-support/")


def test_publishing_a_page_shows_on_the_page_and_its_index(loaded_site):
    page = GuidancePage.objects.get(slug="what-is-sen-support")
    warm(page.url, "/sen-support/")
    retitle_and_check(page)


def test_unpublishing_a_page_removes_it_everywhere(loaded_site):
    page = GuidancePage.objects.get(slug="sen-support-toolkit")
    warm(page.url, "/sen-support/")
    page.unpublish()
    assert page_text(page.url)[0] == 404
    assert "The SEN Support Toolkit" not in page_text("/sen-support/")[1]


def test_moving_a_page_changes_both_addresses(loaded_site):
    page = GuidancePage.objects.get(slug="sen-support-toolkit")
    old_url = page.url
    service = ServicePage.objects.get(slug="sssen")
    warm(old_url, "/sen-support/", service.url)
    page.move(service, pos="last-child")
    page.refresh_from_db()
    old = Client().get(old_url)  # Wagtail leaves a redirect at the old address
    assert (old.status_code, old.headers.get("Location")) in {(404, None), (301, page.url)}
    assert "The SEN Support Toolkit" not in page_text("/sen-support/")[1]
    assert page_text(page.url)[0] == 200
    assert "The SEN Support Toolkit" in page_text(service.url)[1]


def test_deleting_a_page_removes_it_everywhere(loaded_site):
    page = GuidancePage.objects.get(slug="sen-support-toolkit")
    url = page.url
    warm(url, "/sen-support/")
    page.delete()
    assert page_text(url)[0] == 404
    assert "The SEN Support Toolkit" not in page_text("/sen-support/")[1]


def test_publishing_a_contact_shows_on_its_service_page_and_in_the_directory(loaded_site):
    contact = Contact.objects.get(slug="sssen")
    service = ServicePage.objects.get(slug="sssen")
    contact_url = contact.get_url()
    warm(service.url, "/contacts/", contact_url, contact_url + "vcard/")
    contact.phone = "01629 999999"
    contact.save_revision().publish()
    for url in (service.url, "/contacts/", contact_url, contact_url + "vcard/"):
        html = page_text(url)[1]
        assert "01629 999999" in html, url
        assert "01629 532722" not in html, url


def test_publishing_a_glossary_term_changes_every_page_that_explains_it(loaded_site):
    term = GlossaryTerm.objects.get(term="EHC plan")
    page = GuidancePage.objects.get(slug="when-sen-support-is-not-enough")
    assert 'title="Education, Health and Care plan"' in page_text(page.url)[1]
    warm(page.url, "/glossary/")
    term.full_form = "Education, Health and Care (EHC) plan, renamed"
    term.save_revision().publish()
    for url in (page.url, "/glossary/"):
        html = page_text(url)[1]
        assert "Education, Health and Care (EHC) plan, renamed" in html, url


def test_saving_site_settings_changes_every_page(loaded_site):
    urls = ["/", "/sen-support/", "/contacts/", "/no-such-page/"]
    warm(*urls)
    settings_row = SiteSettings.objects.get()
    assert "Privacy" in page_text("/")[1]
    settings_row.service_name = "SEND Local Offer, renamed"
    settings_row.privacy_page = None
    settings_row.save()
    for url in urls:
        html = page_text(url)[1]
        assert "SEND Local Offer, renamed" in html, url
        assert 'href="/privacy/">Privacy</a>' not in html, url


def test_publishing_the_eligibility_check_changes_its_service_page(loaded_site):
    checker = CheckerPage.objects.get()
    service = ServicePage.objects.get(slug="sssen")
    warm(service.url)
    checker.title = "Find out if SSSEN can help your child"
    checker.save_revision().publish()
    assert "Find out if SSSEN can help your child" in page_text(service.url)[1]


def test_editing_the_directory_changes_find_support_and_the_open_data(loaded_site):
    service = ServicePage.objects.get(slug="sssen")
    api = f"/api/openreferral/services/{service.oruk_id}"
    urls = ["/find-support/", "/find-support/?need=cognition-and-learning", api, "/api/openreferral/taxonomy_terms"]
    warm(*urls)
    assert Client().get(api).headers.get("X-Page-Cache") == "hit"
    term = TaxonomyTerm.objects.get(code="cognition-and-learning")
    term.name = "Cognition and learning, renamed"
    term.save()
    organisation = Organisation.objects.get(name="Derbyshire County Council")
    organisation.description = "A description added by an editor."
    organisation.save()
    for url in urls:
        assert "Cognition and learning, renamed" in page_text(url)[1], url
    assert "A description added by an editor." in page_text(api)[1]


def test_publishing_and_unpublishing_a_you_said_we_did_item(loaded_site):
    url = "/you-said-we-did/"
    warm(url)
    item = YouSaidWeDid(you_said="The bus timetable page was hard to find.", we_did="We added a link to it.")
    item.save()
    item.save_revision().publish()
    assert "The bus timetable page was hard to find." in page_text(url)[1]
    warm(url)
    item.unpublish()
    assert "The bus timetable page was hard to find." not in page_text(url)[1]


def test_a_draft_does_not_change_the_live_page(loaded_site):
    page = GuidancePage.objects.get(slug="what-is-sen-support")
    warm(page.url)
    page.title = "A draft title nobody should see"
    page.save_revision()
    html = page_text(page.url)[1]
    assert "A draft title nobody should see" not in html


def test_feedback_does_not_empty_the_cache(loaded_site):
    """Visitors send feedback all day; it is not shown on pages, so it must not make them stale."""
    home = HomePage.objects.get()
    warm("/")
    Client().post("/feedback/", {"page": home.pk, "useful": "yes", "website": ""})
    assert Client().get("/").headers["X-Page-Cache"] == "hit"


# --- CDN and reverse proxy ----------------------------------------------------------------------

PROXY = {"proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://cache:6081"}}


def captured_purges(settings, django_capture_on_commit_callbacks, change):
    settings.WAGTAILFRONTENDCACHE = PROXY
    sent = []
    urlopen = mock.patch("wagtail.contrib.frontend_cache.backends.http.urlopen", side_effect=sent.append)
    with urlopen, django_capture_on_commit_callbacks(execute=True):
        change()
    return sent


def test_publishing_purges_the_changed_pages_from_the_proxy(loaded_site, settings, django_capture_on_commit_callbacks):
    page = GuidancePage.objects.get(slug="what-is-sen-support")

    def change():
        page.title = "What SEN Support means"
        page.save_revision().publish()

    sent = captured_purges(settings, django_capture_on_commit_callbacks, change)
    assert {request.get_method() for request in sent} == {"PURGE"}
    assert {request.full_url.split("://", 1)[0] + "://" + request.host for request in sent} == {"http://cache:6081"}
    paths = {request.selector for request in sent}
    # The page itself, its index (it lists the page), the home page and the rest of the site.
    assert {page.url, "/sen-support/", "/", "/services/sssen/"} <= paths
    assert all(request.get_header("Host") for request in sent)


def test_saving_a_contact_purges_its_pages_in_the_directory(loaded_site, settings, django_capture_on_commit_callbacks):
    contact = Contact.objects.get(slug="sssen")

    def change():
        contact.phone = "01629 999999"
        contact.save_revision().publish()

    paths = {request.selector for request in captured_purges(settings, django_capture_on_commit_callbacks, change)}
    assert {"/contacts/", "/contacts/sssen/", "/contacts/sssen/vcard/", "/services/sssen/"} <= paths


def test_nothing_is_purged_without_a_proxy(loaded_site, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    patched = mock.patch("wagtail.contrib.frontend_cache.backends.http.urlopen")
    with patched as urlopen, django_capture_on_commit_callbacks(execute=True):
        page = GlossaryPage.objects.get()
        page.save_revision().publish()
    urlopen.assert_not_called()


def test_a_proxy_that_cannot_be_reached_does_not_stop_a_publish(
    loaded_site, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = PROXY
    index = GuidanceIndexPage.objects.get()
    down = mock.patch("wagtail.contrib.frontend_cache.backends.http.urlopen", side_effect=OSError("down"))
    with down, django_capture_on_commit_callbacks(execute=True):
        index.title = "SEN Support, renamed"
        index.save_revision().publish()
    assert Page.objects.get(pk=index.pk).title == "SEN Support, renamed"
    assert "SEN Support, renamed" in page_text("/sen-support/")[1]


def test_with_redis_a_worker_answers_from_its_memory_and_a_publish_shows_at_once(loaded_site, redis_page_cache):
    """Production's cache (Redis, watched: home/cache_watch.py): a page this worker has served
    costs no Redis read, and a publish still shows at the next request, on the page and its
    index."""
    from django_redis.client import DefaultClient

    page = GuidancePage.objects.get(slug="what-is-sen-support")
    warm(page.url, "/sen-support/")

    def no_round_trip(*args, **kwargs):
        raise AssertionError("a cached page asked Redis")

    with (
        mock.patch.object(DefaultClient, "get", no_round_trip),
        mock.patch.object(DefaultClient, "get_many", no_round_trip),
    ):
        for url in (page.url, "/sen-support/"):
            assert Client().get(url).headers["X-Page-Cache"] == "hit", url

    for url in retitle_and_check(page):  # the new page, stored again, is a hit once more
        assert Client().get(url).headers["X-Page-Cache"] == "hit", url
