"""The Local Offer duties (home/models/coverage.py, `Schedule2Item`) published as one more
taxonomy, and each service's duties (its page's `PageCoverage` tags) among its attributes.

The duties are not copied into Taxonomy and TaxonomyTerm rows: they are read from the duties
themselves (home/coverage.py), so there is one source of truth. ORUK ids must be UUIDs, so each
id is a uuid5: the taxonomy's from the regulations' address on legislation.gov.uk, each term's
from the taxonomy's id and the duty's slug (which never changes). The same duty has the same id
on every request and on every server.
"""

import uuid
from dataclasses import dataclass

from home.coverage import as_term, taxonomy_terms

LEGISLATION_URI = "https://www.legislation.gov.uk/uksi/2014/1530"
TAXONOMY_ID = uuid.uuid5(uuid.NAMESPACE_URL, LEGISLATION_URI)
TAXONOMY_NAME = "Local Offer duties (SEND Regulations 2014)"


@dataclass(frozen=True)
class DutyTaxonomy:
    """Quacks like `services.models.Taxonomy` for the serializers."""

    description: str
    oruk_id: uuid.UUID = TAXONOMY_ID
    name: str = TAXONOMY_NAME
    uri: str = LEGISLATION_URI
    version: str = ""


@dataclass(frozen=True)
class DutyTerm:
    """Quacks like `services.models.TaxonomyTerm` for the serializers."""

    oruk_id: uuid.UUID
    code: str
    name: str
    description: str
    taxonomy: DutyTaxonomy


def term_id(slug):
    return uuid.uuid5(TAXONOMY_ID, slug)


def taxonomy_description(duties):
    checked = [duty["reference"] for duty in duties if duty["checked"]]
    text = (
        "What the SEND Regulations 2014 (SI 2014/1530) ask a Local Offer to publish or do: Schedule 2 and "
        "regulations 53 to 57, in plain English. Each term says where it is in the law and whether its "
        "wording was checked against the regulations' text."
    )
    if not duties:
        return text + " No items have been added yet."
    if not checked:
        return text + f" None of the {len(duties)} items is checked against the regulations' text yet."
    text += f" {len(checked)} of the {len(duties)} items are checked against the regulations' text: "
    text += "; ".join(checked) + "."
    if len(checked) < len(duties):
        text += " The others are summaries that nobody has checked against the regulations' text yet."
    return text


def term_description(duty):
    check = (
        "Checked against the regulations' text."
        if duty["checked"]
        else "Not checked against the regulations' text: a summary."
    )
    return f"{duty['description']} ({duty['reference']}. {check})"


def make_term(duty, taxonomy):
    return DutyTerm(
        oruk_id=term_id(duty["id"]),
        code=duty["id"],
        name=duty["name"],
        description=term_description(duty),
        taxonomy=taxonomy,
    )


def load():
    """The duties taxonomy and its terms, in the duties' order (one query)."""
    duties = taxonomy_terms()
    taxonomy = DutyTaxonomy(description=taxonomy_description(duties))
    return taxonomy, [make_term(duty, taxonomy) for duty in duties]


def find_term(oruk_id):
    """The duty term with this id, or None (one query)."""
    return next((term for term in load()[1] if term.oruk_id == oruk_id), None)


def slug_for(oruk_id):
    """The slug of the duty whose term has this id, or None (one query)."""
    term = find_term(oruk_id)
    return term.code if term else None


def service_terms(service):
    """The duties the service's page is tagged with, each once, in the duties' order, from the
    tags `services.finder.with_details(full=True)` prefetched (`duty_tags`): no query."""
    taxonomy = DutyTaxonomy(description="")  # a term's record names its taxonomy, not its description
    items = {tag.item.pk: tag.item for tag in getattr(service, "duty_tags", [])}
    ordered = sorted(items.values(), key=lambda item: (item.sort_order, item.pk))
    return [make_term(as_term(item), taxonomy) for item in ordered]
