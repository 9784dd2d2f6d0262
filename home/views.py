"""Views the whole site shares."""

from django.shortcuts import render


def rate_limited(request, exception=None):
    """What a visitor sees when they send too many requests too quickly (HTTP 429)."""
    return render(request, "429.html", status=429)
