"""What the Local Offer covers: each Local Offer duty (home/models/coverage.py) with the live
pages tagged with it, for the public 'What our Local Offer covers' page, the editors'
'Local Offer coverage' report and its dashboard count.

Every function here reads a fixed number of queries, whatever the number of duties or pages:
the duties in one, the tags with their pages in one, and (for the report) the review dates of
the tagged pages in one per page type. Nothing here imports an app above home: page types are
found in the app registry (home/review.py)."""

from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta
from django.contrib.contenttypes.models import ContentType
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from .models import PageCoverage, Schedule2Item, YouSaidWeDid
from .review import responsible_person, reviewed_models

COVERED = "covered"
GAP = "gap"
OVERDUE_ONLY = "overdue"
STATUS_LABELS = {
    GAP: "No live content",
    OVERDUE_ONLY: "Only content overdue for review",
    COVERED: "Covered",
}
# Page types listed as services on the public page (a label, not an import: home is the ground floor).
SERVICE_PAGE_TYPES = {"services.servicepage"}
COMMENTS_PUBLISHED_MONTHS = 12


@dataclass
class CoveredItem:
    """One duty with the live public pages that cover it."""

    item: Schedule2Item
    pages: list = field(default_factory=list)
    services: list = field(default_factory=list)

    @property
    def covered(self):
        return bool(self.pages or self.services)


def public_pages():
    return Page.objects.live().public().filter(depth__gt=1)


def _tags(pages):
    """{duty id: [pages]} for the tags of `pages`, each page once, titles A to Z (one query)."""
    found = {}
    tags = PageCoverage.objects.filter(page__in=pages).select_related("page").order_by("page__title", "page_id")
    for tag in tags:
        pages_of_item = found.setdefault(tag.item_id, [])
        if all(page.pk != tag.page_id for page in pages_of_item):
            pages_of_item.append(tag.page)
    return found


def _is_service(page):
    content_type = ContentType.objects.get_for_id(page.content_type_id)  # cached after the first time
    return f"{content_type.app_label}.{content_type.model}" in SERVICE_PAGE_TYPES


def coverage_map():
    """Every duty, in order, with the live public pages and services that cover it."""
    tags = _tags(public_pages())
    result = []
    for item in Schedule2Item.objects.all():
        entry = CoveredItem(item)
        for page in tags.get(item.pk, []):
            (entry.services if _is_service(page) else entry.pages).append(page)
        result.append(entry)
    return result


# --- The editors' report ------------------------------------------------------------------------


@dataclass
class ReportRow:
    item: Schedule2Item
    status: str
    pages: list
    overdue_pages: list
    owners: list
    edit_url: str = ""

    @property
    def reference(self):
        return self.item.reference

    @property
    def name(self):
        return self.item.name

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def check_label(self):
        return self.item.get_check_status_display()

    @property
    def is_checked(self):
        return self.item.is_checked

    @property
    def pages_text(self):
        return "; ".join(page.title for page in self.pages) or "None"

    @property
    def owners_text(self):
        return "; ".join(self.owners)

    @property
    def source_note(self):
        return self.item.source_note


def _owner_name(person):
    if person is None:
        return "No owner"
    return person.get_full_name() or person.get_username()


def _specific_pages(page_ids):
    """{page id: specific page with review dates and owners}, one query per page type."""
    found = {}
    for model in reviewed_models():
        if not issubclass(model, Page):
            continue
        for page in model.objects.filter(pk__in=page_ids).select_related("content_owner", "owner"):
            found[page.pk] = page
    return found


def coverage_report(today=None):
    """A row for every duty: covered, covered only by content overdue for review (with the
    owners of that content), or with no live content at all. Problems first, then in order."""
    today = today or date.today()
    tags = _tags(Page.objects.live().filter(depth__gt=1))
    specific = _specific_pages({page.pk for pages in tags.values() for page in pages})
    finder = AdminURLFinder()
    rows = []
    for item in Schedule2Item.objects.all():
        pages = [specific.get(page.pk, page) for page in tags.get(item.pk, [])]
        overdue = [page for page in pages if getattr(page, "review_by", None) and page.review_by < today]
        if not pages:
            status = GAP
        elif len(overdue) == len(pages):
            status = OVERDUE_ONLY
        else:
            status = COVERED
        owners = []
        for page in overdue if status == OVERDUE_ONLY else []:
            name = _owner_name(responsible_person(page)) if hasattr(page, "content_owner_id") else "No owner"
            if name not in owners:
                owners.append(name)
        rows.append(ReportRow(item, status, pages, overdue, owners, finder.get_edit_url(item) or ""))
    rank = {GAP: 0, OVERDUE_ONLY: 1, COVERED: 2}
    rows.sort(key=lambda row: rank[row.status])  # stable: the duties' own order within each group
    return rows


def gap_counts(today=None):
    """(no live content, only overdue content, not checked against the law) for the dashboard."""
    rows = coverage_report(today)
    return (
        sum(row.status == GAP for row in rows),
        sum(row.status == OVERDUE_ONLY for row in rows),
        sum(not row.is_checked for row in rows),
    )


def last_comments_published():
    """The date the council last published a 'You said, we did' item, or None."""
    latest = YouSaidWeDid.objects.published().exclude(last_published_at=None).order_by("-last_published_at").first()
    return latest.last_published_at.date() if latest else None


def comments_overdue(today=None):
    """True when no comment has been published in the last 12 months (regulation 56 asks for
    publication at least once a year)."""
    today = today or date.today()
    last = last_comments_published()
    return last is None or last < today - relativedelta(months=COMMENTS_PUBLISHED_MONTHS)


def taxonomy_terms():
    """The duties as taxonomy terms (the Open Referral UK API publishes them: services/api/duties.py): a list of
    {"id", "name", "description", "reference", "checked"} in order. One query."""
    return [as_term(item) for item in Schedule2Item.objects.all()]


def as_term(item):
    """One duty as a taxonomy term (for items already loaded, such as a page's tags)."""
    return {
        "id": item.slug,
        "name": item.name,
        "description": item.gist,
        "reference": item.reference,
        "checked": item.is_checked,
    }
