"""The glossary in each language (issue 12): a glossary term is translated like a page (the same
slug, its own words); the Welsh glossary page shows the Welsh terms, and the English ones that
have no Welsh yet, marked as English. The Welsh words are test words."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale

from guidance.models import GlossaryPage, GlossaryTerm
from home.tests.helpers import make_site
from home.tests.languages import translate

pytestmark = pytest.mark.django_db

WELSH_MEANING = "Ystyr prawf yn Gymraeg."  # test words


def publish_term(**fields):
    term = GlossaryTerm(**fields)
    term.full_clean()
    term.save()
    term.save_revision().publish()
    return term


@pytest.fixture
def glossary():
    cache.clear()
    home, _info = make_site()
    page = GlossaryPage(title="Glossary", slug="glossary")
    home.add_child(instance=page)
    page.save_revision().publish()
    senco = publish_term(
        term="SENCO", full_form="Special educational needs co-ordinator", meaning="English meaning.", slug="senco"
    )
    publish_term(term="EHCP", full_form="Education, health and care plan", meaning="Only in English.", slug="ehcp")
    welsh = Locale.objects.get(language_code="cy")
    translate(home, "cy")
    translate(page, "cy", title="Geirfa")
    welsh_senco = senco.copy_for_translation(welsh)
    welsh_senco.full_form = "Cydlynydd anghenion addysgol arbennig"
    welsh_senco.meaning = WELSH_MEANING
    welsh_senco.save()
    welsh_senco.save_revision().publish()
    return senco, welsh_senco


def test_existing_and_new_terms_are_english(glossary):
    senco, welsh_senco = glossary
    assert senco.locale.language_code == "en-gb"
    assert welsh_senco.locale.language_code == "cy"
    assert welsh_senco.translation_key == senco.translation_key and welsh_senco.slug == senco.slug


def test_welsh_glossary_shows_welsh_terms_and_untranslated_english_ones(client, glossary):
    html = client.get("/cy/glossary/").content.decode()
    assert WELSH_MEANING in html
    assert "English meaning." not in html
    # EHCP has no Welsh yet: the English entry is there, marked as English.
    assert '<div class="lo-glossary__entry" id="ehcp" lang="en-GB" dir="ltr">' in html
    assert '<div class="lo-glossary__entry" id="senco">' in html


def test_english_glossary_is_unchanged(client, glossary):
    html = client.get("/glossary/").content.decode()
    assert "English meaning." in html and "Only in English." in html
    assert WELSH_MEANING not in html
    assert 'id="ehcp" lang=' not in html


def test_the_same_term_may_be_in_two_languages_but_not_twice_in_one(glossary):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        GlossaryTerm(term="SENCO", meaning="Again.", slug="senco-2").full_clean()
    assert "term" in error.value.message_dict
