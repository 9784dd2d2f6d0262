"""The public page cache, shared by every app (see docs/operations.md, 'The page cache').

Anonymous GET requests for public pages are answered from Django's cache (Redis in
production, local memory in the embedded default) by `home.middleware.PageCacheMiddleware`.

Freshness comes from one number, the **generation**. Every stored page remembers the
generation it was rendered under; a page from an older generation is never served. Anything
that can change what a page shows bumps the generation (see `connect_signals` below): publishing,
unpublishing, moving or deleting a page, and saving or deleting a model an app registers with
`depends_on` (site settings, contacts, glossary terms, 'You said, we did' items, redirects...).
The generation is bumped at once and again when the transaction commits, so a page rendered
from data read before the commit is not kept either.

The same generation keys the small things every page needs (`for_generation`): site settings,
footer links and the glossary explainer's output, so an uncached render does not redo them; and,
for requests that may share the page cache, the page found for a path (home/routing.py) and
fragments that are the same on every page of the site (`cached_fragment`: the footer), stored
only from responses the page cache could keep. (A page's own content is not kept apart: the
page cache already keeps the whole page for the same address.) `in_process` keeps read-only
values in a worker's memory for the current generation. Within a request the generation is
read once (`request_generation`).

When a CDN or reverse proxy is configured (`WAGTAILFRONTENDCACHE`, from the environment), every
change also purges the site's public URLs there once the transaction commits.
"""

import contextlib
import contextvars
import functools
import hashlib
import itertools
import logging
import pickle
import threading
import time
from urllib.parse import parse_qsl, urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import translation

from .cache_watch import GenerationWatch, LocalPages, announce, is_watchable

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
MAX_URL_LENGTH = 1000  # longer addresses are served, not stored

# Models (as "app_label.ModelName") whose saves and deletes change what public pages show.
# Apps add their own with depends_on() in their AppConfig.ready(); Wagtail's are here.
_dependencies = {
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailcore.Locale",
    "wagtailredirects.Redirect",
    "wagtailimages.Image",
    "wagtaildocs.Document",
}


def depends_on(*labels):
    """Register models ("app_label.ModelName") that public pages show: saving or deleting one
    makes every cached page stale."""
    _dependencies.update(labels)


# Site-wide addresses that are not pages but list them ("/sitemap.xml", "/robots.txt"): apps add
# them with also_purge() in their AppConfig.ready(), so a CDN purge reaches them as well.
_site_paths = set()


def also_purge(*paths):
    """Register site-wide paths (from the site's root, such as "/sitemap.xml") that show what
    pages there are: every CDN purge includes them, on every site."""
    _site_paths.update(paths)


def site_paths():
    return sorted(_site_paths)


def is_dependency(model):
    from wagtail.models import Page

    return issubclass(model, Page) or model._meta.label in _dependencies


def page_cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


# --- The generation ---------------------------------------------------------------------------


def _new_generation(cache):
    # A clock value, never a small number: if the key is lost (evicted, Redis restarted), the
    # next generation is still one no stored page was rendered under.
    cache.add(GENERATION_KEY, time.time_ns(), None)
    return cache.get(GENERATION_KEY)


def _read_generation(cache):
    generation = cache.get(GENERATION_KEY)
    return _new_generation(cache) if generation is None else generation


# Each process watches the generation (Redis only): see home/cache_watch.py.
_watch = GenerationWatch()
_local_pages = LocalPages()


def watched_generation(cache):
    """The generation as this process knows it from the bumps Redis announces (no round trip),
    or None: not Redis, or not subscribed just now (then read it from the cache)."""
    if not is_watchable(cache):
        return None
    return _watch.current(cache, functools.partial(_read_generation, cache))


def local_page(key, generation):
    """A page this process kept in memory for `generation` (see `watched_generation`)."""
    return _local_pages.get(key, generation)


def keep_local_page(key, entry):
    _local_pages.put(key, entry)


def current_generation():
    memo = _request_memo.get()
    if memo:
        return memo["generation"]
    cache = page_cache()
    generation = watched_generation(cache)
    if generation is None:
        generation = _read_generation(cache)
    if memo is not None:
        memo["generation"] = generation
    return generation


