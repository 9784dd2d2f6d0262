"""Fixtures for the whole-site tests: the shipped content, loaded the way `make run` loads it."""

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page


def rebuild_site():
    """Load the shipped content into an empty or freshly migrated database.

    Transactional tests (the browser tests with `live_server`) flush the database after each
    test, which also removes what migrations made: the default locale, the root page and the
    root collection. They are put back first, then the content loader runs as `make run` does.
    """
    ContentType.objects.clear_cache()  # a flush may have remade them with other ids
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not Page.get_first_root_node():
        Page.add_root(title="Root", slug="root")
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    call_command("load_local_offer", verbosity=0, no_index=True)  # pages are indexed as they are saved
    cache.clear()


@pytest.fixture
def loaded_site(starter_site):
    """The starter content, loaded once for the session (see the root conftest.py)."""


def live_pages():
    """Every live, public page in the tree, as its own type."""
    return list(Page.objects.live().public().filter(depth__gt=1).specific())
