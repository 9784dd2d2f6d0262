"""Helpers for the contact directory: cleaning search text, contact cards (vCard 3.0,
RFC 2426 with the escaping and line folding of RFC 6350) and schema.org JSON-LD.

Plain functions of a contact, so they can be tested without a request.
"""

import json

from django.utils.safestring import mark_safe

MAX_SEARCH_LENGTH = 100

# --- Search text ------------------------------------------------------------------------------


def clean_search_text(text):
    """Search text made safe to filter on: no control characters (PostgreSQL rejects NUL),
    spaces squeezed, at most MAX_SEARCH_LENGTH characters."""
    text = "".join(ch if ch.isprintable() else " " for ch in str(text))
    return " ".join(text.split())[:MAX_SEARCH_LENGTH]


# --- vCard ------------------------------------------------------------------------------------

FOLD_AT = 75  # octets per line, not counting the CRLF


def escape_vcard_text(value):
    """Escape a text value: backslash, comma and semicolon get a backslash; new lines become \\n."""
    value = str(value).replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold_line(line):
    """Fold a content line into lines of at most 75 octets (UTF-8), each continuation line
    starting with one space. A character is never split across lines."""
    out = []
    current = b""
    limit = FOLD_AT
    for ch in line:
        encoded = ch.encode("utf-8")
        if len(current) + len(encoded) > limit:
            out.append(current)
            current = b" "
            limit = FOLD_AT
        current += encoded
    out.append(current)
    return b"\r\n".join(out).decode("utf-8")


def make_vcard(contact, url=""):
    """The contact as a vCard 3.0 text with CRLF line ends, every line folded at 75 octets."""
    title = contact.role
    if contact.contact_person:
        full_name = contact.contact_person
        # N: family; given; additional; prefixes; suffixes. We do not guess at a split, so
        # the whole name is the family name only when it is one word.
        parts = contact.contact_person.rsplit(" ", 1)
        name = [parts[-1], parts[0] if len(parts) == 2 else "", "", "", ""]
    else:
        full_name = contact.name
        name = ["", "", "", "", ""]
    # ORG: the organisation, then the unit within it.
    org = [contact.organisation, contact.name] if contact.organisation else [contact.name]
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "FN:" + escape_vcard_text(full_name),
        "N:" + ";".join(escape_vcard_text(part) for part in name),
        "ORG:" + ";".join(escape_vcard_text(part) for part in org),
    ]
    if title:
        lines.append("TITLE:" + escape_vcard_text(title))
    if contact.phone:
        lines.append("TEL;TYPE=WORK,VOICE:" + escape_vcard_text(contact.phone))
    if contact.email:
        lines.append("EMAIL;TYPE=INTERNET,WORK:" + escape_vcard_text(contact.email))
    if contact.address_line_list or contact.town or contact.postcode:
        # ADR: PO box; extended address; street; locality; region; postal code; country.
        street = "\n".join(contact.address_line_list)
        adr = ["", "", street, contact.town, "", contact.postcode, ""]
        lines.append("ADR;TYPE=WORK:" + ";".join(escape_vcard_text(part) for part in adr))
    note = " ".join(x for x in (contact.description, contact.opening_hours) if x)
    if note:
        lines.append("NOTE:" + escape_vcard_text(note))
    if url:
        lines.append("URL:" + url)
    lines.append("END:VCARD")
    return "".join(fold_line(line) + "\r\n" for line in lines)


# --- JSON-LD ----------------------------------------------------------------------------------

# The characters that could end a <script> element or start markup, as JSON escapes.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def contact_json_ld(contact, url=""):
    """A schema.org GovernmentOrganization for the contact, with its ContactPoint and
    PostalAddress when it has them. A dict: json_ld_script() turns it into markup. None for
    a role with no details of its own (a school's SENCO is not an organisation)."""
    if contact.kind == "role" and not contact.has_details:
        return None
    data = {"@type": "GovernmentOrganization", "name": contact.name}
    if contact.description:
        data["description"] = contact.description
    if url:
        data["url"] = url
    point = {"@type": "ContactPoint", "contactType": contact.role or "enquiries"}
    if contact.contact_person:
        point["name"] = contact.contact_person
    if contact.phone:
        point["telephone"] = contact.phone
    if contact.email:
        point["email"] = contact.email
    if contact.opening_hours:
        point["hoursAvailable"] = contact.opening_hours
    if contact.phone or contact.email:
        data["contactPoint"] = point
    if contact.address_line_list or contact.town or contact.postcode:
        address = {"@type": "PostalAddress"}
        if contact.address_line_list:
            address["streetAddress"] = ", ".join(contact.address_line_list)
        if contact.town:
            address["addressLocality"] = contact.town
        if contact.postcode:
            address["postalCode"] = contact.postcode
        data["address"] = address
    if contact.organisation and contact.organisation != contact.name:
        data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": contact.organisation}
    return data


def json_ld_script(items):
    """A <script type="application/ld+json"> element for a list of schema.org items.

    The JSON is escaped so that no '<', '>' or '&' appears in it: text from a snippet cannot
    close the element. It is data, not script, so a CSP without 'unsafe-inline' allows it.
    """
    items = [item for item in items if item]
    if not items:
        return ""
    data = (
        {"@context": "https://schema.org", **items[0]}
        if len(items) == 1
        else {
            "@context": "https://schema.org",
            "@graph": items,
        }
    )
    text = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above