# Within a request (`request_generation`), the generation is read from the cache once, so the
# dozen things a render takes with `for_generation` cost one cache read each, not two. A bump in
# the same request forgets it; a bump elsewhere during the request is seen by the next request,
# as with the page cache, which stores a page under the generation read at the request's start.
_request_memo = contextvars.ContextVar("pagecache_request_memo", default=None)


@contextlib.contextmanager
def request_generation():
    """Read the generation at most once within the block (a request)."""
    token = _request_memo.set({})
    try:
        yield
    finally:
        _request_memo.reset(token)


def remember_generation(generation):
    """Within `request_generation`, take `generation` (just read by the caller) as current."""
    memo = _request_memo.get()
    if memo is not None:
        memo["generation"] = generation


def bump_generation():
    """Make every cached page (and everything kept with `for_generation`) stale."""
    memo = _request_memo.get()
    if memo:
        memo.clear()
    cache = page_cache()
    try:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:  # no generation yet (or it was evicted)
            _new_generation(cache)
        if is_watchable(cache):
            _watch.forget()
            announce(cache, GENERATION_KEY)
    except Exception:  # noqa: BLE001 - a cache that is down holds nothing to be stale
        logger.exception("Could not bump the page cache generation")


def for_generation(name, compute, timeout=None):
    """`compute()`, kept in the cache until the next change to the site's content.

    Each process also keeps a pickled copy for the current generation (`_this_generation`), so
    a render asks the shared cache only once per process and generation, not once per value per
    request (a dozen network round trips with Redis). Every call still gets a fresh copy
    (unpickled), so a caller may change what it gets (routing sets attributes on its page)."""
    generation = current_generation()
    local = _this_generation(generation)
    blob = local.get(("shared", name))
    if blob is not None:
        return pickle.loads(blob)  # noqa: S301 - our own values, pickled by this process
    cache = page_cache()
    key = f"pagecache:{name}:{generation}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout or settings.PAGE_CACHE_SECONDS)
    if value is not None:
        local[("shared", name)] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    return value


def private_cookies():
    """The cookies that make a request private: a session (a signed-in editor, a page's
    password) or messages."""
    return {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages")}


def is_shared_request(request):
    """May this request get what is kept for everyone (a GET or HEAD without a session or
    messages cookie)? The same rule as the page cache's."""
    return request.method in ("GET", "HEAD") and not private_cookies().intersection(request.COOKIES)


# Values kept in this process's memory for the current generation (`in_process`): no cache
# round trip and no pickling. They are shared by every request this process serves until the
# next change, so callers must never change them.
_in_process = {"generation": None, "values": {}}
IN_PROCESS_MAX = 500


def in_process(name, compute):
    """`compute()`, kept in this process until the next change to the site's content (the
    generation is still read from the shared cache, so every process sees a change at once).
    For read-only values that are costly to build and to unpickle (the eligibility check's
    questions). The value is shared between requests: never change it."""
    values = _this_generation(current_generation())
    if name not in values:
        values[name] = compute()
    return values[name]


def _this_generation(generation):
    """This process's values for `generation` (emptied when the generation changes, or when
    it holds IN_PROCESS_MAX values)."""
    if _in_process["generation"] != generation or len(_in_process["values"]) >= IN_PROCESS_MAX:
        _in_process["generation"], _in_process["values"] = generation, {}
    return _in_process["values"]


# --- Keys ---------------------------------------------------------------------------------------


def page_key(request):
    """The cache key for a request: scheme, host, path and the query with its items sorted
    (so ?a=1&b=2 and ?b=2&a=1 share one entry). None if the address is not one to store."""
    query = sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True))
    url = f"{request.scheme}://{request.get_host()}{request.path}"
    if query:
        url += "?" + urlencode(query)
    if len(url) > MAX_URL_LENGTH:
        return None
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


# --- Fragments: parts of the page frame that every page of the site shares --------------------


def fragment_key(request, name):
    """The key of fragment `name` of every page of the site at this request's scheme and host,
    in the active language and the current generation; None if the request may not share what
    is kept (a signed-in editor, a POST, an address the page cache leaves out)."""
    if request is None or not is_shared_request(request):
        return None
    if request.path_info.startswith(tuple(getattr(settings, "PAGE_CACHE_EXCLUDE_PREFIXES", ()))):
        return None
    try:
        where = f"site:{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return None
    return f"pagecache:fragment:{name}:{translation.get_language()}:{current_generation()}:{where}"


