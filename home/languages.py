"""The languages a page is in, for the language switcher, `hreflang` and `lang`/`dir`.

The council's languages are settings (`LANGUAGES`, from `LOCALOFFER_LANGUAGES`); English is the
default and lives at the root, the others under their prefix (/cy/, /ur/). Pages are translated
with wagtail-localize: a translation is a page with the same `translation_key` in another locale.
A page that wagtail-localize keeps in a language's tree before anyone has translated it is an
*alias* of the English page: its content is still English, so it says so (`untranslated`).

Everything here is kept with the page cache's generation (home/cache.py), so a page costs no
query for it once the small caches are warm.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation

from .cache import for_generation
from .routing import public_only


def bcp47(code):
    """A Django language code as an HTML `lang` value: "en-gb" -> "en-GB", "zh-hans" -> "zh-Hans"."""
    first, _, rest = code.partition("-")
    if not rest:
        return first
    return f"{first}-{rest.upper() if len(rest) == 2 else rest.title()}"


def language_name(code):
    """The language's name in its own language (the switcher's words)."""
    return dict(settings.LANGUAGES).get(code) or translation.get_language_info(code)["name_local"]


def english_name(code):
    """The language's name in English ("Welsh"), for the untranslated notice."""
    try:
        return translation.get_language_info(code)["name"]
    except KeyError:
        return language_name(code)


def is_rtl(code):
    try:
        return bool(translation.get_language_info(code)["bidi"])
    except KeyError:
        return False


def locale_codes():
    """{locale id: language code} for every Wagtail locale."""
    from wagtail.models import Locale

    return for_generation("locale-codes", lambda: dict(Locale.objects.values_list("pk", "language_code")))


@dataclass
class Version:
    code: str
    name: str
    url: str
    full_url: str
    lang: str = ""

    def __post_init__(self):
        self.lang = bcp47(self.code)


@dataclass
class PageLanguages:
    """What the page frame needs to know about the page's languages."""

    content_language: str  # the language of what the page shows
    versions: list = field(default_factory=list)  # live translations, in LANGUAGES order

    def version(self, code):
        return next((v for v in self.versions if v.code == code), None)


def _compute(page):
    from wagtail.models import Page

    codes = locale_codes()
    content_locale = page.locale_id
    if page.alias_of_id:
        content_locale = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", flat=True).first()
    order = [code for code, _name in settings.LANGUAGES]
    versions = []
    translations = Page.objects.filter(translation_key=page.translation_key, live=True, alias_of__isnull=True)
    for other in translations.only("pk", "url_path", "locale_id", "translation_key"):
        code = codes.get(other.locale_id)
        parts = other.get_url_parts()
        if code not in order or not parts or parts[2] is None:
            continue
        _site, root_url, path = parts
        versions.append(Version(code, language_name(code), path, f"{root_url}{path}"))
    versions.sort(key=lambda v: order.index(v.code))
    return PageLanguages(codes.get(content_locale, settings.LANGUAGE_CODE), versions)


def page_languages(page):
    """The `PageLanguages` of a Wagtail page (kept until the next content change)."""
    if len(settings.LANGUAGES) < 2:
        return PageLanguages(settings.LANGUAGE_CODE)
    return for_generation(f"languages:{page.pk}", lambda: _compute(page))


def _locale_ids():
    """{language code: locale id}."""
    return {code: pk for pk, code in locale_codes().items()}


def active_locale_id():
    """The id of the active language's locale (English's if it has none), without a query once
    the small caches are warm."""
    from wagtail.coreutils import get_supported_content_language_variant

    ids = _locale_ids()
    try:
        code = get_supported_content_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        code = settings.LANGUAGE_CODE
    return ids.get(code) or ids.get(settings.LANGUAGE_CODE)


def localized(page):
    """The live translation of `page` in the active language, or `page` itself (as Wagtail's
    `Page.localized`, without its query for the locale)."""
    locale_id = active_locale_id()
    if page is None or locale_id is None or page.locale_id == locale_id:
        return page
    translated = (
        type(page)._default_manager.filter(translation_key=page.translation_key, locale_id=locale_id, live=True).first()
    )
    return translated or page


def in_active_language(queryset):
    """`queryset` (pages or translatable snippets) limited to the active language."""
    return queryset.filter(locale_id=active_locale_id())


def prefer_active_language(queryset):
    """The first item of `queryset` in the active language, or else in English (for the one
    glossary page or directory a listing links to)."""
    found = in_active_language(queryset).first()
    if found is None:
        found = queryset.filter(locale_id=default_locale_id()).first()
    return found


def site_page(model, *, public=False):
    """The site's live page of `model`, a type it has one of ('Find support', the contact
    directory...), in the active language or else in English (`prefer_active_language`); with
    `public`, only if it is not private. Kept until the next content change, per language:
    links and listings on many pages ask for it."""

    def find():
        queryset = model.objects.live()
        if public:
            queryset = public_only(queryset)
        return prefer_active_language(queryset)

    name = f"site-page:{model._meta.label_lower}:{'public' if public else 'live'}:{translation.get_language()}"
    return for_generation(name, find)


def default_locale_id():
    return _locale_ids().get(settings.LANGUAGE_CODE)


def translated_or_english(queryset):
    """Translatable snippets (such as glossary terms) to show in the active language: its
    translations, and the English ones that have no translation in it yet."""
    from django.db.models import Q

    active, default = active_locale_id(), default_locale_id()
    if active is None or active == default:
        return queryset.filter(locale_id=default)
    translated = queryset.filter(locale_id=active).values("translation_key")
    return queryset.filter(Q(locale_id=active) | (Q(locale_id=default) & ~Q(translation_key__in=translated)))
