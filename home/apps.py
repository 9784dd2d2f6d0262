from django.apps import AppConfig
from django.db.models.signals import post_migrate


def reapply_permission_scheme(sender, using="default", **kwargs):
    """After every migrate, give the groups rights on snippet models added since (see
    home/permissions.py). Runs once home's own permissions exist; earlier apps' too."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from wagtail import hooks
    from wagtail.snippets.models import create_extra_permissions

    from .permissions import PROJECT_APPS, apply_permission_scheme

    # Our receiver is connected before django.contrib.auth's, so make our apps' permissions first.
    for app_label in PROJECT_APPS:
        create_permissions(apps.get_app_config(app_label), verbosity=0, using=using)
    # ...and the publish/lock permissions Wagtail adds for snippets with drafts.
    hooks.search_for_hooks()
    create_extra_permissions(apps.get_app_config("wagtailsnippets"), using=using)
    apply_permission_scheme(apps, discover=True)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from . import cache

        # The page cache: what makes stored pages stale (see home/cache.py). Other apps add
        # their own models in their AppConfig.ready(). Any SiteSettings save counts, whatever
        # fields it has; feedback does not (visitors send it, and pages do not show it).
        cache.depends_on("home.SiteSettings", "home.YouSaidWeDid")
        cache.connect_signals()
        post_migrate.connect(reapply_permission_scheme, sender=self, dispatch_uid="home.reapply_permission_scheme")
