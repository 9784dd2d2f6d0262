from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def reapply_permission_scheme(sender, using="default", **kwargs):
    """At the end of every `migrate`, give the groups rights on snippet models added since
    (see localoffer/permissions.py), and add a locale for each of the council's languages that
    has none yet (localoffer/locales.py).

    `post_migrate` is sent once for each app that has models, in INSTALLED_APPS order; this
    acts only on the last one, so every app's tables and permissions exist by then."""
    last = [config for config in apps.get_app_configs() if config.models_module is not None][-1]
    if sender is not last:
        return

    from django.contrib.auth.management import create_permissions
    from wagtail import hooks
    from wagtail.snippets.models import create_extra_permissions

    from .permissions import PROJECT_APPS, apply_permission_scheme

    # django.contrib.auth makes each app's permissions from its own post_migrate receiver;
    # make sure ours exist (idempotent), and the publish/lock ones Wagtail adds for snippets
    # with drafts.
    for app_label in PROJECT_APPS:
        create_permissions(apps.get_app_config(app_label), verbosity=0, using=using)
    hooks.search_for_hooks()
    create_extra_permissions(apps.get_app_config("wagtailsnippets"), using=using)
    apply_permission_scheme(apps, discover=True)

    from .locales import ensure_locales

    ensure_locales()


class LocalOfferConfig(AppConfig):
    """The top floor: settings, URLs and the wiring that ties every app together (the
    editors' groups, their permissions and the approval workflow)."""

    name = "localoffer"
    verbose_name = "Local Offer"

    def ready(self):
        from home.cache import also_purge

        # No sender: this app has no models, so Django sends it no post_migrate of its own.
        post_migrate.connect(reapply_permission_scheme, dispatch_uid="localoffer.reapply_permission_scheme")
        # The sitemap and robots.txt (urls.py, views.py) list pages: the page cache keeps them
        # like pages (stale at the next change), and a CDN purge reaches them too.
        also_purge("/robots.txt", "/sitemap.xml")
