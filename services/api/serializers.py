"""Service data as Open Referral UK 3.0 (HSDS-UK-3.0) objects: plain dicts for JsonResponse.

Every id is a UUID: the records' own stable `oruk_id`, or, for rows that have no id of their
own (a language, a cost option, an opening time, an address), a UUID derived from the service
or location id and the row (uuid5), so it is the same on every request.

Empty values are left out rather than sent as null: the schemas type them as strings and
numbers. `eligibility_description` and `application_process` are HSDS 3.0 core fields that
the UK profile does not list but allows; they carry the criteria and the referral route.
"""

import re
import uuid

from django.utils.html import strip_tags
from django.utils.text import normalize_newlines

from ..finder import first_contact
from . import duties

COUNTRY = "GB"
BLOCK_END_RE = re.compile(r"</(?:p|li|h[1-6]|div|ul|ol)>|<br\s*/?>", re.IGNORECASE)


def sub_id(parent_uuid, *parts):
    return str(uuid.uuid5(parent_uuid, ":".join(str(p) for p in parts)))


def text(html):
    """Rich text as plain text: tags removed, blank lines squeezed."""
    html = BLOCK_END_RE.sub("\n", str(html or ""))
    plain = normalize_newlines(strip_tags(html)).replace("\xa0", " ")
    return "\n".join(line.strip() for line in plain.splitlines() if line.strip())


def compact(data):
    """Drop keys whose value is None or ''."""
    return {key: value for key, value in data.items() if value is not None and value != ""}


def absolute(request, url):
    if not url:
        return ""
    return url if url.startswith("http") else request.build_absolute_uri(url)


# --- Taxonomies -----------------------------------------------------------------------------
def taxonomy_data(taxonomy, terms=None):
    data = compact(
        {
            "id": str(taxonomy.oruk_id),
            "name": taxonomy.name,
            "description": taxonomy.description,
            "uri": taxonomy.uri,
            "version": taxonomy.version,
        }
    )
    data["description"] = taxonomy.description  # required, even when empty
    if terms is not None:
        data["taxonomy_terms"] = [term_data(term, taxonomy) for term in terms]
    return data


def term_data(term, taxonomy=None, parent_uuid=None):
    taxonomy = taxonomy or term.taxonomy
    data = {
        "id": str(term.oruk_id),
        "code": term.code,
        "name": term.name,
        "description": term.description,
        "taxonomy": taxonomy.name,
        "taxonomy_id": str(taxonomy.oruk_id),
        "term": term.name,
    }
    if parent_uuid:
        data["parent_id"] = str(parent_uuid)
    return data


# --- Organisations and locations ------------------------------------------------------------
def organisation_data(organisation):
    data = compact(
        {
            "id": str(organisation.oruk_id),
            "name": organisation.name,
            "email": organisation.email,
            "website": organisation.website,
        }
    )
    data["description"] = organisation.description
    return data


def location_data(location):
    loc_id = location.oruk_id
    data = compact(
        {
            "id": str(loc_id),
            "location_type": "physical",
            "name": location.name,
            "description": location.description,
            "latitude": float(location.latitude) if location.latitude is not None else None,
            "longitude": float(location.longitude) if location.longitude is not None else None,
        }
    )
    if location.address_1 or location.postcode:
        data["addresses"] = [
            {
                "id": sub_id(loc_id, "address"),
                "location_id": str(loc_id),
                "address_1": location.address_1,
                "city": location.town,
                "state_province": location.county,
                "postal_code": location.postcode,
                "country": COUNTRY,
                "address_type": "physical",
            }
        ]
    if location.accessibility:
        data["accessibility"] = [
            {"id": sub_id(loc_id, "accessibility"), "location_id": str(loc_id), "description": location.accessibility}
        ]
    return data


