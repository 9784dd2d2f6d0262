"""Test helpers for other languages: translate a page into Welsh or Urdu the way
wagtail-localize does it (a copy in the other locale with the same translation key), then
publish it. The words are test words, not shipped content."""

from wagtail.models import Locale


def translate(page, code, **fields):
    """Publish a translation of `page` into the language `code`, with `fields` changed. The
    parent must be translated first (the home page is the root of each language's tree)."""
    translated = page.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific
