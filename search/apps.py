from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from guidance.models import GlossaryTerm

        def clear_caches(**kwargs):
            from .engine import VOCABULARY_CACHE_KEY
            from .query import SYNONYMS_CACHE_KEY

            cache.delete_many([SYNONYMS_CACHE_KEY, VOCABULARY_CACHE_KEY])

        from django.core.cache import cache

        # The synonyms come from the glossary; the spelling suggestions from terms and titles.
        for signal in (post_save, post_delete):
            signal.connect(clear_caches, sender=GlossaryTerm, dispatch_uid=f"search-glossary-{signal is post_save}")
