"""`{% coverage_page_url %}`: the address of the live 'What our Local Offer covers' page, for the
footer. One query per change to the site (kept with the page cache's generation)."""

from django import template

from home.cache import for_generation
from home.models import CoveragePage

register = template.Library()


@register.simple_tag
def coverage_page_url():
    def compute():
        page = CoveragePage.objects.live().public().first()
        return (page.url or "") if page else ""

    return for_generation("coverage-page-url", compute)
