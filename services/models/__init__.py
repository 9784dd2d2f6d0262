"""Services: service pages and their reports (pages.py). Other features of this app add a
module here and import it below, so Django finds their models."""

from .checker import CheckerPage  # noqa: F401
from .contacts import Area, Contact, ContactDirectoryPage, ContactTag  # noqa: F401
from .pages import ServiceIndexPage, ServicePage, ServiceReportPage  # noqa: F401
