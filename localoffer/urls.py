from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.routing import serve

from .views import robots_txt

# Wagtail's front-end URLs, with its page view swapped for one that finds the home page of the
# address's language without a query (home/routing.py); the name stays `wagtail_serve`.
wagtail_page_urls = [
    *wagtail_urls.urlpatterns[:-1],
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]

urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("admin/two-factor/", include("localoffer.twofactor.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/openreferral/", include("services.api.urls")),
    path("", include("home.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages and search in each of the council's languages: English at the root, the others under
# their own prefix (/cy/, /ur/). The language comes from this prefix only (LanguageFromPathMiddleware).
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include(wagtail_page_urls)),
    prefix_default_language=False,
)

# The 500 page renders without the database (see home/views.py and docs/security.md).
handler500 = "home.views.server_error"
