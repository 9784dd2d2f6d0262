"""'My shortlist': services, guidance pages and contacts a visitor keeps to take to a meeting.

There is no account and nothing is stored on the server. The list lives in the visitor's own
browser, in one cookie (`shortlist`) set only when they add something. It holds ids only, as
tokens like ``page-12`` and ``contact-3`` joined by dots; a shared link carries the same string
(``/shortlist/?items=page-12.contact-3``). Both are read by `parse_items()`, which accepts
nothing but known kinds and ASCII-digit ids within a database integer, at most `MAX_ITEMS` of
them, and says in plain English what it dropped. The cookie is not signed: a link can be written
by anyone, so every list is validated the same strict way, and an id only ever shows something
already public.

What can be shortlisted is a registry, so this ground-floor module never imports the apps above
it (docs/architecture.md):

- `register_page_type("services.ServicePage", describe)`: live, public pages of that type can
  be added as ``page-<id>``. `describe(pages, items)` may add key facts (contacts, who it is
  for) to the items of those pages, in a fixed number of queries for all of them.
- `register_kind("contact", "services.Contact", load)`: a kind of its own; `load(ids)` returns
  ``{id: Item}`` for the ids that can be shown, in a fixed number of queries.

Apps call these in their AppConfig.ready(). Loading a whole list costs a fixed number of
queries, however long it is (home/tests/test_shortlist.py counts them).
"""

import re
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings

from .params import MAX_ID

COOKIE_NAME = "shortlist"
COOKIE_MAX_AGE = 90 * 24 * 60 * 60  # 90 days after the list last changed
MAX_ITEMS = 50
SEPARATOR = "."
MAX_LENGTH = 2000  # longer than any list of MAX_ITEMS tokens

_TOKEN_RE = re.compile(r"([a-z]{1,20})-([0-9]{1,10})")


@dataclass
class Item:
    """One shortlisted thing, with the key facts the shortlist page shows."""

    kind: str
    pk: int
    title: str
    url: str
    label: str = ""  # what it is: 'Service', 'Guidance', 'Contact'
    summary: str = ""
    who: str = ""  # who it is for, as plain text
    contacts: list = field(default_factory=list)  # dicts: name, phone, phone_href, email, address (lines)

    @property
    def token(self):
        return f"{self.kind}-{self.pk}"


@dataclass
class Kind:
    name: str
    model_label: str
    load: object  # callable(ids) -> {id: Item}


_kinds = {}
_page_types = {}  # model label -> describe(pages, items) or None


def register_kind(name, model_label, load):
    """A kind of thing that is not a page (for example contacts): see the module docstring."""
    _kinds[name] = Kind(name, model_label, load)


def register_page_type(model_label, describe=None):
    """Pages of this type can be shortlisted: see the module docstring."""
    _page_types[model_label] = describe


def kinds():
    return {"page", *_kinds}


def token_for(obj):
    """The shortlist token for a page or object that can be shortlisted, else ''."""
    from wagtail.models import Page

    if obj is None or obj.pk is None:
        return ""
    label = obj._meta.label
    if isinstance(obj, Page):
        return f"page-{obj.pk}" if label in _page_types else ""
    for kind in _kinds.values():
        if kind.model_label == label:
            return f"{kind.name}-{obj.pk}"
    return ""


def title_for(obj):
    return getattr(obj, "title", None) or str(obj)


# --- Reading a list -------------------------------------------------------------------------------


@dataclass
class Parsed:
    tokens: list
    problems: list  # plain-English sentences

    @property
    def unusable(self):
        """Something was sent, and none of it could be used."""
        return bool(self.problems) and not self.tokens


def parse_token(value):
    """('page', 12) for 'page-12'; None for anything else."""
    match = _TOKEN_RE.fullmatch(value or "")
    if not match or match.group(1) not in kinds():
        return None
    digits = match.group(2)
    if digits.startswith("0") or not 1 <= int(digits) <= MAX_ID:
        return None
    return match.group(1), int(digits)


