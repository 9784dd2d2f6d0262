"""The glossary terms in the Wagtail admin (Snippets > Glossary terms)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.admin_ui import ApprovalStatusColumn

from .models import GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "help"
    menu_label = "Glossary terms"
    menu_name = "glossary"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["term", "full_form", ApprovalStatusColumn()]
    search_fields = ["term", "full_form", "other_words"]
    ordering = ["sort_key"]


register_snippet(GlossaryTermViewSet)
