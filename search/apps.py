from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


def content_changed(**kwargs):
    """Forget what the search keeps about the content: cached rankings, the synonyms (glossary
    names and pages' 'also searched as' words) and the spelling vocabulary."""
    from django.conf import settings
    from django.core.cache import cache

    from .query import SYNONYMS_CACHE_KEY
    from .spelling import VOCABULARY_CACHE_KEY
    from .sql import forget_rankings

    forget_rankings()
    # The other languages' vocabularies (search/spelling.py); their synonyms go with the page
    # cache's generation.
    others = [f"{VOCABULARY_CACHE_KEY}:{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    cache.delete_many([SYNONYMS_CACHE_KEY, VOCABULARY_CACHE_KEY, *others])


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from guidance.models import GlossaryTerm

        for signal in (post_save, post_delete):
            signal.connect(content_changed, sender=GlossaryTerm, dispatch_uid=f"search-glossary-{signal is post_save}")
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(content_changed, dispatch_uid=f"search-pages-{signal}")
        post_delete.connect(content_changed, sender=Page, dispatch_uid="search-page-deleted")
