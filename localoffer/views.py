"""Site-wide files for search engines: robots.txt (the sitemap is Wagtail's, see urls.py)."""

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_safe
from wagtail.models import Site

# The check's answers live in the query string of these routes under each checker page
# (services/models/checker.py): a crawler following them would only make noise.
CHECKER_ROUTES = ("question/", "check/", "result/")


def _checker_paths(request):
    from services.models import CheckerPage

    paths = []
    for page in CheckerPage.objects.live().public().specific().order_by("path"):
        url = page.get_url(request)
        if url and url.startswith("/"):
            paths += [url + route for route in CHECKER_ROUTES]
    return paths


@require_safe
def robots_txt(request):
    """Keep crawlers out of the admin, search results, the check's answers and the feedback
    pages, and tell them where the sitemap is.

    It sets no cookie and no Cache-Control of its own: the page cache (home/middleware.py) keeps
    it like a page, stale at the next change to the site (a check added or unpublished)."""
    # Search in the council's other languages is under their prefix (/cy/search/, urls.py).
    searches = [f"/{code}/search/" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    disallow = ["/admin/", "/search/", *searches, "/feedback/", *_checker_paths(request)]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallow), ""]
    # The same address the sitemap's own links use: the Wagtail site's (Settings → Sites).
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    lines.append(f"Sitemap: {root}/sitemap.xml")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
