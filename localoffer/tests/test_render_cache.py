"""What keeps an uncached render cheap (issue 10): the page found for a path and the page's
explained content (`{% explain_terms %}`), kept with the page cache's generation. With the page
cache itself off, so every request renders: an edit shows at the very next request, a signed-in
editor never gets or leaves anything kept, and the eligibility check's answers are never kept."""

import copy
from unittest import mock

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from guidance.models import GlossaryTerm, GuidanceIndexPage, GuidancePage
from guidance.templatetags.glossary import ExplainTermsNode
from home.cache import cached_fragment, fragment_key
from home.models import SiteSettings
from services.models import CheckerPage, Contact, ServicePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def uncached(settings, loaded_site):
    settings.PAGE_CACHE_ENABLED = False


def renders_of_content(client, url):
    """How many times the page's content was rendered (not taken from the cache) for one GET,
    and the response."""
    with mock.patch.object(ExplainTermsNode, "explain", autospec=True, side_effect=ExplainTermsNode.explain) as spy:
        response = client.get(url)
    return spy.call_count, response


def warm(*urls):
    for url in urls:
        Client().get(url)
        renders, response = renders_of_content(Client(), url)
        assert renders == 0, url  # the second visitor's render used the kept content
        assert response.status_code == 200, url


def text(url):
    renders, response = renders_of_content(Client(), url)
    assert renders == 1, url  # the edit made the kept content stale
    return response.content.decode()


def test_the_second_render_uses_the_kept_content_and_route(uncached, django_assert_max_num_queries):
    url = GuidancePage.objects.get(slug="what-is-sen-support").url
    first = Client().get(url)
    with django_assert_max_num_queries(1):
        renders, second = renders_of_content(Client(), url)
    assert renders == 0
    assert second.content == first.content
    assert "X-Page-Cache" not in second.headers


def test_publishing_a_page_shows_at_once(uncached):
    page = GuidancePage.objects.get(slug="what-is-sen-support")
    index = GuidanceIndexPage.objects.get()
    warm(page.url, index.url)
    page.title = "What SEN Support means for your child"
    page.save_revision().publish()
    for url in (page.url, index.url):
        assert "What SEN Support means for your child" in text(url), url


def test_a_new_page_and_an_unpublished_page_are_found_at_once(uncached):
    index = GuidanceIndexPage.objects.get()
    assert Client().get(index.url + "a-new-page/").status_code == 404
    page = GuidancePage.objects.get(slug="sen-support-toolkit")
    warm(page.url)
    new = index.add_child(instance=GuidancePage(title="A new page", slug="a-new-page", summary="New."))
    new.save_revision().publish()
    assert Client().get(new.url).status_code == 200
    page.unpublish()
    assert Client().get(page.url).status_code == 404


def test_a_contact_a_glossary_term_and_the_site_settings_show_at_once(uncached):
    service = ServicePage.objects.get(slug="sssen")
    explained = GuidancePage.objects.get(slug="when-sen-support-is-not-enough")
    warm(service.url, explained.url, "/")

    contact = Contact.objects.get(slug="sssen")
    contact.phone = "01629 999999"
    contact.save_revision().publish()
    assert "01629 999999" in text(service.url)

    warm(explained.url)
    term = GlossaryTerm.objects.get(term="EHC plan")
    term.full_form = "Education, Health and Care (EHC) plan, renamed"
    term.save_revision().publish()
    assert "Education, Health and Care (EHC) plan, renamed" in text(explained.url)

    warm("/")
    settings_row = SiteSettings.objects.get()
    settings_row.service_name = "SEND Local Offer, renamed"
    settings_row.contact_phone = "01629 111111"
    settings_row.save()
    home = text("/")
    assert "SEND Local Offer, renamed" in home
    footer = home[home.index('<footer class="govuk-footer">') :]  # kept for the whole site
    assert "Contact the SEND Local Offer, renamed team" in footer
    assert "01629 111111" in footer
    assert "01629 111111" in Client().get(service.url).content.decode()


def test_a_signed_in_editor_never_gets_or_leaves_kept_content(uncached, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    staff = Client()
    staff.force_login(editor)
    url = GuidancePage.objects.get(slug="what-is-sen-support").url
    warm(url)
    for _ in range(2):  # kept content is there, but the editor's page is rendered for them
        renders, response = renders_of_content(staff, url)
        assert renders == 1
        assert "wagtail-userbar" in response.content.decode()

    other = GuidancePage.objects.get(slug="sen-support-toolkit").url
    staff.get(other)  # what the editor rendered is not kept for visitors
    assert renders_of_content(Client(), other)[0] == 1


def test_the_eligibility_checks_steps_are_never_kept(uncached):
    checker = CheckerPage.objects.get()
    for url in [f"{checker.url}question/school/", f"{checker.url}question/school/?school=yes"]:
        for _ in range(2):
            renders, response = renders_of_content(Client(), url)
            assert response.status_code in (200, 302, 400), url
            if response.status_code == 200:
                assert renders == 1, url
                assert "no-store" in response.headers["Cache-Control"], url


def test_kept_content_is_keyed_by_address_query_and_language(settings):
    settings.ALLOWED_HOSTS = ["localhost"]
    factory = RequestFactory(HTTP_HOST="localhost")
    key = fragment_key(factory.get("/sen-support/?a=1&b=2"), "content")
    assert key == fragment_key(factory.get("/sen-support/?b=2&a=1"), "content")
    assert key != fragment_key(factory.get("/sen-support/"), "content")
    assert key != fragment_key(factory.get("/services/"), "content")
    with translation.override("cy"):
        assert key != fragment_key(factory.get("/sen-support/?a=1&b=2"), "content")
    signed_in = factory.get("/sen-support/")
    signed_in.COOKIES[settings.SESSION_COOKIE_NAME] = "x"
    assert fragment_key(signed_in, "content") is None
    assert fragment_key(factory.post("/sen-support/"), "content") is None
    assert fragment_key(factory.get("/search/?q=sen"), "content") is None


def test_the_checks_questions_change_at_once(uncached):
    checker = CheckerPage.objects.get()
    url = f"{checker.url}question/school/"
    assert Client().get(url).status_code == 200
    assert "Where does your child go to school or nursery?" in Client().get(url).content.decode()
    questions = copy.deepcopy(list(checker.questions.raw_data))
    questions[0]["value"]["question"] = "Which school or nursery in {area} does your child go to?"
    checker.questions = questions
    checker.save_revision().publish()
    assert "Which school or nursery in" in Client().get(url).content.decode()
    settings_row = SiteSettings.objects.get()
    settings_row.area_name = "Renamedshire"
    settings_row.save()
    assert "Which school or nursery in Renamedshire does" in Client().get(url).content.decode()


def test_the_footer_is_kept_for_every_page_of_the_site(uncached):
    from home.templatetags import page_fragments

    rendered = []

    def spy(request, name, render, per_page=True):
        def counted():
            rendered.append(request.path)
            return render()

        return cached_fragment(request, name, counted, per_page)

    first = GuidancePage.objects.get(slug="what-is-sen-support").url
    other = ServicePage.objects.get(slug="sssen").url
    with mock.patch.object(page_fragments, "cached_fragment", spy):
        Client().get(first)
        Client().get(other)  # another page, the same footer
    assert rendered == [first]
