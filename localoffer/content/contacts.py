"""Content part 'contacts': the contact snippets from the seeds and the contact directory page.

From seeds 000 and 001: SSSEN, its head of service, address, phone number and email. The
roles the guidance refers to (the school's SENCO, the SEND information, advice and support
service, the Sensory Impairment Service in seed 003) are entries that say who they are and
how to reach them, with no invented phone numbers, emails or addresses: the council fills
those in. SSSEN's seven area teams are not named in the seeds, so no areas are created.

Safe to run twice: a contact is matched by its slug and the directory by its slug; what
exists is left exactly as it is.
"""

from home.models import Audience, SiteSettings
from services.models import Contact, ContactDirectoryPage
from services.models.contacts import ContactKind
from services.models.pages import ServicePageContact

from .utils import ensure_page

DIRECTORY_SLUG = "contacts"

CONTACTS = [
    {
        "key": "contact_sssen",
        "slug": "sssen",
        "name": "Support Service for Special Educational Needs (SSSEN)",
        "kind": ContactKind.SERVICE,
        "contact_person": "Belinda James",
        "role": "Head of Service",
        "description": (
            "Specialist teachers who support children with special educational needs (SEN) in "
            "Derbyshire's maintained nursery, infant, junior and primary schools. They work with "
            "children whose education, health and care (EHC) plan or graduated response for "
            "individual pupil (GRIP) plan names SSSEN."
        ),
        "phone": "01629 532722",
        "email": "belinda.james@derbyshire.gov.uk",
        "organisation": "Derbyshire County Council",
        "address_lines": "Children's Services\nPeter Webster Centre\nSheffield Road",
        "town": "Chesterfield",
        "postcode": "S41 8LQ",
        "audience": Audience.EVERYONE,
    },
    {
        "key": "contact_senco",
        "slug": "senco",
        "name": "Your child's SENCO (Special Educational Needs Co-ordinator)",
        "kind": ContactKind.ROLE,
        "role": "SENCO or SENDCo (Special Educational Needs and Disabilities Co-ordinator)",
        "description": (
            "The teacher at your child's school or setting who organises support for children with "
            "special educational needs. They help to assess, plan and review your child's support, "
            "with your child's teachers and with you."
        ),
        "how_to_contact": (
            "Ask at your child's school, nursery or setting. The office can tell you who the SENCO is "
            "and how to reach them."
        ),
        "audience": Audience.PARENTS,
    },
    {
        "key": "contact_sendiass",
        "slug": "sendiass",
        "name": "SEND information, advice and support service (SENDIASS)",
        "kind": ContactKind.SERVICE,
        "description": (
            "Free, impartial advice for parents and carers about special educational needs and "
            "disabilities (SEND), including SEN Support and education, health and care (EHC) plans."
        ),
        "audience": Audience.PARENTS,
    },
    {
        "key": "contact_sensory_impairment",
        "slug": "sensory-impairment-service",
        "name": "Sensory Impairment Service",
        "kind": ContactKind.SERVICE,
        "description": (
            "Advice about children with a hearing or visual impairment. Your child's school can ask "
            "the service for advice directly."
        ),
        "how_to_contact": "Schools contact the service directly. Parents and carers can ask their child's school.",
        "audience": Audience.SCHOOLS,
    },
]


def ensure_contact(fields):
    """Return (contact, created): the contact with this slug, or a new published one."""
    existing = Contact.objects.filter(slug=fields["slug"]).first()
    if existing is not None:
        return existing, False
    contact = Contact(**{name: value for name, value in fields.items() if name != "key"})
    contact.save()
    contact.save_revision().publish()
    return contact, True


def attach_contact(page, contact, log):
    """Choose `contact` on a service page that has no contacts yet and no unpublished
    changes, publishing a new revision. A page an editor has given contacts is left alone."""
    if page is None:
        return 0
    page = type(page).objects.get(pk=page.pk)  # fresh from the database, not a stale copy
    if page.contact_links.exists() or page.has_unpublished_changes:
        return 0
    page.contact_links.add(ServicePageContact(contact=contact))
    page.save_revision().publish()
    log(f"  chose the contact '{contact}' on '{page.title}'")
    return 1


def load(context, log):
    created = 0
    for fields in CONTACTS:
        contact, made = ensure_contact(fields)
        context[fields["key"]] = contact
        if made:
            created += 1
            log(f"  contact: {contact}")

    sssen = context.get("sssen")
    if sssen is not None:
        created += attach_contact(sssen.specific, context["contact_sssen"], log)
    else:
        log("  no SSSEN service page yet: its contact is not attached")

    home = context.get("home")
    if home is None:
        return created
    directory, made = ensure_page(
        home,
        ContactDirectoryPage,
        DIRECTORY_SLUG,
        title="Contact directory",
        summary=(
            "Phone numbers, email addresses and postal addresses for the teams and services that "
            "support children with special educational needs and disabilities (SEND), and who to ask "
            "at your child's school."
        ),
        intro="If you are not sure who to contact, start with your child's school or setting.",
    )
    context["directory"] = directory
    if made:
        created += 1
        log(f"  page: {directory.title}")

    # The footer's 'Contact us' link goes to the directory unless the council chose a page.
    site = home.get_site()
    if site is not None:
        settings = SiteSettings.for_site(site)
        if settings.contact_page_id is None:
            settings.contact_page = directory
            settings.save(update_fields=["contact_page"])
    return created
