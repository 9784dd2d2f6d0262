"""The portal's first content, written afresh from the council documents in shared/seeds/.

`load_all()` builds the whole page tree and the snippets. Each part is in its own module:
  site.py      the home page, the footer's information pages and the site settings
  guidance.py  the guidance pages (SEN Support, the four stages, plans, SSAP, EHC plans)
  services.py  the service pages (SSSEN and its outcomes report)
Other features add a module and a line in PARTS below.
Every part is safe to run twice: it creates what is missing and leaves the rest alone.
"""

from importlib import import_module

PARTS = [
    "localoffer.content.site",
    "localoffer.content.guidance",
    "localoffer.content.services",
]


def load_all(log=print):
    """Run every part in order; return the number of things created."""
    created = 0
    context = {}
    for name in PARTS:
        module = import_module(name)
        created += module.load(context, log) or 0
    return created
