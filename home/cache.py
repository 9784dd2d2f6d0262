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
footer links and the glossary explainer's output, so an uncached render does not redo them.

When a CDN or reverse proxy is configured (`WAGTAILFRONTENDCACHE`, from the environment), every
change also purges the site's public URLs there once the transaction commits.
"""

import functools
import hashlib
import itertools
import logging
import threading
import time
from urllib.parse import parse_qsl, urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

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


def current_generation():
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    return _new_generation(cache) if generation is None else generation


def bump_generation():
    """Make every cached page (and everything kept with `for_generation`) stale."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or it was evicted)
        _new_generation(cache)
    except Exception:  # noqa: BLE001 - a cache that is down holds nothing to be stale
        logger.exception("Could not bump the page cache generation")


def for_generation(name, compute, timeout=None):
    """`compute()`, kept in the cache until the next change to the site's content."""
    cache = page_cache()
    key = f"pagecache:{name}:{current_generation()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout or settings.PAGE_CACHE_SECONDS)
    return value


def private_cookies():
    """The cookies that make a request private: a session (a signed-in editor, a page's
    password) or messages."""
    return {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages")}


def is_shared_request(request):
    """May this request get what is kept for everyone (a GET or HEAD without a session or
    messages cookie)? The same rule as the page cache's."""
    return request.method in ("GET", "HEAD") and not private_cookies().intersection(request.COOKIES)


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
