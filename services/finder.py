"""Finding services: one place that turns cleaned filters into an ordered page of live,
public service pages, in a fixed number of queries whatever the page size.

Both the 'Find support' page and the Open Referral UK API (`services/api/`) call
`find_services()`. It works on ids first (filter, search, sort), then loads only the services
on the requested page with everything a result shows, prefetched.
"""

import math
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.db.models.functions import Lower
from wagtail.search.utils import parse_query_string

from home.languages import in_active_language
from home.models import PageCoverage
from home.routing import public_only

from .models import CheckerPage, ServiceLocation, ServicePage, ServicePageContact, TaxonomyTerm

MAX_SEARCH_LENGTH = 200


@dataclass
class ServiceFilters:
    """What to look for. Every field is already validated (see the forms)."""

    search: str = ""
    term_ids: list = field(default_factory=list)  # TaxonomyTerm pks; a service must have all of them
    term_uuids: list = field(default_factory=list)  # TaxonomyTerm oruk_ids; all of them
    any_term_ids: list = field(default_factory=list)  # TaxonomyTerm pks; any one of them
    taxonomy_uuid: object = None  # any term of this taxonomy
    duty_slugs: list = field(default_factory=list)  # Local Offer duties (Schedule2Item slugs) the page is tagged with
    any_duty: bool = False  # tagged with any Local Offer duty
    age: int | None = None  # served at this age
    minimum_age: float | None = None  # ORUK: services whose minimum age is at least this
    maximum_age: float | None = None  # ORUK: services whose maximum age is at most this
    area_slug: str = ""
    cost: str = ""  # "free" or "paid"
    audience: str = ""  # "parents" or "schools": those for everyone match too
    modified_after: object = None
    day: str = ""
    start_time: object = None
    end_time: object = None
    sort: str = "name"  # "name", "updated" or "relevance" (with search)


@dataclass
class ServicePageResult:
    """One page of results."""

    services: list
    total: int
    page_number: int
    per_page: int

    @property
    def total_pages(self):
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def first_page(self):
        return self.page_number == 1

    @property
    def last_page(self):
        return self.page_number >= self.total_pages


def live_services():
    """Service pages the public can see: live, and not behind a privacy setting (on the page
    or above it), with Wagtail's `.public()`. Whether any page has a privacy setting is kept
    per generation (home/routing.py), so with none (the usual case) it costs no query and adds
    no condition. (A correlated subquery did the same in one query, but SQLite ran it against
    every page for every service: 1 s for 1,000 services among 10,000 pages.)"""
    # In the visitor's language only (/cy/find-support/ lists the Welsh service pages).
    return public_only(in_active_language(ServicePage.objects.live()))


def search(queryset, words, fields=("pk",)):
    """The services in the queryset that match all the words (one query), best first: the
    words in the name, then in the summary, then elsewhere; A to Z within each.

    The backend's own relevance score is not used: on SQLite it costs more than the rest of
    the page for a common word, and for a directory of named services this order is as good."""
    words = " ".join(str(words).split())[:MAX_SEARCH_LENGTH]
    if not words:
        return []
    _, query = parse_query_string(words, operator="and")
    fields = tuple(dict.fromkeys((*fields, "title", "summary")))
    candidates = ServicePage.objects.filter(id__in=queryset.values("pk")).order_by("title").only(*fields)
    hits = list(candidates.search(query, operator="and", order_by_relevance=False))
    terms = [term for term in words.lower().split() if term.isalnum()]

    def rank(page):
        title, summary = page.title.lower(), page.summary.lower()
        return (
            -sum(term in title for term in terms) * 2 - sum(term in summary for term in terms),
            title,
            page.pk,
        )

    return sorted(hits, key=rank)


def search_ids(words):
    """The ids of live, public service pages that match the words, best first."""
    return [page.pk for page in search(live_services(), words)]


def filtered(queryset, filters):
    """Apply every filter but the words."""
    for pk in filters.term_ids:
        queryset = queryset.filter(taxonomy_terms__pk=pk)
    for term_uuid in filters.term_uuids:
        queryset = queryset.filter(taxonomy_terms__oruk_id=term_uuid)
    if filters.any_term_ids:
        queryset = queryset.filter(taxonomy_terms__pk__in=filters.any_term_ids)
    if filters.taxonomy_uuid:
        queryset = queryset.filter(taxonomy_terms__taxonomy__oruk_id=filters.taxonomy_uuid)
    for slug in filters.duty_slugs:
        queryset = queryset.filter(covers__item__slug=slug)
    if filters.any_duty:
        queryset = queryset.filter(covers__isnull=False)
    if filters.age is not None:
        queryset = queryset.filter(Q(minimum_age__isnull=True) | Q(minimum_age__lte=filters.age))
        queryset = queryset.filter(Q(maximum_age__isnull=True) | Q(maximum_age__gte=filters.age))
    if filters.minimum_age is not None:
        queryset = queryset.filter(minimum_age__gte=filters.minimum_age)
    if filters.maximum_age is not None:
        queryset = queryset.filter(maximum_age__lte=filters.maximum_age)
    if filters.area_slug:
        queryset = queryset.filter(areas__slug=filters.area_slug)
    if filters.cost:
        queryset = queryset.filter(cost=filters.cost)
    if filters.audience:
        queryset = queryset.filter(audience__in=[filters.audience, "everyone"])
    if filters.modified_after:
        queryset = queryset.filter(last_published_at__gte=filters.modified_after)
    schedule = {}
    if filters.day:
        schedule["schedules__day"] = filters.day
    if filters.start_time:
        schedule["schedules__opens_at__lte"] = filters.start_time
    if filters.end_time:
        schedule["schedules__closes_at__gte"] = filters.end_time
    if schedule:
        queryset = queryset.filter(**schedule)
    return queryset