def cached_fragment(request, name, render):
    """The HTML of fragment `name` of the site's pages, from the cache if a page of the site
    rendered it in this generation, or `render()`. A fragment rendered now is only remembered on
    the request: `keep_fragments` stores it once the whole response is known to be one the page
    cache could keep (no cookie, not private or no-store), so a fragment never holds what a
    response for one visitor only held (a CSRF token, the eligibility check's answers)."""
    key = fragment_key(request, name)
    if key is None:
        return render()
    # This process's copy (the key holds the generation): a string, nothing to unpickle.
    local = _this_generation(current_generation())
    html = local.get(("fragment", key))
    if html is not None:
        return html
    try:
        html = page_cache().get(key)
    except Exception:  # noqa: BLE001 - with the cache down, render
        logger.exception("A page fragment could not be read")
        return render()
    if html is not None:
        local[("fragment", key)] = html
    else:
        html = render()
        if not hasattr(request, "_shared_fragments"):
            request._shared_fragments = {}
        request._shared_fragments[key] = str(html)
    return html


def keep_fragments(request, seconds):
    """Store the fragments this request rendered (see `cached_fragment`). The caller has
    checked that the response is one a shared cache may keep."""
    fragments = getattr(request, "_shared_fragments", None)
    if not fragments:
        return
    try:
        page_cache().set_many(fragments, seconds)
    except Exception:  # noqa: BLE001 - the visitor still gets the page
        logger.exception("Page fragments could not be written")
    local = _this_generation(current_generation())
    for key, html in fragments.items():
        local[("fragment", key)] = html


# --- What makes pages stale ---------------------------------------------------------------------


def _purge_frontend_cache():
    """Purge the site's public URLs from the CDN or reverse proxy, if one is configured.

    Any change may show on many pages (a contact on its service pages, a glossary term on every
    page that uses it, the footer on all of them), so every live public page is purged, with the
    extra addresses a page lists in `get_cached_paths()` (the contact directory's contacts) and
    the site-wide paths registered with `also_purge()` (the sitemap, robots.txt). The site is a
    few hundred pages; Wagtail sends them in batches."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
    from wagtail.models import Page, Site

    if not get_backends():
        return
    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().public().filter(depth__gt=1).specific())
    batch.add_urls(site.root_url + path for site in Site.objects.all() for path in site_paths())
    batch.purge()


_pending = threading.local()  # per thread, as Django's database connections are
_tickets = itertools.count()


def _after_commit(ticket):
    bump_generation()
    # One purge per transaction: every change registered a callback, and only the last one
    # registered on this thread does the work (they all run, in order, at the commit).
    if getattr(_pending, "ticket", None) != ticket:
        return
    try:
        _purge_frontend_cache()
    except Exception:  # noqa: BLE001 - a CDN that cannot be reached must not undo a publish
        logger.exception("Could not purge the frontend cache")


def content_changed(**kwargs):
    """Something public pages show has changed: bump the generation now and again (with a
    CDN purge) when the transaction commits."""
    bump_generation()
    ticket = _pending.ticket = next(_tickets)
    transaction.on_commit(functools.partial(_after_commit, ticket), robust=True)


# Saves that only record a draft, a lock or a workflow step: the live page is unchanged.
DRAFT_ONLY_FIELDS = {
    "comments",
    "latest_revision_created_at",
    "draft_title",
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_by",
    "locked_at",
}


def _model_saved_or_deleted(sender, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    if is_dependency(sender):
        content_changed()


def _m2m_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and is_dependency(type(instance)):
        content_changed()


def connect_signals():
    """Connect the receivers once (called from home's AppConfig.ready)."""
    from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(content_changed, dispatch_uid=f"pagecache-{id(signal)}")
    post_save.connect(_model_saved_or_deleted, dispatch_uid="pagecache-post-save")
    post_delete.connect(_model_saved_or_deleted, dispatch_uid="pagecache-post-delete")
    m2m_changed.connect(_m2m_changed, dispatch_uid="pagecache-m2m")


def registered_models():
    """The registered models that exist (for the tests and the docs)."""
    found = []
    for label in sorted(_dependencies):
        try:
            found.append(apps.get_model(label))
        except LookupError:
            continue
    return found
