"""The taxonomies every Local Offer starts with: the four broad areas of need from the SEND
Code of Practice (2015, section 6.28), age groups and types of support.

`ensure_taxonomies()` creates what is missing and leaves what exists (editors may rename a
term; its id stays). The data migration `0006_seed_taxonomies` calls it, and so can a content
loader. The ids are fixed UUIDs (uuid5 of the code), the same on every install, so open data
from two councils names the same term with the same id.
"""

import uuid

NAMESPACE = uuid.UUID("6f1c0c5e-5a43-4a36-9a52-3c2f6c1c9b10")

AREAS_OF_NEED = "areas-of-need"
AGE_GROUPS = "age-groups"
SUPPORT_TYPES = "support-types"

TAXONOMIES = [
    {
        "code": AREAS_OF_NEED,
        "name": "Areas of need",
        "description": "The four broad areas of need in the SEND Code of Practice: 0 to 25 years (2015), "
        "paragraph 6.28.",
        "uri": "https://www.gov.uk/government/publications/send-code-of-practice-0-to-25",
        "version": "2015",
        "terms": [
            (
                "communication-and-interaction",
                "Communication and interaction",
                "Speech, language and communication needs, and autism.",
            ),
            (
                "cognition-and-learning",
                "Cognition and learning",
                "Learning difficulties, from moderate to profound, and specific learning difficulties such as "
                "dyslexia, dyscalculia and dyspraxia.",
            ),
            (
                "social-emotional-and-mental-health",
                "Social, emotional and mental health",
                "Difficulties such as anxiety, depression, self-harm or attention difficulties, and the behaviour "
                "they can cause.",
            ),
            (
                "sensory-and-physical",
                "Sensory and/or physical needs",
                "Vision impairment, hearing impairment, multi-sensory impairment and physical disability.",
            ),
        ],
    },
    {
        "code": AGE_GROUPS,
        "name": "Age groups",
        "description": "The stages of education a service works with, from birth to 25.",
        "uri": "",
        "version": "",
        "terms": [
            ("early-years", "Early years (0 to 5)", "Babies and children before they start school."),
            ("primary", "Primary school (4 to 11)", "Children in nursery classes, infant, junior and primary schools."),
            ("secondary", "Secondary school (11 to 16)", "Young people in secondary schools."),
            ("post-16", "16 to 25", "Young people in sixth forms, colleges, training and adult life."),
        ],
    },
    {
        "code": SUPPORT_TYPES,
        "name": "Types of support",
        "description": "What kind of help a service gives.",
        "uri": "",
        "version": "",
        "terms": [
            (
                "teaching-support",
                "Teaching and learning support",
                "Specialist teaching for a child, in school or another setting.",
            ),
            (
                "advice-for-schools",
                "Advice and training for schools",
                "Advice, training and resources for school and setting staff.",
            ),
            (
                "health-and-therapy",
                "Health and therapy",
                "Health services and therapies, such as speech and language therapy.",
            ),
            ("social-care", "Social care and short breaks", "Care, short breaks and support at home."),
            (
                "information-and-advice",
                "Information and advice for families",
                "Help for parents, carers and young people to understand and find support.",
            ),
        ],
    },
]


def stable_id(*parts):
    """A UUID that is the same on every install for the same parts."""
    return uuid.uuid5(NAMESPACE, ":".join(parts))


def ensure_taxonomies(taxonomy_model=None, term_model=None):
    """Create the shipped taxonomies and terms that are missing. Returns how many were made.

    Pass the models from a migration's `apps`; without them the current models are used."""
    if taxonomy_model is None:
        from .models import Taxonomy as taxonomy_model  # noqa: N813
        from .models import TaxonomyTerm as term_model
    made = 0
    for spec in TAXONOMIES:
        taxonomy, created = taxonomy_model.objects.get_or_create(
            code=spec["code"],
            defaults={
                "oruk_id": stable_id("taxonomy", spec["code"]),
                "name": spec["name"],
                "description": spec["description"],
                "uri": spec["uri"],
                "version": spec["version"],
            },
        )
        made += created
        for order, (code, name, description) in enumerate(spec["terms"]):
            _, created = term_model.objects.get_or_create(
                taxonomy=taxonomy,
                code=code,
                defaults={
                    "oruk_id": stable_id("term", spec["code"], code),
                    "name": name,
                    "description": description,
                    "sort_order": order,
                },
            )
            made += created
    return made
