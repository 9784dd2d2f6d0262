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
