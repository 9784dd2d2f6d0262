import pytest

from home.models import HomePage, InformationPage, SiteSettings


@pytest.fixture
def loaded_site(starter_site):
    """The starter content (loaded once for the session, see conftest.py)."""


def test_home_page_renders_with_ways_in(client, loaded_site):
    response = client.get("/")
    assert response.status_code == 200
    assert [t.name for t in response.templates][0] == "home/home_page.html"
    html = response.content.decode()
    assert "For parents and carers" in html
    assert "For schools and settings" in html
    assert "/admin/login/" in html
    assert html.count("<main") == 1
    assert 'href="#main-content"' in html


def test_footer_links_come_from_site_settings(client, loaded_site):
    settings = SiteSettings.objects.get()
    assert settings.cookies_page is not None
    html = client.get("/").content.decode()
    assert f'href="{settings.cookies_page.url}"' in html
    assert "Accessibility statement" in html


def test_information_page_shows_last_updated(client, loaded_site):
    page = InformationPage.objects.get(slug="cookies")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Last updated:" in response.content.decode()


def test_home_page_only_under_root():
    assert HomePage.max_count == 1
    assert [m._meta.label for m in InformationPage.allowed_parent_page_models()] == ["home.HomePage"]
