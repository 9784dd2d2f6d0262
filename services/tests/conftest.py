"""Fixtures for the services tests."""

import pytest
from django.core.cache import cache

from services.models.directory import FILTER_CHOICES_CACHE_KEY


@pytest.fixture(autouse=True)
def fresh_filter_choices():
    """A rolled-back test leaves no cached 'Find support' filter lists behind."""
    cache.delete(FILTER_CHOICES_CACHE_KEY)
    yield
    cache.delete(FILTER_CHOICES_CACHE_KEY)


def pytest_collection_modifyitems(items):
    """In test_contacts.py, the tests that use the kept tree without the kept people run first:
    the people are added to the tree once, for all the tests after them."""
    places = [index for index, item in enumerate(items) if item.nodeid.startswith("services/tests/test_contacts.py")]
    ordered = sorted((items[index] for index in places), key=lambda item: "people" in item.fixturenames)
    for index, item in zip(places, ordered, strict=True):
        items[index] = item
