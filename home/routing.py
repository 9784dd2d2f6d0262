"""Serving a page in a few queries, whatever its depth (issue 10: at most 10 per page).

Wagtail finds a page by walking down the tree one level at a time, two queries a level (the
child, then its specific type), and checks view restrictions with two more. `CheapServeMixin`
(part of `BasePage`) finds the whole chain in one query and loads only the specific pages it
must, skips the restriction queries while the site has no restricted page at all, and keeps the
breadcrumbs with the page cache's generation (home/cache.py), so they are worked out once per
change, not once per request.
"""

from django.http import Http404
from wagtail.models import Page, PageViewRestriction, Site

from .cache import for_generation


def site_has_view_restrictions():
    """Is any page private (password, sign-in or group)? Kept until the next content change
    (saving or deleting a restriction is one)."""
    return for_generation("any-view-restriction", lambda: PageViewRestriction.objects.exists())


def public_only(queryset):
    """`queryset.public()`, without its query for the restrictions when there are none."""
    return queryset.public() if site_has_view_restrictions() else queryset


class CheapServeMixin:
    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
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
                return specific.route(request, remaining)
            child._cached_parent_obj = parent
            parent = child
        raise Http404  # not reached: the loop always returns or raises

    @property
    def localized(self):
        """Wagtail's `localized` (the live translation in the active language, or this page),
        without a query for the active locale: routing asks it of the home page every request."""
        from .languages import localized

        return localized(self)

    def get_view_restrictions(self):
        if not site_has_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def breadcrumb_links(self):
        """[{"url", "text"}] for the ancestors below the root, home first (named 'Home')."""

        def compute():
            return [
                {"url": ancestor.get_url(), "text": "Home" if ancestor.depth == 2 else ancestor.title}
                for ancestor in self.get_ancestors().filter(depth__gt=1)
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
                components = [component for component in path.split("/") if component]
                route = localized(site.root_page).specific.route(request, components)
            except Http404:
                route = None
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)
