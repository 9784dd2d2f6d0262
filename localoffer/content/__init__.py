"""The portal's first content, written afresh from the council documents in shared/seeds/.

`load_all()` builds the whole page tree and the snippets. Each part is in its own module:
  site.py      the home page, the footer's information pages and the site settings
  guidance.py  the guidance pages (SEN Support, the four stages, plans, SSAP, EHC plans)
  services.py  the service pages (SSSEN and its outcomes report)
  contacts.py, glossary.py, checker.py, editorial.py  the other features' content
  home_links.py  the home page's links, last, when every page exists
The parts share a `context` dict of the pages they made (see CONTEXT KEYS in docs/content.md).
Every part is safe to run twice: it creates what is missing and leaves the rest alone.
"""

from importlib import import_module

PARTS = [
    "localoffer.content.site",  # home page, footer pages, site settings
    "localoffer.content.guidance",  # guidance pages (seeds 002, 003, 004)
    "localoffer.content.services",  # SSSEN service page and outcomes report (seeds 000, 001)
    "localoffer.content.contacts",  # contact snippets and the directory page
    "localoffer.content.glossary",  # glossary terms and the glossary page
    "localoffer.content.checker",  # the SSSEN eligibility check
    "localoffer.content.editorial",  # editors' groups' content, 'You said, we did' page
    "localoffer.content.home_links",  # the home page's ways in, once every page exists
]


def load_all(log=print):
    """Run every part in order; return the number of things created."""
    created = 0
    context = {}
    for name in PARTS:
        module = import_module(name)
        created += module.load(context, log) or 0
    return created
