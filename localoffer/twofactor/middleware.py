"""Keeps a signed-in account out of the admin until it has given its second factor."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from . import policy

# The sign-in and sign-out pages, the two-factor pages themselves and the admin's icon sprite
# and translations (files every admin page loads, with no data in them) stay open.
OPEN_PATHS = (
    "/admin/login/",
    "/admin/logout/",
    "/admin/password_reset/",
    "/admin/two-factor/",
    "/admin/sprite/",
    "/admin/jsi18n/",
)


class SecondFactorMiddleware:
    """After django-otp's OTPMiddleware: a signed-in account that must use a second factor
    and has not given it in this session is sent to set one up (if it has none) or to give
    its code, whatever admin page it asked for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        user = getattr(request, "user", None)
        if (
            path.startswith("/admin/")
            and not path.startswith(OPEN_PATHS)
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
            and policy.is_required(user)
        ):
            name = "twofactor:verify" if policy.has_second_factor(user) else "twofactor:setup"
            query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
            return redirect(reverse(name) + (f"?{query}" if query else ""))
        return self.get_response(request)
