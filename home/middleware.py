"""Middleware the whole site shares."""

import logging

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse, HttpResponseNotAllowed
from django.utils import translation
from django.utils.cache import patch_cache_control
from wagtail.views import serve as wagtail_serve

from .cache import (
    GENERATION_KEY,
    current_generation,
    is_shared_request,
    keep_fragments,
    keep_local_page,
    local_page,
    page_cache,
    page_key,
    private_cookies,
    remember_generation,
    request_generation,
    watched_generation,
)
from .cache_watch import is_watchable
from .routing import route_for_request, site_root_paths
from .routing import serve as routing_serve

logger = logging.getLogger(__name__)

PUBLIC_METHODS = ("GET", "HEAD", "POST")


class PublicMethodsMiddleware:
    """Answer 405 Method Not Allowed to PUT, DELETE, PATCH and other methods on public pages.

    Every public page is a page to read (GET, HEAD) or a form to send (POST). Wagtail's page
    views otherwise answer any method as if it were GET. The admin has its own rules, so it is
    left alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in PUBLIC_METHODS and not request.path_info.startswith("/admin/"):
            return HttpResponseNotAllowed(PUBLIC_METHODS)
        return self.get_response(request)


def path_without_language(path):
    """The path with its language prefix taken off ("/cy/search/" -> "/search/")."""
    language = translation.get_language_from_path(path)
    if language and language != settings.LANGUAGE_CODE:
        return path[len(language) + 1 :]
    return path


class LanguageFromPathMiddleware:
    """Activate the language its address names (/cy/..., /ur/...), or English.

    Unlike Django's LocaleMiddleware, this never reads Accept-Language or a cookie and never
    redirects: one address is one page in one language, which the page cache and a CDN can keep
    for everyone (no `Vary: Accept-Language`). Visitors choose a language with the switcher.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        request.LANGUAGE_CODE = language
        # Only for this request: the thread goes back to the language it had (nothing leaks
        # into the next request or a test).
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class PageCacheMiddleware:
    """Answer anonymous GET and HEAD requests for public pages from the shared page cache.

    Placed straight after whitenoise, so a cached page skips everything else. A request with a
    session or messages cookie (a signed-in editor, or someone who has just entered a page's
    password) is never answered from the cache and never stored: its response is marked
    `private, no-store`. A response is stored only if it is a GET for a public address (not the
    admin, documents, search or feedback), has a status worth keeping, sets no cookie and does
    not say `private`, `no-cache` or `no-store` (the eligibility check's steps do). Stored pages
    lose `Vary: Cookie` and get `Cache-Control: public, s-maxage=...` for a CDN. See
    home/cache.py for how changes make stored pages stale.
    """

    STORABLE_STATUSES = {200, 301, 302, 404, 410}
    MAX_BYTES = 2 * 1024 * 1024

    def __init__(self, get_response):
        self.get_response = get_response
        self.excluded = tuple(getattr(settings, "PAGE_CACHE_EXCLUDE_PREFIXES", ()))
        self.private_cookies = private_cookies()
        self.seconds = settings.PAGE_CACHE_SECONDS
        self.shared_max_age = settings.PAGE_CACHE_SHARED_MAX_AGE

    def __call__(self, request):
        with request_generation():
            return self.answer(request)

    def answer(self, request):
        if not settings.PAGE_CACHE_ENABLED:
            response = self.get_response(request)
            self.keep_fragments(request, response)
            return response
        if self.private_cookies.intersection(request.COOKIES):
            response = self.get_response(request)
            patch_cache_control(response, private=True, no_store=True)
            return response

        key = self.key_for(request)
        generation = None
        if key is not None:
            try:
                cache = page_cache()
                generation = watched_generation(cache)
                if generation is not None:
                    # Redis, watched (home/cache_watch.py): the generation is known without a
                    # round trip, and a page this worker has served is in its own memory.
                    remember_generation(generation)
                    entry = local_page(key, generation)
                    if entry is None:
                        entry = cache.get(key)
                        if entry is not None and entry[0] == generation:
                            keep_local_page(key, entry)
                else:
                    found = cache.get_many([GENERATION_KEY, key])
                    generation = found.get(GENERATION_KEY) or current_generation()
                    remember_generation(generation)
                    entry = found.get(key)
            except Exception:  # noqa: BLE001 - with the cache down, render the page
                logger.exception("The page cache could not be read")
                key = entry = None
            if entry is not None and entry[0] == generation:
                return self.from_entry(request, entry)

        response = self.get_response(request)
        self.keep_fragments(request, response)
        if key is not None and generation is not None and self.storable(request, response):
            self.store(key, generation, response)
            response["X-Page-Cache"] = "miss"
        elif not response.has_header("Cache-Control"):
            # Search results, form answers, errors: a shared cache must not keep them.
            patch_cache_control(response, private=True, no_cache=True)
        return response

    def key_for(self, request):
        if request.method not in ("GET", "HEAD") or path_without_language(request.path_info).startswith(self.excluded):
            return None
        try:
            return page_key(request)
        except DisallowedHost:
            return None

    def keep_fragments(self, request, response):
        """Store the fragments the page rendered (home.cache.cached_fragment), if the response
        is one the page cache could keep. With the page cache off too: the footer kept for the
        whole site is part of what keeps an uncached render cheap."""
        if getattr(request, "_shared_fragments", None) and self.key_for(request) and self.storable(request, response):
            keep_fragments(request, self.seconds)

    def storable(self, request, response):
        if request.method != "GET" or response.status_code not in self.STORABLE_STATUSES:
            return False
        if response.streaming or response.cookies or len(response.content) > self.MAX_BYTES:
            if response.cookies:
                logger.warning("Not caching %s: it sets cookies %s", request.path, ", ".join(response.cookies))
            return False
        control = response.get("Cache-Control", "").lower()
        return not any(word in control for word in ("private", "no-store", "no-cache"))

    def store(self, key, generation, response):
        vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip() and v.strip().lower() != "cookie"]
        if vary:
            response["Vary"] = ", ".join(vary)
        elif response.has_header("Vary"):
            del response["Vary"]
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, public=True, max_age=0, s_maxage=self.shared_max_age)
        headers = [(name, value) for name, value in response.items() if name.lower() != "x-page-cache"]
        seconds = self.seconds if response.status_code == 200 else min(self.seconds, 300)
        entry = (generation, response.status_code, headers, response.content)
        try:
            cache = page_cache()
            cache.set(key, entry, seconds)
            if is_watchable(cache):
                keep_local_page(key, entry)
        except Exception:  # noqa: BLE001 - the visitor still gets the page
            logger.exception("The page cache could not be written")

    def from_entry(self, request, entry):
        _generation, status, headers, content = entry
        response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response


class SharedRoutingMiddleware:
    """Find the page for an anonymous GET or HEAD from what is kept per generation
    (`home.routing.route_for_request`: the site and the page for the path), before Wagtail's
    `serve` looks for it with queries. Wagtail reads the result from the request
    (`_wagtail_route_for_request`), so the rest of serving is unchanged. Signed-in editors
    (a session cookie) are routed by Wagtail as before.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # The site's page view is home.routing.serve (localoffer/urls.py); Wagtail's own, if a
        # project maps it instead.
        if view_func in (routing_serve, wagtail_serve) and view_args and is_shared_request(request):
            request._wagtail_route_for_request = route_for_request(request, view_args[0])
            # Wagtail keeps the sites' root paths on the request for the page's links: from
            # this process's copy for the generation, not a cache read per request.
            request._wagtail_cached_site_root_paths = site_root_paths()
