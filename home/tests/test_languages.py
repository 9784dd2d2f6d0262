"""Other languages (issue 12, part 3): English at the root, Welsh under /cy/ and Urdu (right to
left) under /ur/; `lang`, `dir`, `hreflang`, the switcher and the 'not translated yet' notice.
The language comes from the address only, so the page cache keeps one page per address."""

import re

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Locale

from home.models import InformationPage

from .helpers import make_site
from .languages import translate

pytestmark = pytest.mark.django_db

WELSH_TITLE = "Ynglŷn â'r wefan hon"  # test words
URDU_TITLE = "اس ویب سائٹ کے بارے میں"  # test words


@pytest.fixture
def site():
    cache.clear()
    home, info = make_site()
    return home, info


@pytest.fixture
def welsh(site):
    home, info = site
    welsh_home = translate(home, "cy")
    welsh_info = translate(info, "cy", title=WELSH_TITLE, summary="Beth yw pwrpas y wefan hon.")
    return welsh_home, welsh_info


@pytest.fixture
def urdu(site, welsh):
    home, info = site
    urdu_home = translate(home, "ur")
    urdu_info = translate(info, "ur", title=URDU_TITLE)
    return urdu_home, urdu_info


def html_tag(html):
    return re.search(r"<html[^>]*>", html).group(0)


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_the_council_languages_are_settings():
    assert settings.LANGUAGE_CODE == "en-gb"
    assert dict(settings.LANGUAGES) == {"en-gb": "English", "cy": "Cymraeg", "ur": "اردو"}
    assert settings.WAGTAIL_CONTENT_LANGUAGES == settings.LANGUAGES
    assert settings.WAGTAIL_I18N_ENABLED
    assert not getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None)
    # migrate made a locale for each of them (localoffer/locales.py)
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"en-gb", "cy", "ur"}


def test_welsh_page_is_served_under_cy_with_lang_and_hreflang_both_ways(client, site, welsh):
    _home, info = site
    _welsh_home, welsh_info = welsh
    assert welsh_info.url == "/cy/about/"
    response = client.get("/cy/about/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="cy"' in html_tag(html) and 'dir="ltr"' in html_tag(html)
    assert response["Content-Language"] == "cy"
    assert "<h1" in html and WELSH_TITLE.replace("'", "&#x27;") in html
    links = alternates(html)
    assert links == {
        "en-GB": "http://localhost/about/",
        "cy": "http://localhost/cy/about/",
        "x-default": "http://localhost/about/",
    }
    # ... and the English page names the Welsh one.
    english = client.get("/about/").content.decode()
    assert 'lang="en-GB"' in html_tag(english)
    assert alternates(english) == links
    assert "not been translated" not in html + english


def test_switcher_links_each_language_with_hreflang_and_marks_the_current_one(client, site, welsh):
    html = client.get("/cy/about/").content.decode()
    switcher = re.search(r'<nav class="lo-language-switcher".*?</nav>', html, re.S).group(0)
    assert 'aria-label="Languages"' in switcher
    assert '<a class="govuk-link" href="/about/" hreflang="en-GB" lang="en-GB" rel="alternate">English</a>' in switcher
    assert '<span class="lo-language-switcher__current" aria-current="true" lang="cy">Cymraeg</span>' in switcher
    # The frame around the content (header, footer) is English and says so.
    assert re.search(r'<header class="lo-header" role="banner" lang="en-GB" dir="ltr">', html)


def test_urdu_page_is_right_to_left(client, site, urdu):
    response = client.get("/ur/about/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="ur"' in html_tag(html) and 'dir="rtl"' in html_tag(html)
    assert URDU_TITLE in html
    assert set(alternates(html)) == {"en-GB", "cy", "ur", "x-default"}
    assert 'hreflang="ur" lang="ur"' in client.get("/about/").content.decode()


def test_no_switcher_or_hreflang_on_a_page_without_translations(client, site):
    html = client.get("/about/").content.decode()
    assert "lo-language-switcher" not in html
    assert "hreflang" not in html
    assert 'lang="en-GB"' in html_tag(html) and 'dir="ltr"' in html_tag(html)
    assert html.count('lang="en-GB"') == 1  # only <html>: the whole page is English


def test_page_reached_in_a_language_it_is_not_in_says_so_and_links_to_english(client, site):
    home, info = site
    translate(home, "cy")  # Welsh home page only
    untranslated = InformationPage(title="Only in English", slug="only-english", summary="Not translated.")
    home.add_child(instance=untranslated)
    untranslated.save_revision().publish()
    # wagtail-localize keeps untranslated pages in the Welsh tree as aliases of the English page.
    welsh_home = home.get_translation(Locale.objects.get(language_code="cy"))
    alias = untranslated.create_alias(parent=welsh_home, update_locale=welsh_home.locale, reset_translation_key=False)
    alias.refresh_from_db()
    assert alias.url == "/cy/only-english/"
    html = client.get("/cy/only-english/").content.decode()
    assert 'lang="en-GB"' in html_tag(html)  # what it shows is English
    notice = re.search(r'<div class="govuk-inset-text lo-untranslated".*?</div>', html, re.S).group(0)
    assert "This page has not been translated into Welsh yet." in notice
    link = '<a class="govuk-link" href="/only-english/" hreflang="en-GB" lang="en-GB">Read this page in English</a>'
    assert link in notice
    assert "lo-untranslated" not in client.get("/only-english/").content.decode()


def test_language_comes_from_the_address_only(client, site, welsh):
    response = client.get("/about/", HTTP_ACCEPT_LANGUAGE="cy")
    assert response.status_code == 200
    assert 'lang="en-GB"' in html_tag(response.content.decode())
    assert "Accept-Language" not in response.get("Vary", "")
    assert not response.cookies
    home = client.get("/", HTTP_ACCEPT_LANGUAGE="cy,ur;q=0.8")
    assert home.status_code == 200 and 'lang="en-GB"' in html_tag(home.content.decode())


def test_page_cache_keeps_one_entry_per_language(client, site, welsh):
    client.get("/")  # the first request makes the site settings (a content change)
    assert client.get("/cy/about/")["X-Page-Cache"] == "miss"
    welsh_again = client.get("/cy/about/")
    assert welsh_again["X-Page-Cache"] == "hit"
    english = client.get("/about/", HTTP_ACCEPT_LANGUAGE="cy")
    assert english["X-Page-Cache"] == "miss"  # not the Welsh page from the cache
    assert 'lang="en-GB"' in html_tag(english.content.decode())
    for response in (welsh_again, english):
        assert "Accept-Language" not in response.get("Vary", "")
        assert not response.cookies
        assert "public" in response["Cache-Control"]


def test_welsh_search_address_is_not_kept_by_the_page_cache(client, site, welsh):
    response = client.get("/cy/search/", {"q": "wefan"})
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    # The search page is the site's English words; the Welsh results say they are Welsh.
    html = response.content.decode()
    assert 'lang="en-GB"' in html_tag(html)
    assert re.search(
        r'<h3 class="govuk-heading-m[^"]*" lang="cy" dir="ltr"><a class="govuk-link" href="/cy/about/">', html
    )


def test_admin_preview_of_a_welsh_page_is_not_called_untranslated(site, welsh):
    _welsh_home, welsh_info = welsh
    response = welsh_info.make_preview_request()  # the admin works in English
    response.render()
    html = response.content.decode()
    assert 'lang="cy"' in html_tag(html)
    assert "lo-untranslated" not in html
