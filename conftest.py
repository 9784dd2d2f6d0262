"""Settings for the whole test suite."""

import os

# Playwright's sync API runs an event loop in the test thread; pytest-django's live_server
# then needs Django to allow database access from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