def ordered_ids(filters):
    """The ids of every matching service, in the chosen order (two or three queries)."""
    queryset = filtered(live_services(), filters)
    if filters.search:
        hits = search(queryset, filters.search, fields=("pk", "title", "last_published_at"))
        if filters.sort == "name":
            hits.sort(key=lambda page: (page.title.lower(), page.pk))
        elif filters.sort == "updated":
            hits.sort(key=lambda page: (-page.last_published_at.timestamp(), page.title.lower()))
        return [page.pk for page in hits]
    if filters.sort == "updated":
        queryset = queryset.order_by("-last_published_at", Lower("title"), "pk")
    else:
        queryset = queryset.order_by(Lower("title"), "pk")
    return list(dict.fromkeys(queryset.values_list("pk", flat=True)))  # distinct, in order


# What a list never shows: the long StreamFields (loading them costs time for every result).
LIST_DEFERRED = ["body", "key_figures", "documents", "what_it_provides", "how_progress_is_reviewed"]
CONTACT_FIELDS = ["contact__name", "contact__contact_person", "contact__role", "contact__phone", "contact__email"]


def with_details(queryset, full=False):
    """Everything a result shows (or, with full, everything the open data carries), prefetched."""
    contacts = (
        ServicePageContact.objects.filter(contact__live=True)
        .select_related("contact")
        .only("page_id", "sort_order", "contact_id", *CONTACT_FIELDS)
        .order_by("sort_order")
    )
    queryset = queryset.select_related("organisation").prefetch_related(
        Prefetch("contact_links", queryset=contacts, to_attr="live_contact_links"),
        Prefetch(
            "taxonomy_terms",
            queryset=TaxonomyTerm.objects.select_related("taxonomy").only(
                "oruk_id", "code", "name", "description", "taxonomy__oruk_id", "taxonomy__code", "taxonomy__name"
            ),
        ),
    )
    if not full:
        queryset = queryset.defer(*LIST_DEFERRED)
    if full:
        queryset = queryset.prefetch_related(
            "areas",
            "languages",
            "cost_options",
            "schedules",
            Prefetch("location_links", queryset=ServiceLocation.objects.select_related("location")),
            # The Local Offer duties the page is tagged with (home/models/coverage.py).
            Prefetch("covers", queryset=PageCoverage.objects.select_related("item"), to_attr="duty_tags"),
        )
    return queryset


def checker_urls(services, request=None):
    """The eligibility check under each service, if it has a live one: {service pk: url}."""
    if not services:
        return {}
    by_path = {service.path: service.pk for service in services}
    depths = {service.depth + 1 for service in services}
    out = {}
    checkers = CheckerPage.objects.live().public().filter(depth__in=depths).only("path", "url_path", "depth")
    checkers = checkers.filter(Q(*[Q(path__startswith=path) for path in by_path], _connector=Q.OR))
    for checker in checkers.order_by("path"):
        parent_pk = by_path.get(checker.path[: -ServicePage.steplen])
        if parent_pk and parent_pk not in out:
            out[parent_pk] = checker.get_url(request=request)
    return out


def find_services(filters, page_number=1, per_page=20, full=False):
    """One page of matching services, each with its details loaded (see with_details)."""
    ids = ordered_ids(filters)
    start = (page_number - 1) * per_page
    page_ids = ids[start : start + per_page]
    services = []
    if page_ids:
        loaded = with_details(ServicePage.objects.filter(pk__in=page_ids), full=full).in_bulk()
        services = [loaded[pk] for pk in page_ids if pk in loaded]
    return ServicePageResult(services=services, total=len(ids), page_number=page_number, per_page=per_page)


def first_contact(service):
    """The first contact with a phone number or email, from the prefetched contacts."""
    for link in getattr(service, "live_contact_links", []):
        if link.contact.phone or link.contact.email:
            return link.contact
    return None
