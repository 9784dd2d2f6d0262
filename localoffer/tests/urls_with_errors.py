"""The site's URLs plus a view that fails, to see the 500 page as a visitor would."""

from django.urls import path

from localoffer.urls import handler500  # noqa: F401 - handler500 is used by Django
from localoffer.urls import urlpatterns as site_urlpatterns


def broken_view(request):
    raise RuntimeError("secret internal detail: /srv/localoffer/settings.py line 42")


urlpatterns = [path("test-broken-view/", broken_view), *site_urlpatterns]
