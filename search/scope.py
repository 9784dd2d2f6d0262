"""Where a search looks: the parts of the site (sections), who pages are for (audiences), and
the live, public pages that match those filters."""

from typing import NamedTuple

from django.apps import apps
from django.db.models import Q
from wagtail.models import Page, Site

from home.languages import in_active_language, localized, prefer_active_language, translated_or_english
from home.models import Audience, BasePage

AUDIENCES = [(Audience.PARENTS.value, Audience.PARENTS.label), (Audience.SCHOOLS.value, Audience.SCHOOLS.label)]


class Section(NamedTuple):
    slug: str
    title: str
    path: str
    url: str


def get_home(request=None):
    """The home page in the active language (its sections are the parts of that language's site)."""
    site = Site.find_for_request(request) if request is not None else Site.objects.filter(is_default_site=True).first()
    return localized(site.root_page) if site else None


def get_sections(home):
    """[Section(slug, title, path, url)] for each part of the site: the home page's live
    children, except the plain information pages (accessibility, cookies...)."""
    if home is None:
        return []
    information = apps.get_model("home", "InformationPage")
    children = home.get_children().live().public().not_type(information).order_by("path")
    return [Section(child.slug, child.title, child.path, child.url) for child in children]


def base_page_models():
    """Every concrete page type with a summary and an audience (every BasePage)."""
    return [m for m in apps.get_models() if issubclass(m, BasePage) and not m._meta.abstract]


def audience_filter(audience):
    """Pages for this audience, or for everyone."""
    wanted = [audience, Audience.EVERYONE.value]
    condition = Q()
    for model in base_page_models():
        condition |= Q(id__in=model.objects.filter(audience__in=wanted).values("pk"))
    return condition


def page_queryset(section_path=None, audience=None):
    # Only the pages in the active language: a Welsh search finds Welsh pages (issue 12).
    queryset = in_active_language(Page.objects.live().public().filter(depth__gt=1)).specific()
    if section_path:
        queryset = queryset.filter(path__startswith=section_path)
    if audience:
        queryset = queryset.filter(audience_filter(audience))
    return queryset


def snippet_queryset(model_label, audience=None):
    """Live glossary terms or contacts (for this audience, or everyone), or None if the app is
    not installed."""
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return None
    queryset = model.objects.filter(live=True)
    if any(f.name == "locale" for f in model._meta.fields):  # translatable (glossary terms)
        queryset = translated_or_english(queryset)
    if audience and any(f.name == "audience" for f in model._meta.fields):
        queryset = queryset.filter(audience__in=[audience, Audience.EVERYONE.value])
    return queryset


def glossary_page():
    return prefer_active_language(apps.get_model("guidance", "GlossaryPage").objects.live())


def directory_page():
    try:
        model = apps.get_model("services", "ContactDirectoryPage")
    except LookupError:
        return None
    return prefer_active_language(model.objects.live())
