"""Fixtures for the search tests.

`content` is the shipped content, the same load as every other app's tests (`starter_site` in
the root conftest.py: loaded once per test process, each test in a savepoint on top of it).
Pages and snippets are indexed as they are saved, so the search index holds them.
"""

import pytest
from django.core.cache import cache


@pytest.fixture
def content(starter_site):
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()
