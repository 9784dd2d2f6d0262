"""Settings for the whole test suite."""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; pytest-django's live_server
# then needs Django to allow database access from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _uses_live_server(item):
    return "live_server" in getattr(item, "fixturenames", ()) or "/tests/browser/" in str(item.path)


def pytest_collection_modifyitems(config, items):
    """Run the live-server (browser) tests last.

    They are transactional: after each one the database is flushed, which also removes what
    migrations made (the root page, the default site, the editors' groups and workflow). Tests
    that rely on those must not run after them in the same process.
    """
    items.sort(key=_uses_live_server)


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts with no page in the page cache that it can see (home/cache.py): pages
    stored by an earlier test were rendered from data that test has rolled back."""
    from home.cache import bump_generation

    bump_generation()