# --- Services -------------------------------------------------------------------------------
def eligibility_description(service):
    parts = [text(service.who_it_is_for)]
    criteria = [str(block.value) for block in service.eligibility_criteria]
    if criteria:
        parts.append(service.criteria_intro)
        parts.extend(f"- {criterion}" for criterion in criteria)
    parts.append(text(service.eligibility_notes))
    return "\n".join(part for part in parts if part)


def application_process(service, checker_url=""):
    parts = [
        text(service.who_can_refer),
        text(service.how_to_refer),
        text(service.what_happens_next),
        text(service.who_decides),
    ]
    if checker_url:
        parts.append(f"Check if your child can get this service: {checker_url}")
    return "\n".join(part for part in parts if part)


def fees(service):
    if service.cost == "free":
        return service.fees_description or "Free"
    return service.fees_description


def service_summary(service, request, checker_url=""):
    """The one-to-one fields of a service (a `/services` list item)."""
    contact = first_contact(service)
    checker_url = absolute(request, checker_url)
    data = compact(
        {
            "id": str(service.oruk_id),
            "organization_id": str(service.organisation.oruk_id) if service.organisation else None,
            "name": service.title,
            "description": service.summary,
            "url": service.get_full_url(request=request),
            "email": contact.email if contact else None,
            "status": service.status,
            "fees": fees(service),
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "last_modified": service.last_published_at.isoformat() if service.last_published_at else None,
            "eligibility_description": eligibility_description(service),
            "application_process": application_process(service, checker_url),
        }
    )
    if checker_url:
        data["eligibility_check_url"] = checker_url
    if service.organisation:
        data["organization"] = organisation_data(service.organisation)
    return data


def service_full(service, request, checker_url=""):
    """The whole service, with its related records (`/services/{id}`)."""
    data = service_summary(service, request, checker_url)
    service_id = service.oruk_id
    sid = str(service_id)
    data["schedules"] = [
        compact(
            {
                "id": sub_id(service_id, "schedule", schedule.pk),
                "service_id": sid,
                "freq": "WEEKLY",
                "interval": 1,
                "byday": schedule.day,
                "opens_at": schedule.opens_at.strftime("%H:%M"),
                "closes_at": schedule.closes_at.strftime("%H:%M"),
                "description": schedule.description,
            }
        )
        for schedule in service.schedules.all()
    ]
    data["service_areas"] = [
        compact(
            {
                "id": sub_id(service_id, "area", area.slug),
                "service_id": sid,
                "name": area.name,
                "service_area": area.description,
            }
        )
        for area in service.areas.all()
    ]
    data["service_at_locations"] = [
        {
            "id": str(link.oruk_id),
            "service_id": sid,
            "location_id": str(link.location.oruk_id),
            "location": location_data(link.location),
        }
        for link in service.location_links.all()
    ]
    data["languages"] = [
        compact(
            {
                "id": sub_id(service_id, "language", language.pk),
                "service_id": sid,
                "name": language.name,
                "code": language.code,
            }
        )
        for language in service.languages.all()
    ]
    data["cost_options"] = [
        compact(
            {
                "id": sub_id(service_id, "cost", option.pk),
                "service_id": sid,
                "option": option.option,
                "amount": float(option.amount),
                "currency": "GBP",
                "amount_description": option.amount_description,
            }
        )
        for option in service.cost_options.all()
    ]
    data["funding"] = []
    data["contacts"] = [
        compact(
            {
                "id": sub_id(service_id, "contact", link.contact.pk),
                "service_id": sid,
                "name": link.contact.contact_person or link.contact.name,
                "title": link.contact.role,
                "email": link.contact.email,
                "phone": link.contact.phone,
            }
        )
        for link in service.live_contact_links
    ]
    data["attributes"] = [
        {
            "id": sub_id(service_id, "term", term.oruk_id),
            "link_id": sid,
            "link_type": "service",
            "link_entity": "service",
            "taxonomy_term_id": str(term.oruk_id),
            "taxonomy_term": term_data(term),
        }
        for term in [*service.taxonomy_terms.all(), *duties.service_terms(service)]
    ]
    return data
