"""Small factories for the directory tests: a site with a service index and a 'Find support'
page, and as many generated services as a test needs, each with realistic directory data.

Generated names are obviously made up ('Generated service 7'); nothing here is shipped content.
"""

import random
from datetime import time
from decimal import Decimal

from wagtail.models import Page, Site

from home.models import HomePage
from services.models import (
    Area,
    CheckerPage,
    Contact,
    FindSupportPage,
    Location,
    Organisation,
    ServiceCostOption,
    ServiceIndexPage,
    ServiceLanguage,
    ServiceLocation,
    ServicePage,
    ServicePageContact,
    ServiceSchedule,
    Taxonomy,
    TaxonomyTerm,
)

WORDS = ["reading", "speech", "autism", "hearing", "sight", "anxiety", "maths", "movement", "writing", "sleep"]


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


# Test taxonomies with the codes the code looks for (the 'areas-of-need' filter) and the tests
# name. The shipped taxonomies are content, tested with the starter site in
# localoffer/tests/content/.
TEST_TAXONOMIES = {
    "areas-of-need": [
        "communication-and-interaction",
        "cognition-and-learning",
        "social-emotional-and-mental-health",
        "sensory-and-physical",
    ],
    "age-groups": ["early-years", "primary", "secondary", "post-16"],
    "support-types": [
        "teaching-support",
        "advice-for-schools",
        "health-and-therapy",
        "social-care",
        "information-and-advice",
    ],
}


def make_taxonomies():
    """The test taxonomies and their terms (made once; a second call makes nothing)."""
    for code, term_codes in TEST_TAXONOMIES.items():
        taxonomy, _ = Taxonomy.objects.get_or_create(
            code=code, defaults={"name": code.replace("-", " ").capitalize(), "description": "For tests."}
        )
        for order, term_code in enumerate(term_codes):
            TaxonomyTerm.objects.get_or_create(
                taxonomy=taxonomy,
                code=term_code,
                defaults={
                    "name": term_code.replace("-", " ").capitalize(),
                    "description": "For tests.",
                    "sort_order": order,
                },
            )


def make_site():
    """Root → home → 'Services' index and 'Find support', with the default site on localhost,
    and the test taxonomies."""
    make_taxonomies()
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = publish(root, HomePage(title="Test home", slug="test-home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    index = publish(home, ServiceIndexPage(title="Services", slug="services"))
    finder = publish(home, FindSupportPage(title="Find support", slug="find-support", summary="Find services."))
    return home, index, finder


def make_shared_records():
    """Two organisations, three locations, two areas, two contacts."""
    organisations = [
        Organisation.objects.create(name=f"Test organisation {n}", description=f"Organisation {n} for tests.")
        for n in (1, 2)
    ]
    locations = [
        Location.objects.create(
            name=f"Test centre {n}",
            address_1=f"{n} Test Street",
            town="Testtown",
            county="Testshire",
            postcode=postcode,
            accessibility="Step-free entrance." if n % 2 else "",
            latitude=Decimal("53.1") if n == 1 else None,
            longitude=Decimal("-1.4") if n == 1 else None,
        )
        for n, postcode in ((1, "ZZ1 1AA"), (2, "ZZ1 2BB"), (3, "ZZ9 9ZZ"))
    ]
    areas = [Area.objects.create(name=f"Test area {n}", slug=f"test-area-{n}") for n in (1, 2)]
    contacts = [
        Contact.objects.create(name="Phone team", slug="phone-team", phone="01234 567890", live=True),
        Contact.objects.create(name="Email team", slug="email-team", email="team@example.org", live=True),
    ]
    return {"organisations": organisations, "locations": locations, "areas": areas, "contacts": contacts}


def make_service(index, number, shared, rng=None, **fields):
    """One published service with directory data chosen by `number` (so tests can predict it)."""
    rng = rng or random.Random(number)
    terms = list(TaxonomyTerm.objects.order_by("pk"))
    low = number % 12
    values = {
        "title": f"Generated service {number:03d}",
        "slug": f"generated-{number}",
        "summary": f"Help with {WORDS[number % len(WORDS)]} for the tests.",
        "who_it_is_for": f"<p>Children who need help with {WORDS[number % len(WORDS)]}.</p>",
        "eligibility_criteria": [("criterion", "The child lives in the test area.")],
        "how_to_refer": "<p>Ask the school to refer.</p>",
        "organisation": shared["organisations"][number % 2],
        "minimum_age": low,
        "maximum_age": low + 5 + number % 8,
        "cost": "free" if number % 3 else "paid",
        "audience": ["everyone", "parents", "schools"][number % 3],
        "status": "active" if number % 10 else "temporarily closed",
    }
    values.update(fields)
    service = ServicePage(**values)
    service.taxonomy_terms = rng.sample(terms, 3) if terms else []
    service.areas = [shared["areas"][number % 2]]
    service.cost_options = (
        [ServiceCostOption(option="Each session", amount=Decimal("12.50"), amount_description="per hour")]
        if service.cost == "paid"
        else []
    )
    service.languages = [ServiceLanguage(name="English", code="en")] + (
        [ServiceLanguage(name="British Sign Language", code="bfi")] if number % 4 == 0 else []
    )
    service.location_links = [ServiceLocation(location=location) for location in shared["locations"][: number % 3]]
    service.schedules = [ServiceSchedule(day="MO", opens_at=time(9), closes_at=time(17), description="Term time")]
    service.contact_links = [ServicePageContact(contact=shared["contacts"][number % 2])]
    return publish(index, service)


def make_services(index, count, shared):
    return [make_service(index, number, shared) for number in range(1, count + 1)]


def add_checker(service):
    """A one-question eligibility check under the service."""
    answer = {"hint": "", "reason": "", "not_sure": False}
    question = {
        "slug": "age",
        "question": "Is your child under 5?",
        "hint": "",
        "check_answers_label": "Under 5",
        "error_message": "Select if your child is under 5",
        "answers": [
            {**answer, "label": "Yes", "value": "yes", "leads_to": "yes"},
            {**answer, "label": "No", "value": "no", "leads_to": "no"},
        ],
    }
    results = [
        ("result", {"slug": slug, "kind": kind, "heading": slug, "body": "<p>.</p>", "links": []})
        for slug, kind in (("yes", "likely"), ("no", "not_likely"))
    ]
    checker = CheckerPage(
        title=f"Check {service.title}", slug="check", questions=[("question", question)], results=results
    )
    return publish(service, checker)
