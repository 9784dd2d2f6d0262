"""`{% coverage_page_url %}`: the address of the live 'What our Local Offer covers' page, for the
footer. One query per change to the site (kept with the page cache's generation)."""

from django import template
from django.utils import translation

from home.cache import for_generation
from home.languages import prefer_active_language
from home.models import CoveragePage

register = template.Library()


@register.simple_tag
def coverage_page_url():
    def compute():
        page = prefer_active_language(CoveragePage.objects.live().public())
        return (page.url or "") if page else ""

    return for_generation(f"coverage-page-url:{translation.get_language()}", compute)
