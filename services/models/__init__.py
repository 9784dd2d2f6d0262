"""Services: service pages and their reports (pages.py). Other features of this app add a
module here and import it below, so Django finds their models."""

from .checker import CheckerPage  # noqa: F401
from .contacts import Area, Contact, ContactDirectoryPage, ContactTag  # noqa: F401
from .directory import Location, Organisation, Taxonomy, TaxonomyTerm  # noqa: F401
from .find_support import FindSupportPage  # noqa: F401
from .pages import (  # noqa: F401
    ServiceCostOption,
    ServiceIndexPage,
    ServiceLanguage,
    ServiceLocation,
    ServicePage,
    ServicePageContact,
    ServiceReportPage,
    ServiceSchedule,
)
