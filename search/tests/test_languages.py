"""Search in each language (issue 12): a search under /cy/ looks only at the Welsh pages, and
the English search only at the English ones. The Welsh words are test words."""

import re

import pytest
from wagtail.models import Page

from guidance.models import GuidanceIndexPage, GuidancePage
from home.models import HomePage
from home.tests.languages import translate

WELSH_TITLE = "Pecyn cymorth anghenion addysgol arbennig"  # test words


def result_urls(response):
    return re.findall(
        r'<h3 class="govuk-heading-m[^"]*"[^>]*><a class="govuk-link" href="([^"]+)"', response.content.decode()
    )


@pytest.fixture
def welsh_toolkit(content):
    translate(HomePage.objects.get(), "cy")
    translate(GuidanceIndexPage.objects.get(), "cy")
    page = GuidancePage.objects.get(slug="sen-support-toolkit")
    return translate(page, "cy", title=WELSH_TITLE, summary="Tudalen brawf yn Gymraeg.")


def test_welsh_search_finds_the_welsh_page_and_not_the_english_one(client, welsh_toolkit):
    response = client.get("/cy/search/", {"q": "anghenion"})
    assert response.status_code == 200
    assert result_urls(response) == ["/cy/sen-support/sen-support-toolkit/"]
    assert 'lang="cy" dir="ltr"><a class="govuk-link" href="/cy/sen-support/sen-support-toolkit/"' in response.text
    # English words find nothing in Welsh: only the Welsh pages are searched.
    english_words = client.get("/cy/search/", {"q": "toolkit"})
    assert "/sen-support/sen-support-toolkit/" not in result_urls(english_words)
    assert all(url.startswith("/cy/") for url in result_urls(english_words))


def test_english_search_never_shows_a_welsh_page(client, welsh_toolkit):
    english = client.get("/search/", {"q": "toolkit"})
    assert "/sen-support/sen-support-toolkit/" in result_urls(english)
    assert not any(url.startswith("/cy/") for url in result_urls(english))
    assert "/cy/" not in " ".join(result_urls(client.get("/search/", {"q": "anghenion"})))


def test_welsh_search_sections_are_the_welsh_sections(client, welsh_toolkit):
    html = client.get("/cy/search/", {"q": "anghenion"}).content.decode()
    welsh_home = Page.objects.get(depth=2, locale__language_code="cy")
    assert welsh_home.get_children().count() == 1  # only the guidance index is translated
    assert 'value="sen-support"' in html
    assert 'value="services"' not in html
