"""Fixtures for the search tests.

`site_content` loads the shipped content once per test module (load_local_offer takes a few
seconds) inside a transaction that is rolled back when the module ends, so other apps' tests
still start from an empty database. Each test runs in its own savepoint on top of it.
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="module")
def site_content(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_local_offer", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def content(site_content, db):
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()
