"""Reading an Open Referral UK 3.0 feed (saved as JSON) into draft service pages, with their
organisations, locations and taxonomy terms. Used by `manage.py import_oruk`.

Two passes: first every record is read and checked, and each problem is named (which service,
which field, what is wrong); only when there are none is anything written, all in one
transaction. Records are matched by their feed id, so importing the same feed again creates
nothing new. Services arrive as drafts for an editor to check and publish.
"""

import uuid
from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.text import slugify

from .models import (
    Area,
    Location,
    Organisation,
    ServiceCostOption,
    ServiceIndexPage,
    ServiceLanguage,
    ServiceLocation,
    ServicePage,
    ServiceSchedule,
    Taxonomy,
    TaxonomyTerm,
)
from .models.pages import MAX_AGE, ServiceStatus, Weekday

SUMMARY_LENGTH = 400


class ImportProblems(Exception):
    """The feed has bad records; `problems` names each one. Nothing was written."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass
class ImportReport:
    created: dict = field(default_factory=lambda: {"services": 0, "organisations": 0, "locations": 0, "terms": 0})
    skipped: list = field(default_factory=list)  # names of services already imported
    notes: list = field(default_factory=list)  # values that were changed to fit


def service_records(data):
    """The services in a feed file: one service, a list of them, or a page of them."""
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        return data["contents"]
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        return [data]
    raise ImportProblems(["The file is not an Open Referral service, a list of services or a page of services."])


class Reader:
    """Checks one service record and collects its problems, naming the record."""

    def __init__(self, record, position):
        self.record = record if isinstance(record, dict) else {}
        name = self.record.get("name") if isinstance(self.record.get("name"), str) else ""
        self.label = (
            f"Service {position}"
            + (f" ‘{name}’" if name else "")
            + (f" ({self.record['id']})" if isinstance(self.record.get("id"), str) else "")
        )
        self.problems = [] if isinstance(record, dict) else [f"{self.label}: is not a JSON object."]
        self.notes = []

    def problem(self, where, message):
        self.problems.append(f"{self.label}: {where} {message}")

    def uuid(self, value, where, required=True):
        if value is None and not required:
            return None
        try:
            return uuid.UUID(str(value))
        except ValueError:
            self.problem(where, f"must be a UUID, not {value!r}.")
            return None

    def text(self, value, where, required=False, max_length=None):
        if value is None or value == "":
            if required:
                self.problem(where, "is missing.")
            return ""
        if not isinstance(value, str):
            self.problem(where, f"must be text, not {value!r}.")
            return ""
        if max_length and len(value) > max_length:
            self.problem(where, f"is longer than {max_length} characters.")
            return ""
        return value.strip()

    def number(self, value, where):
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(where, f"must be a number, not {value!r}.")
            return None
        return value

    def items(self, key):
        value = self.record.get(key) or []
        if not isinstance(value, list):
            self.problem(key, "must be a list.")
            return []
        return [item for item in value if isinstance(item, dict)]


def read_service(record, position):
    """A checked, plain description of one service, or its problems."""
    r = Reader(record, position)
    data = {
        "oruk_id": r.uuid(r.record.get("id"), "id"),
        "title": r.text(r.record.get("name"), "name", required=True, max_length=255),
        "description": r.text(r.record.get("description"), "description"),
        "fees": r.text(r.record.get("fees"), "fees"),
        "eligibility": r.text(r.record.get("eligibility_description"), "eligibility_description"),
        "application": r.text(r.record.get("application_process"), "application_process"),
    }
    status = r.record.get("status")
    if status is None:
        r.problem("status", "is missing: every Open Referral service has one (is this a service?).")
    elif status not in ServiceStatus.values:
        r.problem("status", f"{status!r} is not one of {', '.join(ServiceStatus.values)}.")
    data["status"] = status
    for key in ("minimum_age", "maximum_age"):
        age = r.number(r.record.get(key), key)
        if age is not None and age < 0:
            r.problem(key, "cannot be below 0.")
        elif age is not None and age > MAX_AGE:
            r.notes.append(f"{r.label}: {key} {age} is above {MAX_AGE}, so it is left empty (no upper limit).")
            age = None
        data[key] = int(age) if age is not None else None
    if (
        data["minimum_age"] is not None
        and data["maximum_age"] is not None
        and data["minimum_age"] > data["maximum_age"]
    ):
        r.problem("maximum_age", "is below minimum_age.")

    organisation = r.record.get("organization")
    data["organisation"] = None
    if isinstance(organisation, dict):
        data["organisation"] = {
            "oruk_id": r.uuid(organisation.get("id"), "organization.id"),
            "name": r.text(organisation.get("name"), "organization.name", required=True, max_length=200),
            "description": r.text(organisation.get("description"), "organization.description"),
            "email": r.text(organisation.get("email"), "organization.email", max_length=254),
            "website": r.text(organisation.get("website"), "organization.website", max_length=200),
        }

    data["locations"] = []
    for n, link in enumerate(r.items("service_at_locations"), 1):
        location = link.get("location")
        if not isinstance(location, dict):
            continue
        where = f"service_at_locations[{n}].location"
        address = next((a for a in location.get("addresses") or [] if isinstance(a, dict)), {})
        accessibility = " ".join(
            r.text(a.get("description"), f"{where}.accessibility")
            for a in location.get("accessibility") or []
            if isinstance(a, dict)
        ).strip()
        values = {
            "oruk_id": r.uuid(location.get("id"), f"{where}.id"),
            "name": r.text(location.get("name"), f"{where}.name", max_length=200)
            or r.text(address.get("address_1"), f"{where}.addresses.address_1", max_length=200)
            or "Location",
            "description": r.text(location.get("description"), f"{where}.description"),
            "address_1": r.text(address.get("address_1"), f"{where}.addresses.address_1", max_length=200),
            "town": r.text(address.get("city"), f"{where}.addresses.city", max_length=100),
            "county": r.text(address.get("state_province"), f"{where}.addresses.state_province", max_length=100),
            "postcode": r.text(address.get("postal_code"), f"{where}.addresses.postal_code", max_length=10),
            "accessibility": accessibility,
        }
        for key, limit in (("latitude", 90), ("longitude", 180)):
            value = r.number(location.get(key), f"{where}.{key}")
            if value is not None and abs(value) > limit:
                r.notes.append(f"{r.label}: {where}.{key} {value} is not a possible {key}, so it is left empty.")
                value = None
            values[key] = Decimal(str(round(value, 6))) if value is not None else None
        data["locations"].append(values)

    data["terms"] = []
    for n, attribute in enumerate(r.items("attributes"), 1):
        term = attribute.get("taxonomy_term")
        if not isinstance(term, dict):
            continue
        where = f"attributes[{n}].taxonomy_term"
        taxonomy_name = term.get("taxonomy") if isinstance(term.get("taxonomy"), str) else ""
        data["terms"].append(
            {
                "oruk_id": r.uuid(term.get("id"), f"{where}.id"),
                "name": r.text(term.get("name"), f"{where}.name", required=True, max_length=120),
                "description": r.text(term.get("description"), f"{where}.description"),
                "taxonomy_id": r.uuid(term.get("taxonomy_id"), f"{where}.taxonomy_id", required=False),
                "taxonomy_name": (taxonomy_name or "Imported terms")[:120],
            }
        )

    data["areas"] = []
    for n, area in enumerate(r.items("service_areas"), 1):
        name = r.text(area.get("name") or area.get("service_area"), f"service_areas[{n}].name")
        if name:
            data["areas"].append(name)

    data["schedules"] = []
    for n, schedule in enumerate(r.items("schedules"), 1):
        where = f"schedules[{n}]"
        opens, closes = schedule.get("opens_at"), schedule.get("closes_at")
        days = [d.strip().upper() for d in str(schedule.get("byday") or "").split(",") if d.strip()]
        if not (opens and closes and days):
            continue
        try:
            opens, closes = time.fromisoformat(opens), time.fromisoformat(closes)
        except (TypeError, ValueError):
            r.problem(where, f"has an opening time that is not a time ({opens!r} to {closes!r}).")
            continue
        for day in days:
            if day not in Weekday.values:
                r.problem(f"{where}.byday", f"{day!r} is not a day (MO, TU, WE, TH, FR, SA, SU).")
            else:
                description = r.text(schedule.get("description"), f"{where}.description")[:200]
                data["schedules"].append(
                    {"day": day, "opens_at": opens, "closes_at": closes, "description": description}
                )

    data["costs"] = []
    for n, option in enumerate(r.items("cost_options"), 1):
        where = f"cost_options[{n}]"
        try:
            amount = Decimal(str(option.get("amount")))
        except InvalidOperation:
            r.problem(f"{where}.amount", f"must be a number, not {option.get('amount')!r}.")
            continue
        if not amount.is_finite() or amount < 0 or amount >= Decimal("1000000"):
            r.problem(f"{where}.amount", f"{option.get('amount')!r} is not a possible price.")
            continue
        data["costs"].append(
            {
                "option": r.text(option.get("option"), f"{where}.option", max_length=200) or "Cost",
                "amount": amount.quantize(Decimal("0.01")),
                "amount_description": r.text(option.get("amount_description"), f"{where}.amount_description")[:200],
            }
        )

    data["languages"] = [
        {
            "name": r.text(lang.get("name"), "languages.name")[:60],
            "code": r.text(lang.get("code"), "languages.code")[:10],
        }
        for lang in r.items("languages")
        if lang.get("name")
    ]
    return data, r.problems, r.notes


def paragraphs(text):
    from django.utils.html import escape

    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def unique_slug(parent, title, taken):
    base = slugify(title)[:200] or "service"
    slug, number = base, 2
    siblings = set(parent.get_children().values_list("slug", flat=True)) | taken
    while slug in siblings:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


class Importer:
    def __init__(self, parent=None):
        self.parent = parent
        self.report = ImportReport()

    def run(self, data):
        records = service_records(data)
        services, problems = [], []
        seen = set()
        for position, record in enumerate(records, 1):
            service, record_problems, notes = read_service(record, position)
            if service["oruk_id"] and service["oruk_id"] in seen:
                record_problems.append(f"Service {position} ({service['oruk_id']}): the same id appears twice.")
            seen.add(service["oruk_id"])
            problems += record_problems
            self.report.notes += notes
            services.append(service)
        if problems:
            raise ImportProblems(problems)
        parent = self.parent or ServiceIndexPage.objects.order_by("path").first()
        if parent is None:
            raise ImportProblems(["There is no service index page to put the services under. Make one first."])
        with transaction.atomic():
            taken = set()
            for position, service in enumerate(services, 1):
                try:
                    self.write(parent.specific, service, taken)
                except Exception as error:  # a database refusal: name the record, write nothing
                    raise ImportProblems(
                        [f"Service {position} ‘{service['title']}’: could not be saved: {error}"]
                    ) from error
        return self.report

    # --- Writing ----------------------------------------------------------------------------
    def organisation(self, values):
        if values is None:
            return None
        found = Organisation.objects.filter(oruk_id=values["oruk_id"]).first()
        found = found or Organisation.objects.filter(name=values["name"]).first()
        if found:
            return found
        self.report.created["organisations"] += 1
        return Organisation.objects.create(**values)

    def location(self, values):
        found = Location.objects.filter(oruk_id=values["oruk_id"]).first()
        if found:
            return found
        self.report.created["locations"] += 1
        return Location.objects.create(**values)

    def term(self, values):
        found = TaxonomyTerm.objects.filter(oruk_id=values["oruk_id"]).first()
        if found:
            return found
        taxonomy = None
        if values["taxonomy_id"]:
            taxonomy = Taxonomy.objects.filter(oruk_id=values["taxonomy_id"]).first()
        code = slugify(values["taxonomy_name"])[:60] or "imported"
        if taxonomy is None:
            taxonomy, _ = Taxonomy.objects.get_or_create(
                code=code,
                defaults={
                    "oruk_id": values["taxonomy_id"] or uuid.uuid4(),
                    "name": values["taxonomy_name"],
                    "description": "Imported from an Open Referral feed.",
                },
            )
        term_code, number = slugify(values["name"])[:55] or "term", 2
        base = term_code
        while TaxonomyTerm.objects.filter(taxonomy=taxonomy, code=term_code).exists():
            term_code, number = f"{base}-{number}", number + 1
        self.report.created["terms"] += 1
        return TaxonomyTerm.objects.create(
            oruk_id=values["oruk_id"],
            taxonomy=taxonomy,
            code=term_code,
            name=values["name"],
            description=values["description"],
        )

    def area(self, name):
        short = name[:120]
        area = Area.objects.filter(name=short).first()
        if area:
            return area
        slug, base, number = slugify(short)[:110] or "area", slugify(short)[:110] or "area", 2
        while Area.objects.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        return Area.objects.create(name=short, slug=slug, description=name if len(name) > 120 else "")

    def write(self, parent, data, taken):
        if ServicePage.objects.filter(oruk_id=data["oruk_id"]).exists():
            self.report.skipped.append(data["title"])
            return
        summary = data["description"]
        page = ServicePage(
            title=data["title"],
            slug=unique_slug(parent, data["title"], taken),
            oruk_id=data["oruk_id"],
            live=False,
            summary=summary[:SUMMARY_LENGTH],
            body=[("text", paragraphs(summary))] if len(summary) > SUMMARY_LENGTH else [],
            status=data["status"],
            minimum_age=data["minimum_age"],
            maximum_age=data["maximum_age"],
            cost="paid" if data["costs"] else "",
            fees_description=data["fees"],
            eligibility_notes=paragraphs(data["eligibility"]),
            how_to_refer=paragraphs(data["application"]),
            organisation=self.organisation(data["organisation"]),
        )
        page.taxonomy_terms = [self.term(values) for values in data["terms"]]
        page.areas = [self.area(name) for name in data["areas"]]
        page.location_links = [ServiceLocation(location=self.location(values)) for values in data["locations"]]
        page.schedules = [ServiceSchedule(**values) for values in data["schedules"]]
        page.cost_options = [ServiceCostOption(**values) for values in data["costs"]]
        page.languages = [ServiceLanguage(**values) for values in data["languages"]]
        parent.add_child(instance=page)
        page.save_revision()
        self.report.created["services"] += 1
