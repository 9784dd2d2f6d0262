"""Production settings: everything secret comes from the environment, or the site won't start."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_list

_missing = [name for name in ("SECRET_KEY", "ALLOWED_HOSTS") if not os.environ.get(name, "").strip()]
if _missing:
    raise ImproperlyConfigured(
        "The Local Offer portal will not start in production without "
        + " and ".join(_missing)
        + ". Set them in the environment (see README.md, 'Running in production')."
    )

# The page cache, rate limits and search counts must be shared by every worker and by the cron
# jobs: the local-memory cache of the embedded default would give each process its own.
if not os.environ.get("REDIS_URL", "").strip():
    raise ImproperlyConfigured(
        "The Local Offer portal will not start in production without REDIS_URL (for example "
        "redis://127.0.0.1:6379/0): the page cache, rate limits and search counts must be shared "
        "by every worker and by the cron jobs. See README.md, 'Running in production'."
    )

# The admin's emails (moderation, review reminders) link to this address: it must be the site's
# public address, never a local one.
_base_url = os.environ.get("WAGTAILADMIN_BASE_URL", "").strip().rstrip("/")
_base_url_parts = urlsplit(_base_url)
if _base_url_parts.scheme not in ("http", "https") or _base_url_parts.hostname in (
    None,
    "localhost",
    "127.0.0.1",
    "::1",
    "0.0.0.0",  # noqa: S104 - a value refused here, not an address bound to
):
    raise ImproperlyConfigured(
        "The Local Offer portal will not start in production without WAGTAILADMIN_BASE_URL, the "
        "site's public address (for example https://localoffer.example.org): the emails the admin "
        f"sends link to it, so it must not be empty or local (it is {_base_url!r}). Set it in the "
        "environment (see README.md, 'Running in production')."
    )
WAGTAILADMIN_BASE_URL = _base_url

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
