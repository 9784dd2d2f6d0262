"""The Local Offer without the internet (regulation 57): the settings, the page that shows them,
the footer link on every page, other-format versions on any page, and the print-only block."""

import re

import pytest
from django.core.files.base import ContentFile
from django.test.utils import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Page

from home.models import AlternativeFormat, DocumentFormat, OfflineAccessPage, SiteSettings

pytestmark = pytest.mark.django_db

TITLE = "Get this information without the internet or in another format"


@pytest.fixture
def loaded_site(starter_site):
    """The starter content (loaded once for the session, see conftest.py)."""


def words(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def test_the_starter_content_has_the_page_at_a_fixed_address(client, loaded_site):
    page = OfflineAccessPage.objects.live().get()
    assert page.url == "/other-formats/"
    assert page.title == TITLE
    response = client.get(page.url)
    assert response.status_code == 200
    # Nothing about phone, post or formats is in the seeds, so nothing is invented: the page says
    # the council will add it.
    assert "The council will add here how to get this information" in words(response)


PATHS = ["/", "/cookies/", "/services/sssen/", "/sen-support/what-is-sen-support/", "/contacts/", "/shortlist/"]


@pytest.mark.parametrize("path", PATHS)
def test_every_page_footer_links_to_it(client, loaded_site, path):
    html = client.get(path).content.decode()
    footer = html[html.index("<footer") :]
    assert f'<a class="govuk-footer__link" href="/other-formats/">{TITLE}</a>' in footer


def test_the_page_shows_what_the_settings_say(client, loaded_site):
    settings = SiteSettings.objects.get()
    settings.contact_phone = "01234 567890"
    settings.offline_phone_hours = "Monday to Friday, 9am to 5pm"
    settings.offline_address = "Local Offer team\nCounty Hall\nAB1 2CD"
    settings.offline_in_person = "Ask at any library."
    settings.easy_read = "Ask the team for an easy read version."
    settings.other_languages = "We can arrange an interpreter."
    settings.save()
    text = words(client.get("/other-formats/"))
    assert "By phone" in text and "01234 567890" in text  # the team's number when there is no other
    assert "Monday to Friday, 9am to 5pm" in text
    assert "By post" in text and "County Hall" in text
    assert "In person" in text and "Ask at any library." in text
    assert "Easy read" in text and "Ask the team for an easy read version." in text
    assert "Other languages" in text and "interpreter" in text
    assert "Large print" not in text  # empty: not shown
    assert "The council will add here" not in text

    settings.offline_phone = "0300 000 0000"
    settings.save()
    assert "0300 000 0000" in words(client.get("/other-formats/"))


def test_other_formats_on_any_page_with_format_language_and_size(client, loaded_site, django_assert_max_num_queries):
    Document = get_document_model()
    document = Document(title="What is SEN Support? (easy read)")
    document.file.save("easy-read.pdf", ContentFile(b"%PDF-1.4 " + b"x" * 2048), save=False)
    document.save()
    page = Page.objects.get(url_path="/home/sen-support/what-is-sen-support/").specific
    page.alternative_formats.add(AlternativeFormat(document=document, format=DocumentFormat.EASY_READ))
    page.alternative_formats.add(
        AlternativeFormat(document=document, format=DocumentFormat.TRANSLATION, language="Polski (Polish)")
    )
    page.save_revision().publish()

    text = words(client.get(page.url))
    assert "This page in other formats" in text
    assert "Easy read: What is SEN Support? (easy read) (English, PDF, 2.0 KB)" in text
    assert "Another language: What is SEN Support? (easy read) (Polski (Polish), PDF, 2.0 KB)" in text
    assert "This page in other formats" not in words(client.get("/cookies/"))
    # The editors' tab for it is on every page type.
    tabs = [child.heading for child in type(page).get_edit_handler().children]
    assert tabs == ["Content", "Promote", "Other formats", "Settings"]
    with override_settings(PAGE_CACHE_ENABLED=False):
        client.get(page.url)  # fills what every page shares, as on a running site
        with django_assert_max_num_queries(10):
            assert "This page in other formats" in client.get(page.url).content.decode()


def test_every_page_has_a_print_only_block_with_title_review_date_and_phone(client, loaded_site):
    settings = SiteSettings.objects.get()
    settings.contact_phone = "01234 567890"
    settings.save()
    page = Page.objects.get(url_path="/home/sen-support/what-is-sen-support/").specific
    html = client.get(page.url).content.decode()
    block = re.search(r'<div class="lo-print-only">(.*?)</div>', html, re.S).group(1)
    assert page.title in block
    assert f"Last reviewed: {page.last_reviewed:%-d %B %Y}" in block
    assert "01234 567890" in block
    assert f"http://testserver{page.url}" in block
