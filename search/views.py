"""The site search. (A first version: issue 7 makes it understand SEND words.)"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import render
from wagtail.models import Page
from wagtail.search.utils import parse_query_string

MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        filters, parsed = parse_query_string(query, operator="and")
        results = Page.objects.live().public().specific().search(parsed)
    paginator = Paginator(results if results is not None else [], 10)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (EmptyPage, PageNotAnInteger):
        page = paginator.page(1)
    response = render(request, "search/search.html", {"query": query, "results": page, "paginator": paginator})
    return response
