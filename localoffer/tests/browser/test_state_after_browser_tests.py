"""Runs after the browser tests (pytest-django puts transactional tests last, and this file's
name sorts after theirs): what migrations made is back after their flushes, so no other test
depends on running before them."""

from django.contrib.auth.models import Group
from wagtail.models import Locale, Page, Site, Workflow


def test_migration_data_is_back_after_the_browser_tests(_migration_data, transactional_db):
    assert Page.get_first_root_node() is not None
    assert Locale.objects.exists()
    assert Site.objects.filter(is_default_site=True).exists()
    assert {"Editors", "Moderators"} <= set(Group.objects.values_list("name", flat=True))
    assert Workflow.objects.filter(name="Moderators approval").exists()
