"""`{% shortlist_button obj %}`: the 'Add to my shortlist' form for a page or contact that can be
shortlisted (home/shortlist.py), and nothing for anything else. The form is the same for every
visitor, so the page it is on can be cached and shared."""

from django import template

from home import shortlist

register = template.Library()


@register.inclusion_tag("includes/shortlist_button.html")
def shortlist_button(obj):
    token = shortlist.token_for(obj)
    if not token:
        return {"token": ""}
    kind, pk = token.rsplit("-", 1)
    return {"token": token, "kind": kind, "pk": pk, "title": shortlist.title_for(obj)}
