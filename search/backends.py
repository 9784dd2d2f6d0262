"""Wagtail's Elasticsearch 9 backend with English stemming and the glossary's synonyms.

Used when ELASTICSEARCH_URL is set (see localoffer/settings/base.py). Every field is analysed
with English stemming ('assessment' and 'assess' meet); searches also expand each glossary
term to all its names ('sendco' finds 'SENCO') with a `synonym_graph` filter in the
`default_search` analyzer. Multi-field search goes through Wagtail's `_all_text` fields, which
use the index's `default` and `default_search` analyzers, so that is where the analysis goes.

The synonyms come from the database, so they are read when an index is created: run
`python manage.py update_index` after changing glossary terms (for example nightly from cron;
with ATOMIC_REBUILD (localoffer/settings/base.py) it builds a new index and then moves the
alias to it, so searches keep working meanwhile).
"""

from copy import deepcopy

from modelsearch.backends.elasticsearch9 import Elasticsearch9Index, Elasticsearch9SearchBackend

SYNONYM_FILTER = "glossary_synonyms"

ENGLISH_ANALYSIS = {
    "filter": {
        "english_stop": {"type": "stop", "stopwords": "_english_"},
        "english_stemmer": {"type": "stemmer", "language": "english"},
        "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
    },
    "analyzer": {
        "default": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["english_possessive_stemmer", "lowercase", "asciifolding", "english_stop", "english_stemmer"],
        },
        "default_search": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "english_possessive_stemmer",
                "lowercase",
                "asciifolding",
                SYNONYM_FILTER,
                "english_stop",
                "english_stemmer",
            ],
        },
    },
}


def glossary_synonyms():
    """Solr-format synonym lines: one per published glossary term ('senco, special educational
    needs co ordinator, sendco, ...') and one per live page with 'also searched as' words (its
    words are alternatives for each other: 'dyslexia, reading difficulties, ...'). The same
    groups the database search expands queries with (search/query.py)."""
    from .query import get_synonym_groups

    lines = []
    seen = set()
    for group in get_synonym_groups().values():
        names = tuple(dict.fromkeys(" ".join(name) for name in group.names))
        if len(names) > 1 and names not in seen:
            seen.add(names)
            lines.append(", ".join(names))
    return lines


class LocalOfferElasticsearchIndex(Elasticsearch9Index):
    def put(self):
        self.es.indices.create(index=self.name, **self.backend.get_index_settings())


class LocalOfferElasticsearchBackend(Elasticsearch9SearchBackend):
    index_class = LocalOfferElasticsearchIndex

    def __init__(self, params):
        super().__init__(params)
        analysis = self.settings["settings"].setdefault("analysis", {})
        for key, value in ENGLISH_ANALYSIS.items():
            analysis.setdefault(key, {}).update(deepcopy(value))

    def get_index_settings(self, synonyms=None):
        """The settings for a new index: English analysis plus the glossary's synonyms now."""
        settings = deepcopy(self.settings)
        synonyms = glossary_synonyms() if synonyms is None else synonyms
        settings["settings"]["analysis"]["filter"][SYNONYM_FILTER] = {
            "type": "synonym_graph",
            "synonyms": synonyms or ["send, special educational needs and disabilities"],
            "lenient": True,
        }
        return settings


SearchBackend = LocalOfferElasticsearchBackend
