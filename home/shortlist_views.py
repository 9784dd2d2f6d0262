"""The 'My shortlist' page and its three forms (home/shortlist.py says how the list is kept).

- GET /shortlist/ shows the list from the visitor's cookie, or from a shared link
  (?items=page-12.contact-3). It is for one visitor: `Cache-Control: private, no-store`, so the
  page cache never keeps it (home/middleware.py).
- POST /shortlist/add/ and /shortlist/remove/ (kind, id) change the cookie and redirect (303) to
  the list, which says what changed; a script asking for JSON gets the answer in place.
- POST /shortlist/save/ (items) keeps a shared list in this browser.

CSRF: 'Add to my shortlist' is on every service, guidance and contact page, and those pages are
cached and shared by everyone, so the form cannot carry a per-visitor CSRF token. Like 'Is this
page useful?', the POSTs are csrf_exempt and refuse a request from another site by its Origin (or
Referer) header (`is_same_origin`, home/feedback_views.py). The worst another site could do
without that check is add or remove an item on someone's list; with it, it cannot do that either.
"""

from urllib.parse import quote

from django import forms
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import shortlist
from .feedback_views import is_same_origin
from .params import BoundedIntegerField, KnownValueField, QueryForm

# --- Forms ----------------------------------------------------------------------------------------


class TokenField(forms.CharField):
    """One item's token ('page-12'), as the banners after adding or removing carry it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = (value or "").strip()[:40]
        if value and shortlist.parse_token(value) is None:
            raise forms.ValidationError("We could not tell which item that was.")
        return value


class ShortlistQuery(QueryForm):
    """The shortlist page's query string: a shared list, and what was just added or removed."""

    items = forms.CharField(required=False, strip=True)  # read by shortlist.parse_items()
    added = TokenField()
    removed = TokenField()
    saved = KnownValueField(choices=[("1", "yes")])


class ItemForm(forms.Form):
    """'Add to my shortlist' and 'Remove': which item."""

    kind = KnownValueField(label_text="kind of item", required=True)
    id = BoundedIntegerField(min_value=1, label_text="item number", required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(kind, kind) for kind in sorted(shortlist.kinds())]

    @property
    def token(self):
        return f"{self.cleaned_data['kind']}-{self.cleaned_data['id']}"


class SaveForm(forms.Form):
    items = forms.CharField(required=False, strip=True)


# --- Helpers --------------------------------------------------------------------------------------


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


class SeeOther(HttpResponseRedirect):
    status_code = 303


def _wants_json(request):
    return request.headers.get("Accept", "").startswith("application/json")


def _problem(request, title, message, status):
    """A plain message page, or JSON for the script, with the right status."""
    if _wants_json(request):
        return _private(JsonResponse({"error": message}, status=status))
    context = {"title": title, "message": message, "shortlist_url": reverse("home:shortlist")}
    return _private(render(request, "home/shortlist_problem.html", context, status=status))


def _refuse_other_sites(request):
    if is_same_origin(request):
        return None
    return _problem(
        request,
        "Sorry, your shortlist was not changed",
        "We only accept changes to your shortlist sent from a page on this website.",
        403,
    )


def _read_item(request):
    """(token, item) for the posted kind and id, or (None, a problem response)."""
    form = ItemForm(request.POST)
    if not form.is_valid():
        return None, _problem(
            request, "Sorry, we could not tell what to change", "We could not tell which item you meant.", 400
        )
    token = form.token
    items, _missing = shortlist.load([token])
    return token, (items[0] if items else None)


def share_url(request, tokens):
    return request.build_absolute_uri(reverse("home:shortlist") + "?items=" + shortlist.join(tokens))


def mailto(request, items, tokens, service_name):
    """A mailto: link whose body lists each item's title, address and phone and email."""
    lines = [f"My shortlist from the {service_name}", ""]
    for item in items:
        lines.append(item.title)
        if item.url:
            lines.append(request.build_absolute_uri(item.url))
        for contact in item.contacts:
            details = [d for d in (contact["phone"] and f"Phone: {contact['phone']}", contact["email"]) if d]
            if details:
                lines.append(f"{contact['name']}: " + ", ".join(details))
        lines.append("")
    lines.append("Open the whole list: " + share_url(request, tokens))
    subject = f"My shortlist from the {service_name}"
    return f"mailto:?subject={quote(subject)}&body={quote(chr(10).join(lines))}"


