from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from guidance.models import GlossaryTerm

        from .engine import content_changed

        def clear_caches(**kwargs):
            from .query import SYNONYMS_CACHE_KEY

            cache.delete(SYNONYMS_CACHE_KEY)
            content_changed()

        from django.core.cache import cache

        # The synonyms come from the glossary; the spelling suggestions from terms and titles;
        # the cached rankings from both.
        for signal in (post_save, post_delete):
            signal.connect(clear_caches, sender=GlossaryTerm, dispatch_uid=f"search-glossary-{signal is post_save}")
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(content_changed, dispatch_uid=f"search-pages-{signal}")
        post_delete.connect(content_changed, sender=Page, dispatch_uid="search-page-deleted")
