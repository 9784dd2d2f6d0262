"""The site search at /search/?q=... (see docs/search.md).

Reads and checks the request (query, section, audience, page) with one form
(search/forms.py, on home.params), runs the search
(search/engine.py), counts it in the cache (search/log.py) and renders
templates/search/search.html. Bad input gets a 200 with a clear message, never a 500; too
many searches from one address get a 429.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django_ratelimit.decorators import ratelimit

from home.views import rate_limited

from . import engine
from .forms import SearchForm
from .log import record_search
from .query import MAX_QUERY_LENGTH, build_query

RATE = getattr(settings, "SEARCH_RATE_LIMIT", "60/m")


@ratelimit(key="ip", rate=RATE, block=False)
def search(request):
    if getattr(request, "limited", False):
        return rate_limited(request)

    home = engine.get_home(request)
    sections = engine.get_sections(home)
    form = SearchForm.read(request, sections=sections, audiences=engine.AUDIENCES)
    values = form.values
    text, section, audience = values["q"], values["section"], values["audience"]
    page_number = values["page"] or 1
    messages = []
    if form.too_long:
        messages.append(f"Your search was too long, so we used the first {MAX_QUERY_LENGTH} characters.")
    built = build_query(text)

    context = {
        "query": text,
        "search_query": text,
        "messages_for_search": messages,
        "problems": form.problems,
        "sections": sections,
        "audiences": engine.AUDIENCES,
        "section": section,
        "audience": audience,
        "explain_terms": False,  # results are already highlighted; no glossary links inside them
    }

    if text and built.empty:
        messages.append("Your search had no words we could look for. Try words, not just symbols.")
    if not built.empty:
        outcome = engine.run_search(built, section or None, audience or None, sections)
        terms = built.highlight_terms()
        paginator = Paginator(outcome.pages, engine.PER_PAGE)
        results_page = paginator.get_page(page_number)
        titles = engine.section_titles(sections)
        context.update(
            {
                "outcome": outcome,
                "paginator": paginator,
                "results_page": results_page,
                "results": [engine.page_result(page, terms, titles) for page in results_page.object_list],
                "glossary_results": [engine.glossary_result(t, terms, outcome.glossary_page) for t in outcome.glossary]
                if results_page.number == 1
                else [],
                "contact_results": [engine.contact_result(c, terms, outcome.directory) for c in outcome.contacts]
                if results_page.number == 1
                else [],
                "total": outcome.total,
                "page_links": _page_links(results_page, paginator),
                "glossary_page": outcome.glossary_page,
                "directory": outcome.directory,
            }
        )
        if outcome.total == 0:
            context["suggestion"] = engine.suggest_spelling(text)
        if page_number == 1 and not section and not audience:
            record_search(text, outcome.total > 0)
    elif not text:
        context["glossary_page"] = engine.apps.get_model("guidance", "GlossaryPage").objects.live().first()
        context["directory"] = engine._directory_page()
    return render(request, "search/search.html", context)


def _page_links(results_page, paginator):
    """GOV.UK pagination items: first, last, current and its neighbours, with ellipses."""
    if paginator.num_pages <= 1:
        return []
    current = results_page.number
    wanted = sorted({1, paginator.num_pages, current - 1, current, current + 1} & set(paginator.page_range))
    items, previous = [], 0
    for number in wanted:
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "current": number == current})
        previous = number
    return items
