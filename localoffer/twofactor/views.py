"""The two-factor pages: set up an authenticator app, give a code, get new recovery codes.

Every wrong code is reported to django-axes as a failed sign-in, so the same lockout that
stops password guessing (AXES_FAILURE_LIMIT failures for one username from one address) stops
code guessing: at the limit the account is signed out and locked. Failures are only cleared
when both factors have succeeded.
"""

from base64 import b32encode

import segno
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import policy
from .forms import CodeForm, SetupCodeForm

WRONG_CODE = "That code is not right. Wait a few seconds, check the code and try again."
ADMIN_LOGIN = "wagtailadmin_login"


def _next_url(request):
    """Where to go after the code: the page asked for, if it is on this site; else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return "/admin/"


def _code_failed(request, user):
    """Count a wrong code as a failed sign-in. Returns the lockout page once the limit is hit."""
    credentials = {"username": user.get_username()}
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    if AxesProxyHandler.is_locked(request, credentials):
        logout(request)
        return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=429)
    return None


def _signed_in(request, user, device):
    """Both factors given: mark the session verified and clear the failed attempts."""
    otp_login(request, device)
    AxesProxyHandler.update_request(request)
    AxesProxyHandler.reset_attempts(ip_address=request.axes_ip_address, username=user.get_username())


def _secret_for_people(device):
    """The key in groups of four letters, for typing into an app that can't scan."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@login_required(login_url=ADMIN_LOGIN)
@require_http_methods(["GET", "POST"])
def setup(request):
    """Add an authenticator app: scan the QR code (or type the key), then give one code."""
    user = request.user
    if policy.authenticator(user):
        return redirect("twofactor:verify")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    form = SetupCodeForm(request.POST or None)
    error = None
    if request.method == "POST":
        if form.is_valid() and device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            _signed_in(request, user, device)
            codes = policy.new_recovery_codes(user)
            return render(request, "twofactor/recovery_codes.html", {"codes": codes, "next": _next_url(request)})
        locked = _code_failed(request, user)
        if locked:
            return locked
        error = WRONG_CODE if form.is_valid() else None
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "error": error,
        "qr_data_uri": qr.svg_data_uri(scale=5, border=2),
        "secret": _secret_for_people(device),
        "next": _next_url(request),
    }
    return render(request, "twofactor/setup.html", context, status=400 if request.method == "POST" else 200)


@never_cache
@login_required(login_url=ADMIN_LOGIN)
@require_http_methods(["GET", "POST"])
def verify(request):
    """Give the code from the authenticator app, or a recovery code, to finish signing in."""
    user = request.user
    if not policy.has_second_factor(user):
        return redirect("twofactor:setup")
    if user.is_verified():
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    error = None
    if request.method == "POST":
        device = match_token(user, form.cleaned_data["code"]) if form.is_valid() else None
        if device is not None:
            _signed_in(request, user, device)
            return redirect(_next_url(request))
        locked = _code_failed(request, user)
        if locked:
            return locked
        error = WRONG_CODE if form.is_valid() else None
    return render(
        request,
        "twofactor/verify.html",
        {"form": form, "error": error, "next": _next_url(request)},
        status=400 if request.method == "POST" else 200,
    )


@never_cache
@login_required(login_url=ADMIN_LOGIN)
@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """Replace the recovery codes (after both factors): the old ones stop working."""
    if not request.user.is_verified():
        return redirect("twofactor:verify")
    if request.method == "POST":
        codes = policy.new_recovery_codes(request.user)
        return render(request, "twofactor/recovery_codes.html", {"codes": codes, "next": "/admin/"})
    return render(request, "twofactor/recovery_codes_new.html")
