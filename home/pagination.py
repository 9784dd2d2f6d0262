"""GOV.UK pagination for any list split into pages (search results, Find support).

`pagination(params, current, last)` gives what `templates/includes/pagination.html` shows:
previous and next links, and numbered links to the first page, the last, the current one and its
neighbours, with an ellipsis for each gap. Every link keeps the other query parameters.
"""


def pagination(params, current, last, name="page"):
    """`params`: the query parameters each link keeps (a QueryDict, e.g. request.GET, without
    any that should be dropped); `current`, `last`: page numbers (1-based)."""
    params = params.copy()

    def url(number):
        params[name] = str(number)
        return "?" + params.urlencode()

    shown = sorted({1, last, current - 1, current, current + 1} & set(range(1, last + 1)))
    items, previous = [], 0
    for number in shown:
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": url(number), "current": number == current})
        previous = number
    return {
        "previous": url(current - 1) if current > 1 else "",
        "next": url(current + 1) if current < last else "",
        "items": items if last > 1 else [],
    }
