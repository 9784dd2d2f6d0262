from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from . import cache

        # The page cache: what makes stored pages stale (see home/cache.py). Other apps add
        # their own models in their AppConfig.ready(). Any SiteSettings save counts, whatever
        # fields it has; feedback does not (visitors send it, and pages do not show it).
        cache.depends_on(
            "home.SiteSettings",
            "home.YouSaidWeDid",
            "home.Schedule2Item",
            "home.PageCoverage",
            "home.AlternativeFormat",
        )
        cache.connect_signals()
