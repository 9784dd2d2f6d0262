"""Admin for the services app: the 'Contacts' menu with contacts and the areas teams cover."""

from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.admin_ui import ApprovalStatusColumn

from .models import Area, Contact


class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "user"
    menu_label = "Contacts"
    list_display = ["name", "kind", "phone", "email", ApprovalStatusColumn(), UpdatedAtColumn()]
    list_filter = ["kind", "audience", "areas", "live"]
    search_fields = ["name", "contact_person", "role", "description"]
    copy_view_enabled = False


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    menu_label = "Areas"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ContactsGroup(SnippetViewSetGroup):
    menu_label = "Contacts"
    menu_icon = "group"
    menu_order = 250
    items = (ContactViewSet, AreaViewSet)


register_snippet(ContactsGroup)
