"""The council's languages as Wagtail locales (docs/adopting.md, 'Other languages').

Each language in `WAGTAIL_CONTENT_LANGUAGES` (from `LOCALOFFER_LANGUAGES`) needs a `Locale` row
before editors can translate into it. `ensure_locales()` adds the missing ones after every
`migrate` (localoffer/apps.py) and when the content is loaded; it never removes one, so turning
a language off in the settings keeps its translations in the database.
"""

from django.conf import settings


def ensure_locales(apps=None):
    """Create a Locale for each configured content language that has none. Returns the codes
    added."""
    if apps is None:
        from wagtail.models import Locale
    else:
        Locale = apps.get_model("wagtailcore", "Locale")  # noqa: N806 - a model class
    existing = set(Locale.objects.values_list("language_code", flat=True))
    added = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code not in existing]
    for code in added:
        Locale.objects.create(language_code=code)
    return added
