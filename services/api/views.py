"""The Open Referral UK 3.0 API (HSDS-UK-3.0, UK profile): plain GET views returning JSON.

Only live, public service pages appear. Every response allows any origin (CORS) and may be
cached by browsers and a shared cache for five minutes. Bad parameters get a 400 with a JSON
body that names each bad parameter. See docs/directory.md.
"""

import functools
import json
import math
import uuid
from pathlib import Path

from django.db.models import Prefetch, Q
from django.http import JsonResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from ..finder import ServiceFilters, checker_urls, filtered, find_services, live_services, search_ids, with_details
from ..models import ServiceLocation, ServicePageContact, Taxonomy, TaxonomyTerm
from . import duties, serializers
from .forms import PageForm, ServiceAtLocationListForm, ServiceListForm

VERSION = "HSDS-UK-3.0"
PROFILE = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md"
CACHE_SECONDS = 300
OPENAPI_FILE = Path(__file__).with_name("openapi.json")


def json_response(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    if status == 200:
        patch_cache_control(response, public=True, max_age=CACHE_SECONDS, s_maxage=CACHE_SECONDS)
    else:
        patch_cache_control(response, no_cache=True)
    return response


def bad_request(form):
    """400 with the form's JSON error body (home.params.QueryForm.error_body)."""
    return json_response({**form.error_body(), "status": 400}, status=400)


def not_found(what):
    return json_response({"error": "Not found", "status": 404, "detail": f"There is no {what} with that id."}, 404)


def parse_id(value):
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def bad_id():
    problems = {"id": ["The id must be a UUID, like 3f7b145d-84af-42d7-8fae-eaca714b02b2."]}
    return json_response({"error": "The id could not be used.", "problems": problems, "status": 400}, status=400)


def page_wrapper(contents, total, page_number, per_page):
    total_pages = max(1, math.ceil(total / per_page))
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(contents),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": total == 0,
        "contents": contents,
    }


def service_filters(data):
    term_uuids, duty_slugs = [], []
    if data.get("taxonomy_term_id"):
        # A Local Offer duty's id (services/api/duties.py) or a stored term's; an unknown id
        # matches nothing, as before.
        slug = duties.slug_for(data["taxonomy_term_id"])
        (duty_slugs if slug else term_uuids).append(slug or data["taxonomy_term_id"])
    is_duties = data.get("taxonomy_id") == duties.TAXONOMY_ID
    return ServiceFilters(
        search=data.get("search", ""),
        term_uuids=term_uuids,
        duty_slugs=duty_slugs,
        taxonomy_uuid=None if is_duties else data.get("taxonomy_id"),
        any_duty=is_duties,
        minimum_age=data.get("minimum_age"),
        maximum_age=data.get("maximum_age"),
        modified_after=data.get("modified_after"),
        day=data.get("day", ""),
        start_time=data.get("start_time"),
        end_time=data.get("end_time"),
        sort="name",
    )


# --- Root and OpenAPI -----------------------------------------------------------------------
@require_safe
def root(request):
    return json_response(
        {
            "version": VERSION,
            "profile": PROFILE,
            "openapi_url": request.build_absolute_uri(reverse("oruk:openapi")),
        }
    )


@functools.cache
def openapi_document():
    document = json.loads(OPENAPI_FILE.read_text())
    document["info"]["title"] = "Local Offer: services (Open Referral UK)"
    document["info"]["version"] = VERSION
    return document


@require_safe
def openapi(request):
    document = dict(openapi_document())
    document["servers"] = [{"url": request.build_absolute_uri(reverse("oruk:root")).rstrip("/")}]
    return json_response(document)


# --- Services -------------------------------------------------------------------------------
@require_safe
def service_list(request):
    form = ServiceListForm.read(request)
    if form.errors:
        return bad_request(form)
    data = form.cleaned_data
    result = find_services(service_filters(data), data["page"], data["per_page"])
    checkers = checker_urls(result.services, request)
    contents = [
        serializers.service_summary(service, request, checkers.get(service.pk, "")) for service in result.services
    ]
    return json_response(page_wrapper(contents, result.total, data["page"], data["per_page"]))


@require_safe
def service_detail(request, id):
    oruk_id = parse_id(id)
    if oruk_id is None:
        return bad_id()
    service = with_details(live_services().filter(oruk_id=oruk_id), full=True).first()
    if service is None:
        return not_found("service")
    checker = checker_urls([service], request).get(service.pk, "")
    return json_response(serializers.service_full(service, request, checker))