# --- Views ----------------------------------------------------------------------------------------


@require_GET
def shortlist_page(request):
    query = ShortlistQuery.read(request)
    values = query.values
    shared = "items" in request.GET
    parsed = shortlist.parse_items(values["items"], "link") if shared else shortlist.from_cookie(request)
    items, missing = shortlist.load(parsed.tokens)
    tokens = [item.token for item in items]

    just_added = next((item for item in items if item.token == values["added"]), None)
    just_removed = shortlist.load([values["removed"]])[0] if values["removed"] else []
    from wagtail.models import Site

    site = Site.find_for_request(request)
    service_name = "Local Offer"
    if site is not None:
        from .models import SiteSettings

        service_name = SiteSettings.for_site(site).service_name or service_name
    context = {
        "items": items,
        "tokens": shortlist.join(tokens),
        "missing_count": len(missing),
        "problems": [{"text": text, "href": "#shortlist-items"} for text in parsed.problems],
        "shared": shared,
        "share_url": share_url(request, tokens) if tokens else "",
        "mailto": mailto(request, items, tokens, service_name) if items else "",
        "just_added": just_added,
        "just_removed": just_removed[0] if just_removed else None,
        "saved": values["saved"] == "1",
        "max_items": shortlist.MAX_ITEMS,
    }
    status = 400 if shared and parsed.unusable else 200
    response = render(request, "home/shortlist_page.html", context, status=status)
    if not shared and shortlist.COOKIE_NAME in request.COOKIES and (missing or parsed.problems):
        shortlist.set_cookie(response, tokens)  # forget what can no longer be shown
    return _private(response)


@csrf_exempt  # no per-visitor token on cached pages: see the module docstring
@require_POST
def add(request):
    if refused := _refuse_other_sites(request):
        return refused
    token, item = _read_item(request)
    if token is None:
        return item
    if item is None:
        return _problem(
            request,
            "Sorry, that cannot be added",
            "We could not find that item. It may have been removed from this website.",
            400,
        )
    tokens = shortlist.from_cookie(request).tokens
    if token not in tokens:
        if len(tokens) >= shortlist.MAX_ITEMS:
            return _problem(
                request,
                "Your shortlist is full",
                f"Your shortlist holds up to {shortlist.MAX_ITEMS} items. Remove something from it to add this.",
                400,
            )
        tokens.append(token)
    if _wants_json(request):
        message = f"‘{item.title}’ has been added to your shortlist. It has {len(tokens)} " + (
            "item." if len(tokens) == 1 else "items."
        )
        response = JsonResponse({"count": len(tokens), "title": item.title, "message": message})
    else:
        response = SeeOther(reverse("home:shortlist") + "?added=" + token)
    return _private(shortlist.set_cookie(response, tokens))


@csrf_exempt  # as add()
@require_POST
def remove(request):
    if refused := _refuse_other_sites(request):
        return refused
    form = ItemForm(request.POST)
    if not form.is_valid():
        return _problem(
            request, "Sorry, we could not tell what to change", "We could not tell which item you meant.", 400
        )
    token = form.token
    tokens = [t for t in shortlist.from_cookie(request).tokens if t != token]
    if _wants_json(request):
        response = JsonResponse({"count": len(tokens), "message": "Removed from your shortlist."})
    else:
        response = SeeOther(reverse("home:shortlist") + "?removed=" + token)
    return _private(shortlist.set_cookie(response, tokens))


@csrf_exempt  # as add()
@require_POST
def save(request):
    """Keep a shared list in this browser, after anything already on this browser's list."""
    if refused := _refuse_other_sites(request):
        return refused
    form = SaveForm(request.POST)
    form.is_valid()
    parsed = shortlist.parse_items(form.cleaned_data.get("items", ""), "link")
    if parsed.unusable or not parsed.tokens:
        return _problem(request, "Sorry, the list was not saved", "We could not read the list you tried to save.", 400)
    tokens = shortlist.from_cookie(request).tokens
    tokens += [token for token in parsed.tokens if token not in tokens]
    tokens = tokens[: shortlist.MAX_ITEMS]
    response = SeeOther(reverse("home:shortlist") + "?saved=1")
    return _private(shortlist.set_cookie(response, tokens))
