"""Template helpers for the service directory: a result's areas of need and first contact,
and the home page's link to 'Find support'."""

from django import template

from ..finder import first_contact as _first_contact
from ..models.directory import AREAS_OF_NEED

register = template.Library()


@register.filter
def areas_of_need(service):
    """The names of the service's areas of need, from its prefetched terms."""
    return [term.name for term in service.taxonomy_terms.all() if term.taxonomy.code == AREAS_OF_NEED]


@register.filter
def first_contact(service):
    return _first_contact(service)


@register.simple_tag
def find_support_page():
    """The live 'Find support' page, or None."""
    from home.languages import site_page

    from ..models import FindSupportPage

    return site_page(FindSupportPage, public=True)
