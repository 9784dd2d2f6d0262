"""`{% page_other_formats page as formats %}`: the other-format versions editors attached to a page
(home/models/offline.py), each with its document's title, address, format, language, file type and
size. Kept with the page cache's generation (home/cache.py), so a page's uncached render does not
pay a query for them; a preview reads the draft's own list."""

from django import template
from wagtail.models import Page

from home.cache import for_generation

register = template.Library()


def _describe(rows):
    return [
        {
            "title": row.document.title,
            "url": row.document.url,
            "format": row.get_format_display(),
            "language": row.language,
            "file_type": row.file_type,
            "size": row.size,
        }
        for row in rows
    ]


@register.simple_tag(takes_context=True)
def page_other_formats(context, page):
    if not isinstance(page, Page) or page.pk is None:
        return []
    request = context.get("request")
    if getattr(request, "is_preview", False):
        return _describe(page.alternative_formats.all())

    def compute():
        from home.models import AlternativeFormat

        rows = AlternativeFormat.objects.filter(page_id=page.pk).select_related("document").order_by("sort_order")
        return _describe(rows)

    return for_generation(f"other-formats:{page.pk}", compute)