def parse_items(raw, source="link"):
    """The usable tokens in a cookie's or link's value, without repeats, at most MAX_ITEMS, and
    what could not be used. `source` names it in the messages: 'link' or 'cookie'."""
    where = "The link you followed" if source == "link" else "The shortlist saved in this browser"
    raw = raw or ""
    if not raw.strip():
        return Parsed([], [])
    if len(raw) > MAX_LENGTH:
        return Parsed([], [f"{where} is too long to be a shortlist. Nothing in it can be shown."])
    tokens, bad = [], 0
    for part in raw.strip().split(SEPARATOR):
        parsed = parse_token(part.strip())
        if parsed is None:
            bad += 1
            continue
        token = f"{parsed[0]}-{parsed[1]}"
        if token not in tokens:
            tokens.append(token)
    problems = []
    if bad:
        things = "1 item" if bad == 1 else f"{bad} items"
        problems.append(f"{where} has {things} we could not read, so {'it is' if bad == 1 else 'they are'} not shown.")
    if len(tokens) > MAX_ITEMS:
        problems.append(
            f"{where} has {len(tokens)} items. A shortlist holds up to {MAX_ITEMS}, so only the first {MAX_ITEMS} "
            "are shown."
        )
        tokens = tokens[:MAX_ITEMS]
    return Parsed(tokens, problems)


def join(tokens):
    return SEPARATOR.join(tokens)


def from_cookie(request):
    return parse_items(request.COOKIES.get(COOKIE_NAME, ""), source="cookie")


def set_cookie(response, tokens):
    """Keep the list in the visitor's browser (or remove the cookie when the list is empty)."""
    if not tokens:
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
        return response
    response.set_cookie(
        COOKIE_NAME,
        join(tokens),
        max_age=COOKIE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=False,  # the script reads it to mark what is already on the list; it holds ids only
        samesite="Lax",
    )
    return response


# --- Loading the items ----------------------------------------------------------------------------


def _load_pages(ids):
    from wagtail.models import Page

    models = []
    for label in _page_types:
        try:
            models.append(apps.get_model(label))
        except LookupError:
            continue
    if not ids or not models:
        return {}
    pages = list(Page.objects.live().public().filter(pk__in=ids, depth__gt=1).type(*models).specific())
    items = {}
    for page in pages:
        items[page.pk] = Item(
            kind="page",
            pk=page.pk,
            title=page.title,
            url=page.url or "",
            label=page._meta.verbose_name.replace(" page", "").capitalize(),
            summary=getattr(page, "summary", ""),
            who=page.get_audience_display() if hasattr(page, "get_audience_display") else "",
        )
    for label, describe in _page_types.items():
        if describe is None:
            continue
        of_type = [page for page in pages if page._meta.label == label]
        if of_type:
            describe(of_type, items)
    return items


def load(tokens):
    """(items in the list's order, tokens that show nothing: removed, unpublished, private).
    A fixed number of queries for any number of tokens."""
    wanted = {}
    for token in tokens:
        kind, pk = parse_token(token)
        wanted.setdefault(kind, []).append(pk)
    found = {}
    for kind, ids in wanted.items():
        loader = _load_pages if kind == "page" else _kinds[kind].load
        found[kind] = loader(ids)
    items, missing = [], []
    for token in tokens:
        kind, pk = parse_token(token)
        item = found[kind].get(pk)
        if item is None:
            missing.append(token)
        else:
            items.append(item)
    return items, missing


def contact_facts(contact):
    """The facts the shortlist shows for a contact (services' Contact or anything like it)."""
    return {
        "name": contact.name,
        "phone": contact.phone,
        "phone_href": getattr(contact, "phone_href", ""),
        "email": contact.email,
        "address": list(getattr(contact, "full_address", [])),
        "opening_hours": getattr(contact, "opening_hours", ""),
        "how_to_contact": getattr(contact, "how_to_contact", ""),
    }
