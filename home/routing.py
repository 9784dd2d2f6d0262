"""Serving a page in a few queries, whatever its depth (issue 10: at most 10 per page).

Wagtail finds a page by walking down the tree one level at a time, two queries a level (the
child, then its specific type), and checks view restrictions with two more. `CheapServeMixin`
(part of `BasePage`) finds the whole chain in one query and loads only the specific pages it
must, skips the restriction queries while the site has no restricted page at all, and keeps the
breadcrumbs with the page cache's generation (home/cache.py), so they are worked out once per
change, not once per request (from the parents routing loaded, when it did).

For anonymous GETs, `route_for_request` keeps the site for a host, its home page and the page
for a path with the generation too (used by `home.middleware.SharedRoutingMiddleware`): the page
with what its renders need (`prepare_to_keep`: contacts, child pages, related pages), and each
worker keeps its StreamField blocks loaded (`use_kept_streams`).
"""

from django.http import Http404
from django.utils import translation
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction, Site

from .cache import for_generation, in_process


def site_has_view_restrictions():
    """Is any page private (password, sign-in or group)? Kept until the next content change
    (saving or deleting a restriction is one)."""
    return for_generation("any-view-restriction", lambda: PageViewRestriction.objects.exists())


def public_only(queryset):
    """`queryset.public()`, without its query for the restrictions when there are none."""
    return queryset.public() if site_has_view_restrictions() else queryset


def site_root_paths():
    """Wagtail's `Site.get_site_root_paths()`, kept until the next content change (saving a
    site is one), in this process's copy: no cache read per request."""
    return for_generation("site-root-paths", Site.get_site_root_paths)


def _loaded(value):
    """`value` (a StreamField's value) with every block in it converted, nested ones too, so
    that reading it later changes nothing in it."""
    from wagtail.blocks.list_block import ListValue
    from wagtail.blocks.stream_block import StreamValue
    from wagtail.blocks.struct_block import StructValue

    if isinstance(value, StreamValue):
        for child in value:
            _loaded(child.value)
    elif isinstance(value, ListValue):
        for item in value:
            _loaded(item)
    elif isinstance(value, StructValue):
        for item in value.values():
            _loaded(item)
    return value


class CheapServeMixin:
    def use_kept_streams(self):
        """Give this copy of the page its StreamFields as this process keeps them for the
        generation (`home.cache.in_process`), already loaded: their blocks, with the pages,
        documents and images they point to, are worked out once per process and change, not at
        every render. (Routing's kept copy cannot hold them: Wagtail pickles a StreamField as
        its raw data.) Shared by every request the process serves until the next change:
        templates only read them. For the copies routing serves to visitors only."""
        for field in self._meta.concrete_fields:
            if isinstance(field, StreamField):
                name = field.attname
                raw = getattr(self, name)
                setattr(self, name, in_process(f"stream:{self.pk}:{name}", lambda raw=raw: _loaded(raw)))

    def prepare_to_keep(self):
        """Called before routing keeps this page for the generation (`route_for_request`): page
        types load here what every render of them needs and only a change to the content can
        change (related pages, contacts, child pages), so that each request's copy already
        holds it. (StreamField blocks are kept apart: `use_kept_streams`.)"""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        page, remaining = self.find_target(path_components)
        return page.route(request, remaining)

    def find_target(self, path_components):
        """(page, remaining path components): the page (its specific type) that routes the
        rest of the path itself. Http404 if a page on the way does not exist."""
        if not path_components:
            return self, []
        prefixes, url_path = [], self.url_path
        for slug in path_components:
            url_path += slug + "/"
            prefixes.append(url_path)
        chain = {
            page.url_path: page
            for page in Page.objects.filter(url_path__in=prefixes, path__startswith=self.path, depth__gt=self.depth)
        }
        parent = self
        for index, url_path in enumerate(prefixes):
            child = chain.get(url_path)
            if child is None or child.specific_class is None:
                raise Http404
            remaining = path_components[index + 1 :]
            # Load the page's own type only where it is needed: the last page, or a page that
            # routes for itself (the eligibility check, the contact directory).
            if not remaining or child.specific_class.route is not CheapServeMixin.route:
                specific = child.specific
                specific._cached_parent_obj = parent
                return specific, remaining
            child._cached_parent_obj = parent
            parent = child
        raise Http404  # not reached: the loop always returns or raises

    @property
    def localized(self):
        """Wagtail's `localized` (the live translation in the active language, or this page),
        without a query for the active locale: routing asks it of the home page every request."""
        from .languages import localized

        return localized(self)

    def routed_ancestors(self):
        """The ancestors below the root that routing already loaded (`find_target` links each
        page to its parent), home first; None when the chain does not reach the home page."""
        ancestors, node = [], getattr(self, "_cached_parent_obj", None)
        while node is not None and node.depth > 1:
            ancestors.append(node)
            if node.depth == 2:
                return ancestors[::-1]
            node = getattr(node, "_cached_parent_obj", None)
        return None

    def get_view_restrictions(self):
        if not site_has_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def breadcrumb_links(self):
        """[{"url", "text"}] for the ancestors below the root, home first (named 'Home')."""

        def compute():
            return [
                {"url": ancestor.get_url(), "text": "Home" if ancestor.depth == 2 else ancestor.title}
                for ancestor in self.routed_ancestors() or self.get_ancestors().filter(depth__gt=1)
            ]

        return for_generation(f"breadcrumbs:{self.pk}", compute)


