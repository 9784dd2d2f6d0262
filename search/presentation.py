"""Presentation: turning a ranked search into what the results page shows. Every result,
whether a page, a glossary term or a contact, becomes a `Result` with its summary escaped and
the matched words in <mark>."""

import re
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page

from home.pagination import pagination

PER_PAGE = 10


@dataclass
class Result:
    title: str
    url: str
    section: str = ""
    summary: str = ""
    audience: str = ""
    kind: str = "page"
    extra: dict = field(default_factory=dict)


def highlight(text, terms):
    """`text` escaped, with the words and phrases in `terms` (and longer words that start with
    them) wrapped in <mark>. Escapes first, so markup in the text or the query is harmless."""
    text = text or ""
    words = sorted({t for t in terms if t}, key=len, reverse=True)
    if not words:
        return escape(text)
    pattern = re.compile(
        r"(?<!\w)(" + "|".join(r"\W+".join(map(re.escape, w.split())) for w in words) + r")\w*", re.IGNORECASE
    )
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def page_result(page, terms, titles):
    section = titles.get(page.path[: len(next(iter(titles), ""))], "") if titles else ""
    if section == page.title:
        section = ""
    audience = page.get_audience_display() if hasattr(page, "get_audience_display") else ""
    summary = getattr(page, "summary", "") or page.search_description or ""
    return Result(
        title=page.title,
        url=page.get_url(),
        section=section,
        summary=highlight(summary, terms),
        audience=audience,
    )


def glossary_result(term, terms, glossary_page):
    url = f"{glossary_page.url}#{term.slug}" if glossary_page else ""
    title = f"{term.term} ({term.full_form})" if term.full_form else term.term
    return Result(title=title, url=url, section="Glossary", summary=highlight(term.meaning, terms), kind="glossary")


def contact_result(contact, terms, directory):
    url = contact.get_url(directory=directory) if directory else ""
    lines = [x for x in (contact.contact_person, contact.role) if x]
    return Result(
        title=contact.name,
        url=url,
        section="Contacts",
        summary=highlight(contact.description, terms),
        audience=contact.get_audience_display(),
        kind="contact",
        extra={"person": ", ".join(lines), "phone": contact.phone, "email": contact.email},
    )


def to_result(item, terms, outcome, titles):
    """Any item of the ranked list as a Result."""
    if isinstance(item, Page):
        return page_result(item, terms, titles)
    if hasattr(item, "full_form"):
        return glossary_result(item, terms, outcome.glossary_page)
    return contact_result(item, terms, outcome.directory)


def present(outcome, page_number, sections, params):
    """The template's context for a search: the best answer (first page only), at most one
    panel above the ranked list (the other one below it, so that on a phone the first real
    answer is never more than one panel down), and one page of the ranked list."""
    terms = outcome.built.highlight_terms()
    titles = {item.path: item.title for item in sections}
    paginator = Paginator(outcome.pages, PER_PAGE)
    results_page = paginator.get_page(page_number)
    items = list(results_page.object_list)
    first_page = results_page.number == 1
    best = outcome.best_answer if first_page else None
    if best is not None and items and items[0] is best:
        items = items[1:]
    panels = []
    if first_page:
        if outcome.glossary:
            panels.append(("glossary", [glossary_result(t, terms, outcome.glossary_page) for t in outcome.glossary]))
        if outcome.contacts:
            panels.append(("contacts", [contact_result(c, terms, outcome.directory) for c in outcome.contacts]))
    return {
        "outcome": outcome,
        "paginator": paginator,
        "results_page": results_page,
        "best_answer": to_result(best, terms, outcome, titles) if best is not None else None,
        "results": [to_result(item, terms, outcome, titles) for item in items],
        "results_start": results_page.start_index() + (1 if best is not None else 0),
        "panels_above": panels[:1],
        "panels_below": panels[1:],
        "total": outcome.total,
        "pagination": pagination(params, results_page.number, paginator.num_pages),
        "glossary_page": outcome.glossary_page,
        "directory": outcome.directory,
    }
