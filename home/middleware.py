"""Middleware the whole site shares."""

from django.http import HttpResponseNotAllowed

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
