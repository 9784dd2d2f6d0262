"""The data files hold English only (docs/content.md): a site with Welsh pages and glossary
terms still exports back to the starter files byte for byte, and loading again creates nothing
and leaves the translations alone. The Welsh words are test words."""

from io import StringIO

from django.core.management import call_command
from wagtail.models import Locale, Page

from guidance.models import GlossaryTerm, GuidanceIndexPage, GuidancePage
from home.models import HomePage
from home.tests.languages import translate
from localoffer.content import STARTER

from .test_loader import files_of, load


def test_a_translated_site_still_round_trips_exactly(starter_site, tmp_path):
    welsh = Locale.objects.get(language_code="cy")
    translate(HomePage.objects.get(locale__language_code="en-gb"), "cy")
    translate(GuidanceIndexPage.objects.get(locale__language_code="en-gb"), "cy")
    page = GuidancePage.objects.get(slug="what-is-sen-support", locale__language_code="en-gb")
    translate(page, "cy", title="Beth yw cymorth AAA?")
    term = GlossaryTerm.objects.filter(locale__language_code="en-gb").first()
    welsh_term = term.copy_for_translation(welsh)
    welsh_term.meaning = "Ystyr prawf."
    welsh_term.save()
    welsh_term.save_revision().publish()
    pages, terms = Page.objects.count(), GlossaryTerm.objects.count()

    call_command("export_local_offer", str(tmp_path / "out"), stdout=StringIO())
    assert files_of(tmp_path / "out") == files_of(STARTER)

    assert "0 new item(s)" in load()
    assert (Page.objects.count(), GlossaryTerm.objects.count()) == (pages, terms)
    welsh_term.refresh_from_db()
    assert welsh_term.meaning == "Ystyr prawf."
