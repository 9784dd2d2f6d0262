"""The Elasticsearch 9 backend, tested offline (no server runs here): its mapping, its index
settings (English stemming, the glossary's synonyms) and the exact request bodies it sends for
representative searches, captured by patching the client's transport."""

import json

import pytest
from elastic_transport import ApiResponseMeta, HttpHeaders, NodeConfig, ObjectApiResponse
from elasticsearch import Elasticsearch
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from guidance.models import GlossaryTerm, GuidancePage
from search.backends import SYNONYM_FILTER, LocalOfferElasticsearchBackend
from search.query import build_query

BACKEND = "search.backends"


@pytest.fixture
def backend():
    return get_search_backend(BACKEND, URLS=["http://elasticsearch.invalid:9200"], INDEX_PREFIX="lo_")


@pytest.fixture
def sent(monkeypatch):
    """Every request the client would send: (method, path, body)."""
    requests = []

    def perform_request(self, method, path, *, params=None, headers=None, body=None, **kwargs):
        requests.append((method, path, body))
        if path.endswith("/_count"):
            payload = {"count": 0}
        elif path.endswith("/_search"):
            payload = {"hits": {"total": {"value": 0, "relation": "eq"}, "hits": []}}
        else:
            payload = {"acknowledged": True}
        meta = ApiResponseMeta(
            status=200,
            http_version="1.1",
            headers=HttpHeaders({"x-elastic-product": "Elasticsearch"}),
            duration=0.0,
            node=NodeConfig("http", "elasticsearch.invalid", 9200),
        )
        return ObjectApiResponse(body=payload, meta=meta)

    monkeypatch.setattr(Elasticsearch, "perform_request", perform_request)
    return requests


