"""What services add to 'My shortlist' (home/shortlist.py): service pages with their contacts and
who they are for, and contacts from the directory. Registered in ServicesConfig.ready()."""

import re

from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

from home.languages import site_page
from home.shortlist import Item, contact_facts, register_kind, register_page_type


def _plain(html):
    """Rich text as one line of plain text, with a space where a paragraph or item ended."""
    spaced = re.sub(r"</(p|li|h[2-6])>", r"</\1> ", html or "")
    return " ".join(normalize_newlines(strip_tags(spaced)).split())


def describe_services(pages, items):
    """Who each service is for and its live contacts: one query for all the pages."""
    from .models.pages import ServicePageContact

    links = (
        ServicePageContact.objects.filter(page__in=pages, contact__live=True)
        .select_related("contact")
        .order_by("page_id", "sort_order")
    )
    for link in links:
        items[link.page_id].contacts.append(contact_facts(link.contact))
    for page in pages:
        item = items[page.pk]
        item.label = "Service"
        item.who = _plain(page.who_it_is_for) or item.who


def load_contacts(ids):
    """Live contacts by id, with their areas and their page in the directory."""
    from .models import Contact, ContactDirectoryPage

    contacts = list(Contact.objects.live().filter(pk__in=ids).prefetch_related("areas"))
    directory = site_page(ContactDirectoryPage) if contacts else None
    items = {}
    for contact in contacts:
        areas = [area.name for area in contact.areas.all()]
        who = contact.get_audience_display()
        if areas:
            who += ". Covers " + ", ".join(areas)
        items[contact.pk] = Item(
            kind="contact",
            pk=contact.pk,
            title=contact.name,
            url=contact.get_url(directory) if directory else "",
            label=contact.get_kind_display(),
            summary=contact.description,
            who=who,
            contacts=[contact_facts(contact)],
        )
    return items


def register():
    register_page_type("services.ServicePage", describe_services)
    register_kind("contact", "services.Contact", load_contacts)
