"""Settings and fixtures for the whole test suite.

`starter_site`: the starter content (localoffer/content/starter/), loaded ONCE for all the tests
that ask for it. The tests that use it are run one after another; before the first of them the
loader runs inside a transaction, each test then runs in a savepoint inside it (its changes are
rolled back), and after the last of them the transaction is rolled back, so every other test
still starts from a database holding only what migrations made.
"""

import os

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

# Playwright's sync API runs an event loop in the test thread; pytest-django's live_server
# then needs Django to allow database access from it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _uses_starter_site(item):
    return "starter_site" in getattr(item, "fixturenames", ())


def _is_transactional(item):
    names = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    return "transactional_db" in names or "live_server" in names or bool(marker and marker.kwargs.get("transaction"))


def _is_browser(item):
    return "site" in getattr(item, "fixturenames", ()) and "live_server" in getattr(item, "fixturenames", ())


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """The browser tests first, dealt to two groups (below), so both processes share them
    instead of one process running nearly all of them at the end. Then the other database
    tests, then the tests that use the starter site, one after another, so it is loaded once;
    then the other transactional tests, as pytest-django orders them."""
    items.sort(key=lambda item: (not _is_browser(item), _is_transactional(item), _uses_starter_site(item)))
    # With `--dist loadgroup` (make test), the browser tests are dealt to two groups in turn, so
    # two processes share them; the other tests go out a module (or class) at a time, so a
    # module's shared data is built in one process only.
    browser_tests = [item for item in items if _is_browser(item)]
    for number, item in enumerate(browser_tests):
        item.add_marker(pytest.mark.xdist_group(f"browser-{number % 2}"))


class _StarterSite:
    """The open transaction holding the loaded starter content."""

    def __init__(self, blocker):
        self.blocker = blocker
        self.atomic = None
        self.loads = 0

    def open(self):
        with self.blocker.unblock():
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            # --no-index: saving each page and snippet already indexes it (Wagtail's signal handlers).
            call_command("load_local_offer", verbosity=0, no_index=True)
            cache.clear()
        self.loads += 1

    def close(self):
        if self.atomic is None:
            return
        with self.blocker.unblock():
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        self.atomic = None
        cache.clear()


_state = {}


@pytest.fixture(scope="session")
def _starter_site_state(django_db_setup, django_db_blocker):
    state = _state["site"] = _StarterSite(django_db_blocker)
    state.open()  # a session fixture is set up before the first test's own transaction
    yield state
    state.close()


@pytest.fixture
def starter_site(_starter_site_state, db):
    """The starter content, loaded once for every test that asks for it (see the module
    docstring). Each test's own changes are rolled back after it."""
    cache.clear()
    yield
    cache.clear()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # Before the test's fixtures (so before its own transaction): load the content if needed.
    state = _state.get("site")
    if state is not None and state.atomic is None and _uses_starter_site(item):
        state.open()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    # After the test's own transaction is rolled back: roll the content back too, when the
    # next test does not use it.
    state = _state.get("site")
    if state is not None and state.atomic is not None and (nextitem is None or not _uses_starter_site(nextitem)):
        state.close()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """On SQLite, each test process loads the migrated database from a snapshot instead of
    running every migration (localoffer/tests/migrated_db.py); it migrates, and writes the
    snapshot again, when anything the migrations depend on has changed."""
    from localoffer.tests.migrated_db import snapshot_migrations

    with snapshot_migrations():
        yield


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts with no page in the page cache that it can see (home/cache.py): pages
    stored by an earlier test were rendered from data that test has rolled back."""
    from home.cache import bump_generation

    bump_generation()


@pytest.fixture
def redis_page_cache(settings):
    """The page cache in the machine's Redis (as production has it, through django-redis),
    under a key prefix of this test's own, deleted afterwards. The process's generation watch
    and its pages in memory start empty (home/cache_watch.py)."""
    import uuid

    import redis

    from home import cache as page_cache_module

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.fail(f"These tests need Redis at {url} (TEST_REDIS_URL): {error}")
    prefix = f"test-pagecache-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url, "KEY_PREFIX": prefix},
    }
    page_cache_module._watch.close()
    page_cache_module._local_pages.clear()
    yield prefix
    page_cache_module._watch.close()
    page_cache_module._local_pages.clear()
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)
    client.close()
