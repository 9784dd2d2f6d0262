"""Small factories for the editorial tests: a site with a home page, users in each role."""

from contextlib import contextmanager
from datetime import date

from django.contrib.auth.models import Group, Permission, User
from wagtail.models import Page, Site

from home.models import HomePage, InformationPage

PASSWORD = "a-long-test-password"


def make_site():
    """A home page at the site root with one information page under it."""
    root = Page.get_first_root_node()
    home = HomePage(title="Local Offer", slug="local-offer-home")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    info = InformationPage(title="About this website", slug="about", summary="What this website is for.")
    home.add_child(instance=info)
    info.save_revision().publish()
    return home, info


def make_user(username, group=None, superuser=False, email=None, **extra):
    user = User.objects.create_user(
        username,
        email=email if email is not None else f"{username}@example.org",
        password=PASSWORD,
        is_superuser=superuser,
        is_staff=superuser,
        **extra,
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_admin_only_user(username="staff"):
    """Can sign in to the admin but belongs to no group."""
    user = make_user(username)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return user


def set_review(page, review_by, owner=None, last_reviewed=None):
    type(page).objects.filter(pk=page.pk).update(
        review_by=review_by, content_owner=owner, last_reviewed=last_reviewed or date(2020, 1, 1)
    )
    page.refresh_from_db()
    return page


@contextmanager
def kept_for_several_tests(django_db_blocker):
    """Data built once and kept for several tests (a module-scoped fixture), the way the root
    conftest keeps the starter content: a transaction is opened before it is built and rolled
    back after the last test; each test runs in a savepoint inside it, so its own changes are
    rolled back to the kept data. Yields `build(function)`, which runs `function` with database
    access and returns what it returns.

    The tests must not keep changed Python objects between them: fixtures built on this should
    hand each test fresh copies from the database."""
    from django.core.cache import cache
    from django.db import transaction

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()

    def build(function):
        with django_db_blocker.unblock():
            result = function()
        cache.clear()
        return result

    try:
        yield build
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
        cache.clear()


def fresh(objects):
    """The same rows, read again: a dict of model instances, each as it now is in the database."""
    return {name: type(obj).objects.get(pk=obj.pk) for name, obj in objects.items()}
