"""Admin for the services app: the 'Contacts' menu with contacts and the areas teams cover, and
the 'Directory' menu with the organisations, locations and taxonomies that services use."""

from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.admin_ui import ApprovalStatusColumn

from .models import Area, Contact, Location, Organisation, Taxonomy, TaxonomyTerm


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


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "email", "website"]
    search_fields = ["name"]


class LocationViewSet(SnippetViewSet):
    model = Location
    icon = "home"
    menu_label = "Locations"
    list_display = ["name", "town", "postcode"]
    search_fields = ["name", "town", "postcode"]


class TaxonomyViewSet(SnippetViewSet):
    model = Taxonomy
    icon = "list-ul"
    menu_label = "Taxonomies"
    list_display = ["name", "code"]


class TaxonomyTermViewSet(SnippetViewSet):
    model = TaxonomyTerm
    icon = "tag"
    menu_label = "Taxonomy terms"
    list_display = ["name", "taxonomy", "code"]
    list_filter = ["taxonomy"]
    search_fields = ["name"]


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = "Directory"
    menu_icon = "folder-open-inverse"
    menu_order = 260
    items = (OrganisationViewSet, LocationViewSet, TaxonomyViewSet, TaxonomyTermViewSet)


register_snippet(ContactsGroup)
register_snippet(DirectoryGroup)
