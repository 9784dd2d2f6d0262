"""The council's languages are a setting (LOCALOFFER_LANGUAGES, docs/adopting.md)."""

import pytest
from wagtail.models import Locale

from localoffer.locales import ensure_locales
from localoffer.settings.base import council_languages


def test_council_languages_put_english_first_and_refuse_unknown_codes():
    assert council_languages([]) == [("en-gb", "English")]
    assert council_languages(["CY", "en-gb", "cy"]) == [("en-gb", "English"), ("cy", "Cymraeg")]
    with pytest.raises(ValueError, match="xx"):
        council_languages(["xx"])


@pytest.mark.django_db
def test_ensure_locales_adds_only_the_missing_ones_and_removes_none(settings):
    Locale.objects.filter(language_code="ur").delete()
    Locale.objects.create(language_code="fr")
    assert ensure_locales() == ["ur"]
    assert ensure_locales() == []
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en-gb", "cy", "ur", "fr"}