def _base_settings(monkeypatch, **environ):
    """localoffer/settings/base.py evaluated afresh with these environment variables."""
    import importlib.util
    from pathlib import Path

    from django.conf import settings

    for name in ("ELASTICSEARCH_URL", "ELASTICSEARCH_INDEX_PREFIX"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.spec_from_file_location(
        "_base_settings_for_test", Path(settings.BASE_DIR) / "localoffer" / "settings" / "base.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.WAGTAILSEARCH_BACKENDS["default"]


def test_settings_switch_to_our_backend_when_elasticsearch_url_is_set(monkeypatch):
    assert _base_settings(monkeypatch)["BACKEND"] == "wagtail.search.backends.database"
    config = _base_settings(
        monkeypatch, ELASTICSEARCH_URL="http://elasticsearch.invalid:9200", ELASTICSEARCH_INDEX_PREFIX="lo_"
    )
    assert config["BACKEND"] == BACKEND
    assert config["URLS"] == ["http://elasticsearch.invalid:9200"]
    assert config["INDEX_PREFIX"] == "lo_"
    backend = get_search_backend(config["BACKEND"], **{k: v for k, v in config.items() if k != "BACKEND"})
    assert isinstance(backend, LocalOfferElasticsearchBackend)
    assert backend.index_prefix == "lo_"


def test_mapping_weights_titles_above_summaries_and_autocompletes_titles(backend):
    mapping = backend.mapping_class(GuidancePage).get_mapping()
    properties = mapping["properties"]
    # Boosts become copies into boosted '_all_text' fields: title 5, summary 3, body 1.
    assert "_all_text_boost_5_0" in properties["title"]["copy_to"]
    assert "_all_text_boost_3_0" in properties["guidance_guidancepage__summary"]["copy_to"]
    assert properties["guidance_guidancepage__body"]["copy_to"] in ("_all_text", ["_all_text"])
    assert properties["_edgengrams"]["analyzer"] == "edgengram_analyzer"
    assert "audience" in json.dumps(properties)


def test_index_settings_have_english_stemming(backend):
    analysis = backend.settings["settings"]["analysis"]
    assert analysis["filter"]["english_stemmer"] == {"type": "stemmer", "language": "english"}
    assert "english_stemmer" in analysis["analyzer"]["default"]["filter"]
    search_filters = analysis["analyzer"]["default_search"]["filter"]
    assert search_filters.index(SYNONYM_FILTER) < search_filters.index("english_stemmer")
    assert "edgengram_analyzer" in analysis["analyzer"]  # Wagtail's own analysers are kept


@pytest.mark.django_db
def test_index_is_created_with_the_glossarys_synonyms(backend, sent):
    term = GlossaryTerm(slug="senco", term="SENCO", full_form="Special Educational Needs Co-ordinator",
                        meaning="m", other_words="SENDCo, SEN co-ordinator", live=True)  # fmt: skip
    term.save()
    backend.get_index_for_model(GuidancePage).put()
    method, path, body = sent[-1]
    assert (method, path) == ("PUT", "/lo_wagtailcore_page")
    synonym_filter = body["settings"]["analysis"]["filter"][SYNONYM_FILTER]
    assert synonym_filter["type"] == "synonym_graph"
    assert "senco, special educational needs co ordinator, sendco, sen co ordinator" in synonym_filter["synonyms"]


GROUPS = {
    ("sendco",): ("senco", [("senco",), ("sendco",)]),
    ("ehcp",): ("ehc-plan", [("ehc", "plan"), ("education", "health", "and", "care", "plan"), ("ehcp",)]),
}


@pytest.mark.django_db
def test_request_body_for_a_synonym_search(backend, sent):
    results = backend.search(build_query("what does a sendco do", GROUPS).all_words_query(), Page.objects.live())
    list(results[:10])
    method, path, body = sent[-1]
    assert (method, path) == ("POST", "/lo_wagtailcore_page/_search")
    assert body["from"] == 0 and body["size"] == 10
    text = json.dumps(body["query"])
    assert '"query": "senco"' in text and '"query": "sendco"' in text
    assert "should" in text  # the synonyms are alternatives
    assert '{"term": {"live_filter": true}}' in text  # the live filter goes to Elasticsearch


@pytest.mark.django_db
def test_request_body_for_phrases_and_counting(backend, sent):
    results = backend.search(build_query("ehcp review", GROUPS).all_words_query(), GuidancePage.objects.live())
    assert results.count() == 0
    method, path, body = sent[-1]
    assert path == "/lo_wagtailcore_page/_count"
    text = json.dumps(body)
    assert '"match_phrase"' in text and "education health and care plan" in text
    assert '"must"' in text  # every idea must match
    assert "guidance.GuidancePage" in text or "guidance_guidancepage" in text


def test_settings_rebuild_the_index_atomically():
    """With ELASTICSEARCH_URL set, the settings ask for an atomic rebuild (read in a fresh process,
    since settings are read once at start)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "ELASTICSEARCH_URL": "http://elasticsearch.invalid:9200"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    code = (
        "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'localoffer.settings.base'; "
        "from django.conf import settings; b = settings.WAGTAILSEARCH_BACKENDS['default']; "
        "print(b['BACKEND'], b['ATOMIC_REBUILD'])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)  # noqa: S603
    assert out.stdout.split() == ["search.backends", "True"]


@pytest.mark.django_db
def test_update_index_builds_a_new_index_and_then_moves_the_alias(sent):
    backend = get_search_backend(
        BACKEND, URLS=["http://elasticsearch.invalid:9200"], INDEX_PREFIX="lo_", ATOMIC_REBUILD=True
    )
    index = backend.get_index_for_model(GuidancePage)
    rebuilder = backend.rebuilder_class(index)
    new_index = rebuilder.start()
    assert new_index.name.startswith("lo_wagtailcore_page_") and new_index.name != index.name
    created = [(m, p) for m, p, _b in sent if m == "PUT"]
    assert created[0][1] == f"/{new_index.name}"  # the live index is not touched while filling
    assert not any(m == "DELETE" and p == "/lo_wagtailcore_page" for m, p, _b in sent)
    rebuilder.finish()
    aliases = [b for m, p, b in sent if p.endswith("_aliases") or "/_alias/" in p]
    assert aliases, [(m, p) for m, p, _b in sent]


@pytest.mark.django_db
def test_pages_also_searched_as_words_are_synonyms_too(backend, sent):
    from search.backends import glossary_synonyms

    page = GuidancePage(title="Reading", slug="reading", summary="s", also_searched_as="dyslexia, reading difficulties")
    Page.objects.get(depth=1).add_child(instance=page)
    page.save_revision().publish()
    assert "dyslexia, reading difficulties" in glossary_synonyms()
