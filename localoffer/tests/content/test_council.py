"""Another council adopts the portal with no code change: its name, area, brand colour, contact
details and footer come from the site settings, and the check asks about its area."""

import pytest
from django.core.exceptions import ValidationError

from home.models import SiteSettings, contrast_with_white
from services.models import CheckerPage

TEST_COUNCIL = {
    "council_name": "Testshire Council",
    "area_name": "Testshire",
    "council_url": "https://www.example.org/testshire",
    "service_name": "Testshire Families' Local Offer",
    "brand_colour": "#1d4f91",
    "contact_email": "localoffer@example.org",
    "contact_phone": "0100 000 0000",
    "contact_address": "Testshire Council\nTown Hall\nTestbury",
    "footer_text": "<p>Open Monday to Friday.</p>",
}


@pytest.fixture
def test_council(starter_site):
    settings = SiteSettings.objects.get()
    for name, value in TEST_COUNCIL.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()
    return settings


def test_the_starter_names_the_seeds_council_and_area(client, starter_site):
    settings = SiteSettings.objects.get()
    assert (settings.council_name, settings.area_name) == ("Derbyshire County Council", "Derbyshire")
    assert settings.brand_colour == ""  # not in the seeds: GOV.UK green
    html = client.get("/").content.decode()
    assert "brand.css" not in html
    assert '<meta name="theme-color" content="#00703c">' in html


def test_a_test_council_renders_with_its_own_name_colour_and_details(client, test_council):
    html = client.get("/").content.decode()
    assert "Derbyshire County Council" not in html.split("<main")[0]  # the header is the council's
    assert '<span class="lo-header__council">Testshire Council</span>' in html
    assert "Testshire Families&#x27; Local Offer" in html
    assert "– Testshire Families&#x27; Local Offer – Testshire Council</title>" in html
    assert '<meta name="theme-color" content="#1d4f91">' in html
    assert '<link rel="stylesheet" href="/brand.css?colour=1d4f91">' in html
    assert 'href="mailto:localoffer@example.org"' in html and 'href="tel:01000000000"' in html
    assert "Town Hall<br>Testbury" in html
    assert "Open Monday to Friday." in html
    published = '<a class="govuk-footer__link" href="https://www.example.org/testshire">Testshire Council</a>'
    assert f"Published by {published}" in html

    css = client.get("/brand.css")
    assert css.status_code == 200 and css["Content-Type"].startswith("text/css")
    assert css.content.decode().strip() == ":root { --govuk-brand-colour: #1d4f91; }"


def test_the_check_asks_about_the_councils_area(client, test_council):
    checker = CheckerPage.objects.get(slug="check-if-your-child-can-get-sssen-support")
    html = client.get(checker.url + "question/in-derbyshire/?school=primary").content.decode()
    assert "Is your child&#x27;s school or nursery in Testshire?" in html
    assert "{area}" not in html
    assert "in Derbyshire?" not in html


@pytest.mark.parametrize(
    ("colour", "problem"),
    [("#ffdd00", "contrast ratio"), ("green", "six hexadecimal digits"), ("#12345", "six hexadecimal digits")],
)
def test_a_brand_colour_white_text_cannot_read_is_refused(starter_site, colour, problem):
    settings = SiteSettings.objects.get()
    settings.brand_colour = colour
    with pytest.raises(ValidationError, match=problem):
        settings.full_clean()
    assert settings.brand_colour_css == ("" if not colour.startswith("#ffdd00") else "#ffdd00")


def test_contrast_with_white():
    assert contrast_with_white("#000000") == pytest.approx(21)
    assert contrast_with_white("#ffffff") == pytest.approx(1)
    assert contrast_with_white("#00703c") > 4.5