# --- Taxonomies -----------------------------------------------------------------------------
def paginate(request, queryset, serialize, extra=None):
    """One page of the queryset's items followed by `extra()`'s (the Local Offer duties, which
    are not stored as taxonomies: services/api/duties.py). `extra` is always read, so the number
    of queries is the same on every page."""
    form = PageForm.read(request)
    if form.errors:
        return bad_request(form)
    page, per_page = form.cleaned_data["page"], form.cleaned_data["per_page"]
    more = extra() if extra else []
    stored = queryset.count()
    total = stored + len(more)
    start, stop = (page - 1) * per_page, page * per_page
    items = list(queryset[start:stop]) if start < stored else []
    items += more[max(0, start - stored) : max(0, stop - stored)]
    contents = [serialize(item) for item in items]
    return json_response(page_wrapper(contents, total, page, per_page))


@require_safe
def taxonomy_list(request):
    taxonomies = Taxonomy.objects.order_by("name", "pk")
    return paginate(request, taxonomies, serializers.taxonomy_data, extra=lambda: [duties.load()[0]])


@require_safe
def taxonomy_detail(request, id):
    oruk_id = parse_id(id)
    if oruk_id is None:
        return bad_id()
    if oruk_id == duties.TAXONOMY_ID:
        taxonomy, terms = duties.load()
        return json_response(serializers.taxonomy_data(taxonomy, terms))
    taxonomy = Taxonomy.objects.filter(oruk_id=oruk_id).first()
    if taxonomy is None:
        return not_found("taxonomy")
    terms = taxonomy.terms.order_by("sort_order", "name")
    return json_response(serializers.taxonomy_data(taxonomy, terms))


def _term(term):
    parent = getattr(term, "parent", None)  # the duties have no parent
    return serializers.term_data(term, term.taxonomy, parent.oruk_id if parent else None)


@require_safe
def taxonomy_term_list(request):
    terms = TaxonomyTerm.objects.select_related("taxonomy", "parent").order_by("taxonomy__name", "sort_order", "pk")
    return paginate(request, terms, _term, extra=lambda: duties.load()[1])


@require_safe
def taxonomy_term_detail(request, id):
    oruk_id = parse_id(id)
    if oruk_id is None:
        return bad_id()
    term = TaxonomyTerm.objects.select_related("taxonomy", "parent").filter(oruk_id=oruk_id).first()
    if term is None:
        term = duties.find_term(oruk_id)
    if term is None:
        return not_found("taxonomy term")
    return json_response(_term(term))


# --- Services at locations ------------------------------------------------------------------
def service_at_location_queryset(filters=None, postcode=""):
    services = live_services()
    if filters is not None:
        services = filtered(services, filters)
    links = ServiceLocation.objects.filter(page__in=services.values("pk"))
    if filters is not None and filters.search:
        links = links.filter(page_id__in=search_ids(filters.search))
    if postcode:
        links = links.filter(postcode_q(postcode))
    contacts = ServicePageContact.objects.filter(contact__live=True).select_related("contact").order_by("sort_order")
    return links.select_related("location", "page__organisation").prefetch_related(
        Prefetch("page__contact_links", queryset=contacts, to_attr="live_contact_links")
    )


def postcode_q(compact):
    """Locations at a full postcode (written S41 8LQ or S418LQ), or in a postcode district (S41)."""
    if len(compact) >= 5 and compact[-3].isdigit():
        spaced = f"{compact[:-3]} {compact[-3:]}"
        return Q(location__postcode__iexact=spaced) | Q(location__postcode__iexact=compact)
    return Q(location__postcode__istartswith=compact + " ")


def service_at_location_data(link, request, checkers, full_service=None):
    return {
        "id": str(link.oruk_id),
        "service_id": str(link.page.oruk_id),
        "location_id": str(link.location.oruk_id),
        "location": serializers.location_data(link.location),
        "service": full_service or serializers.service_summary(link.page, request, checkers.get(link.page.pk, "")),
    }


@require_safe
def service_at_location_list(request):
    form = ServiceAtLocationListForm.read(request)
    if form.errors:
        return bad_request(form)
    data = form.cleaned_data
    links = service_at_location_queryset(service_filters(data), data["postcode"]).order_by("page__title", "pk")
    page, per_page = data["page"], data["per_page"]
    total = links.count()
    start = (page - 1) * per_page
    items = list(links[start : start + per_page]) if start < total else []
    checkers = checker_urls([link.page for link in items], request)
    contents = [service_at_location_data(link, request, checkers) for link in items]
    return json_response(page_wrapper(contents, total, page, per_page))


@require_safe
def service_at_location_detail(request, id):
    oruk_id = parse_id(id)
    if oruk_id is None:
        return bad_id()
    link = service_at_location_queryset().filter(oruk_id=oruk_id).first()
    if link is None:
        return not_found("service at location")
    service = with_details(live_services().filter(pk=link.page_id), full=True).first()
    checker = checker_urls([service], request).get(service.pk, "")
    full = serializers.service_full(service, request, checker)
    return json_response(service_at_location_data(link, request, {}, full_service=full))
