"""Settings for the test suite: fast hashing, local-memory cache, emails kept in memory."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import council_languages, env_list

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# django-axes needs a request to authenticate, so the test client's login() would fail with it
# on. The lockout tests (localoffer/tests/test_accounts.py) switch it back on.
AXES_ENABLED = False
# Likewise two-factor sign-in: tests that sign in to the admin would all stop at the code page.
# Its own tests (localoffer/tests/test_twofactor.py and the browser test) switch it back on.
TWO_FACTOR_REQUIRED = False
# The tests never run collectstatic, so STATIC_ROOT does not exist: let whitenoise look for
# files per request (its development mode) rather than warn at every start that it is missing.
WHITENOISE_AUTOREFRESH = True
# Search counts in files of this test run's own (the search tests give each test its own folder).
SEARCH_COUNTS_REDIS_URL = os.environ.get("SEARCH_COUNTS_REDIS_URL", "")
SEARCH_COUNTS_DIR = os.environ.get(
    "SEARCH_COUNTS_DIR", os.path.join(tempfile.gettempdir(), f"localoffer-test-searches-{os.getpid()}")
)
# A real second language (Welsh) and a right-to-left one (Urdu), for the translation tests.
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = council_languages(["cy", "ur"])