def serve(request, path):
    """Wagtail's page view (`wagtail_serve`, see localoffer/urls.py), starting from the home page
    in the address's language (/cy/...) found without Wagtail's query for the active locale:
    Wagtail asks `site.root_page.localized`, and the site's root page is a plain `Page`."""
    from wagtail import views as wagtail_views  # not at import time: it needs the models loaded

    if not hasattr(request, "_wagtail_route_for_request"):
        from .languages import localized

        route = None
        site = Site.find_for_request(request)
        if site is not None:
            try:
                route = localized(site.root_page).specific.route(request, path_components(path))
            except Http404:
                route = None
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)


# --- Routing kept with the generation ----------------------------------------------------------


def path_components(path):
    """The parts of a path, as Wagtail's serve view splits it: "/a/b/" gives ["a", "b"]."""
    return [component for component in path.split("/") if component]


def site_for_request(request):
    """Wagtail's `Site.find_for_request`, kept per host and port until the next change (saving
    a site is one). Sets `request._wagtail_site` as Wagtail does."""
    if not hasattr(request, "_wagtail_site"):
        key = f"site:{request._get_raw_host()}:{request.get_port()}"
        request._wagtail_site = for_generation(key, lambda: Site._find_for_request(request))
    return request._wagtail_site


def route_for_request(request, path):
    """Wagtail's `Page.route_for_request`, with the page that answers a path kept until the next
    change to the content (home/cache.py), so a request for it needs no query to find it.

    Keyed by the site, the active language and the whole path. The page comes from the cache as
    a fresh copy (unpickled) every time, so nothing one request sets on it reaches another; its
    own `route()` still runs (the live check, a routable page's sub-route). Only for requests
    that may share the page cache (see `home.cache.is_shared_request`); the caller decides."""
    site = site_for_request(request)
    if site is None:
        return None
    components = path_components(path)
    key = f"route:{translation.get_language()}:{site.pk}:{'/'.join(components)}"
    target = for_generation(key, lambda: _find_target(site, components))
    if target is None:
        return None
    page, remaining = target
    if isinstance(page, CheapServeMixin):
        page.use_kept_streams()
    try:
        return page.route(request, remaining)
    except Http404:
        return None


def _find_target(site, components):
    root = for_generation(
        f"root-page:{translation.get_language()}:{site.pk}", lambda: site.root_page.localized.specific
    )
    try:
        page, remaining = root.find_target(components) if isinstance(root, CheapServeMixin) else (root, components)
    except Http404:
        return None  # not kept: for_generation computes None again (404 pages are page-cached)
    if isinstance(page, CheapServeMixin):
        page.prepare_to_keep()
    return page, remaining
