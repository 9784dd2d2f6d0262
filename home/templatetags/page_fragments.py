"""`{% site_fragment "name" %}...{% endsite_fragment %}`: a part of the page frame that is the
same on every page of the site (the footer), kept until the next change to the content
(home.cache.cached_fragment with the page cache's generation, per scheme, host and language).
Only for visitors who share the page cache: a signed-in editor's frame is always rendered.
Whatever is inside must not depend on the page or the request beyond the site and language."""

from django import template
from django.utils.safestring import mark_safe

from home.cache import cached_fragment

register = template.Library()


class SiteFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        html = cached_fragment(context.get("request"), self.name, lambda: self.nodelist.render(context), per_page=False)
        return mark_safe(html)  # noqa: S308 - our own rendered template output


@register.tag
def site_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('Use {% site_fragment "name" %}...{% endsite_fragment %}')
    nodelist = parser.parse(("endsite_fragment",))
    parser.delete_first_token()
    return SiteFragmentNode(bits[1][1:-1], nodelist)
