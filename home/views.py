"""Views the whole site shares."""

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template.loader import get_template


def rate_limited(request, exception=None):
    """What a visitor sees when they send too many requests too quickly (HTTP 429)."""
    return render(request, "429.html", status=429)


SERVER_ERROR_CACHE_KEY = "home:server-error-contact"


def _server_error_context(request):
    """The service name and contact link for the 500 page, or nothing if they can't be read.

    The 500 page is often shown because the database failed, so this never lets an error
    escape, and it keeps what it found in the cache for ten minutes so a failing database is
    not asked again on every error.
    """
    try:
        context = cache.get(SERVER_ERROR_CACHE_KEY)
    except Exception:  # noqa: BLE001 - the cache may be down too
        context = None
    if context is not None:
        return context
    context = {}
    try:
        from .models import SiteSettings

        site_settings = SiteSettings.for_request(request)
        context["service_name"] = site_settings.service_name
        context["contact_email"] = site_settings.contact_email
        if site_settings.contact_page and site_settings.contact_page.live:
            context["contact_url"] = site_settings.contact_page.get_url(request)
        cache.set(SERVER_ERROR_CACHE_KEY, context, 600)
    except Exception:  # noqa: BLE001, S110 - the database may be unavailable; show the page without them
        pass
    return context


def server_error(request):
    """The 500 page (handler500). It renders without the database: the template extends
    nothing and reads nothing, and no error or traceback is ever shown to the visitor."""
    html = get_template("500.html").render(_server_error_context(request))
    return HttpResponseServerError(html)


def brand_css(request):
    """The council's brand colour (a site setting) as a one-line stylesheet.

    GOV.UK Frontend's compiled CSS reads the colour from the `--govuk-brand-colour` custom
    property, so this sets it for the whole page at run time, with no rebuild of the CSS and no
    inline style under the Content-Security-Policy. base.html links it only when a colour is
    set, with the colour in the address, so browsers may keep it for a day.
    """
    from .models import SiteSettings

    colour = SiteSettings.for_request(request).brand_colour_css
    body = f":root {{ --govuk-brand-colour: {colour}; }}\n" if colour else ""
    response = HttpResponse(body, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=86400"
    return response
