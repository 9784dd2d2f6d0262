"""The site search at /search/?q=... (see docs/search.md).

A request travels one way: this view reads and checks the request (query, section, audience,
page) with one form (search/forms.py, on home.params) → search/query.py builds the query →
search/ranking.py ranks pages, glossary terms and contacts → search/presentation.py shapes what
the template shows → search/log.py counts the search (no database write). Bad input gets a 200
with a clear message, never a 500; too many searches from one address get a 429.
"""

from django.conf import settings
from django.shortcuts import render
from django_ratelimit.decorators import ratelimit

from home.views import rate_limited

from . import scope
from .forms import SearchForm
from .log import record_search
from .presentation import present
from .query import MAX_QUERY_LENGTH, build_query
from .ranking import run_search
from .spelling import suggest_spelling

RATE = getattr(settings, "SEARCH_RATE_LIMIT", "60/m")


@ratelimit(key="ip", rate=RATE, block=False)
def search(request):
    if getattr(request, "limited", False):
        return rate_limited(request)

    sections = scope.get_sections(scope.get_home(request))
    form = SearchForm.read(request, sections=sections, audiences=scope.AUDIENCES)
    values = form.values
    text, section, audience = values["q"], values["section"], values["audience"]
    page_number = values["page"] or 1
    messages = []
    if form.too_long:
        messages.append(f"Your search was too long, so we used the first {MAX_QUERY_LENGTH} characters.")

    context = {
        "query": text,
        "search_query": text,
        "messages_for_search": messages,
        "problems": form.problems,
        "sections": sections,
        "audiences": scope.AUDIENCES,
        "section": section,
        "audience": audience,
        "explain_terms": False,  # results are already highlighted; no glossary links inside them
    }
    built = build_query(text) if text else None
    if text and built.empty:
        messages.append("Your search had no words we could look for. Try words, not just symbols.")
    if built is not None and not built.empty:
        outcome = run_search(built, section or None, audience or None, sections)
        context.update(present(outcome, page_number, sections, request.GET))
        if outcome.total == 0 or built.corrected:
            context["suggestion"] = suggest_spelling(text)
        if page_number == 1 and not section and not audience:
            record_search(text, outcome.total > 0)
    elif not text:
        context["glossary_page"] = scope.glossary_page()
        context["directory"] = scope.directory_page()
    return render(request, "search/search.html", context)
