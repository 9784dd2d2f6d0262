"""The search page: results, filters, pagination, no results, bad input and the rate limit."""

import re

import pytest
from django.test import RequestFactory, override_settings
from django_ratelimit.decorators import ratelimit
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

import search.views

URL = "/search/"


def result_urls(response):
    return re.findall(
        r'<h3 class="govuk-heading-m[^"]*"><a class="govuk-link" href="([^"]+)"', response.content.decode()
    )


@pytest.mark.parametrize(
    "query, expected",
    [("sendco", "/sen-support/send-support-plans/"), ("ehcp", "/sen-support/when-sen-support-is-not-enough/")],
)
def test_synonyms_find_pages_that_use_other_words(client, content, query, expected):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assert expected in result_urls(response)[:3]


def test_assess_finds_assessment_without_stemming(client, content):
    response = client.get(URL, {"q": "assess"})
    assert "/sen-support/when-sen-support-is-not-enough/" in result_urls(response)


def test_result_shows_title_section_summary_highlight_and_audience(client, content):
    body = client.get(URL, {"q": "toolkit"}).content.decode()
    assert '<meta name="robots" content="noindex">' in body
    assert re.search(r"\d+ results? for ‘toolkit’", body)
    assert "In SEN Support and guidance" in body
    assert re.search(r"<mark>[^<]*Toolkit</mark>", body)
    assert "For: " in body


def test_glossary_terms_and_contacts_are_found_too(client, content):
    body = client.get(URL, {"q": "sssen"}).content.decode()
    assert 'id="glossary-results"' in body and "/glossary/#sssen" in body
    assert 'id="contact-results"' in body and "/contacts/" in body


def test_filters_by_section_and_audience(client, content):
    everything = result_urls(client.get(URL, {"q": "sssen"}))
    services_only = result_urls(client.get(URL, {"q": "sssen", "section": "services"}))
    assert services_only and all(url.startswith("/services/") for url in services_only)
    assert len(services_only) <= len(everything)
    schools = client.get(URL, {"q": "support", "audience": "schools"})
    parents = client.get(URL, {"q": "support", "audience": "parents"})
    assert schools.status_code == parents.status_code == 200
    assert result_urls(schools) != result_urls(parents)


def test_pagination_uses_govuk_pattern_and_keeps_the_query(client, content):
    response = client.get(URL, {"q": "support"})
    body = response.content.decode()
    assert 'class="govuk-pagination"' in body
    assert "q=support&amp;page=2" in body
    second = client.get(URL, {"q": "support", "page": "2"})
    assert second.status_code == 200
    assert set(result_urls(second)).isdisjoint(result_urls(response))


def test_no_results_says_so_and_offers_help(client, content):
    body = client.get(URL, {"q": "zzyzx qqqvbw"}).content.decode()
    assert "No results for ‘zzyzx qqqvbw’" in body
    assert 'href="/glossary/"' in body
    assert 'href="/contacts/"' in body


def test_a_misspelling_still_finds_its_pages_and_suggests_the_spelling(client, content):
    response = client.get(URL, {"q": "sendcoo zzyzx"})
    body = response.content.decode()
    assert "No results" not in body
    assert "/sen-support/send-support-plans/" in result_urls(response)[:3]
    assert "Did you mean" in body and "?q=sendco" in body
    assert "/sen-support/what-sen-support-may-include/" in result_urls(client.get(URL, {"q": "dislexia"}))[:1]


def first_answer_and_panels(body):
    """(href of the first real answer, ids of the panels before it)."""
    first = re.search(r'<h3 class="govuk-heading-m[^"]*"><a class="govuk-link" href="([^"]+)"', body)
    before = body[: first.start()]
    return first.group(1), re.findall(r'id="(glossary-results|contact-results)"', before)


@pytest.mark.parametrize(
    "query, answer",
    [
        ("help at school", "/sen-support/what-sen-support-may-include/"),
        ("speech therapy at school", "/sen-support/what-sen-support-may-include/"),
        ("sen support isn't working", "/sen-support/when-sen-support-is-not-enough/"),
        ("what does a sendco do", "/sen-support/send-support-plans/"),
    ],
)
def test_the_answer_comes_before_weak_panels(client, content, query, answer):
    body = client.get(URL, {"q": query}).content.decode()
    first, panels = first_answer_and_panels(body)
    assert first == answer
    assert len(panels) <= 1  # never more than one panel before the first real answer


def test_panels_only_for_strong_matches_and_weak_ones_join_the_list(client, content):
    body = client.get(URL, {"q": "help at school"}).content.decode()
    assert 'id="glossary-results"' not in body and 'id="contact-results"' not in body
    strong = client.get(URL, {"q": "sendco"}).content.decode()
    assert 'id="glossary-results"' in strong and "/glossary/#senco" in strong
    mixed = client.get(URL, {"q": "hearing impairment"}).content.decode()
    assert 'id="contact-results"' not in mixed
    assert "lo-search-result--contact" in mixed and "Sensory Impairment Service" in mixed


def test_best_answer_is_shown_first_with_its_summary(client, content):
    body = client.get(URL, {"q": "what is sen support"}).content.decode()
    best = re.search(r'id="best-answer".*?</div>', body, re.S).group(0)
    assert 'href="/sen-support/what-is-sen-support/"' in best
    assert "extra help at nursery" in best  # its summary
    assert body.index('id="best-answer"') < body.index('class="lo-search-results"')
    # A vague search has no best answer.
    assert 'id="best-answer"' not in client.get(URL, {"q": "support"}).content.decode()


def test_editors_also_searched_as_words_find_the_page(client, content):
    page = Page.objects.get(slug="cookies").specific
    assert 'id="best-answer"' not in client.get(URL, {"q": "zebrafinch"}).content.decode()
    page.also_searched_as = "zebrafinch, small files on my phone"
    page.save_revision().publish()
    body = client.get(URL, {"q": "zebrafinch"}).content.decode()
    assert re.search(r'id="best-answer".*?href="/cookies/"', body, re.S)
    assert first_answer_and_panels(client.get(URL, {"q": "small files on my phone"}).content.decode())[0] == "/cookies/"


def test_promoted_results_are_shown_without_writing_hits(client, content):
    page = Page.objects.get(slug="contacts")
    query = Query.get("help")
    SearchPromotion.objects.create(query=query, page=page, description="Who to ask", sort_order=0)
    body = client.get(URL, {"q": "Help"}).content.decode()
    assert "Recommended" in body and "Who to ask" in body
    assert not query.daily_hits.exists()


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "x" * 2500},
        {"q": "<script>alert('x')</script>"},
        {"q": '"ehc plan'},
        {"q": "ehc AND OR NOT NEAR(* ^"},
        {"q": "ëhcp 日本語 🙂 ‮"},
        {"q": "ehcp\x00\x00"},
        {"q": "ehcp", "section": "nowhere"},
        {"q": "ehcp", "audience": "aliens"},
        {"q": "ehcp", "page": "abc"},
        {"q": "ehcp", "page": "-1"},
        {"q": "ehcp", "page": "99999"},
        {"q": "'; DROP TABLE wagtailcore_page; --"},
    ],
)
def test_bad_input_gets_a_clear_answer_never_a_500(client, content, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    body = response.content.decode()
    assert "<script>alert" not in body
    assert "Search" in body


def test_messages_for_bad_input(client, content):
    assert "first 200 characters" in client.get(URL, {"q": "x" * 2500}).content.decode()
    assert "do not recognise that part" in client.get(URL, {"q": "ehcp", "section": "x"}).content.decode()
    assert "do not recognise who" in client.get(URL, {"q": "ehcp", "audience": "x"}).content.decode()
    escaped = client.get(URL, {"q": "<b>ehcp</b>"}).content.decode()
    assert "&lt;b&gt;ehcp&lt;/b&gt;" in escaped and "<b>ehcp</b>" not in escaped


@override_settings(RATELIMIT_ENABLE=True)
def test_rate_limit_gives_429(content):
    # The view's own rate (SEARCH_RATE_LIMIT, 60 a minute) is read at import; the same view
    # wrapped with a rate of 3 a minute shows the 4th search from one address gets a 429.
    view = ratelimit(key="ip", rate="3/m", block=False)(search.views.search.__wrapped__)
    factory = RequestFactory()
    statuses = [view(factory.get(URL, {"q": "ehcp"}, REMOTE_ADDR="10.0.0.9")).status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200]
    assert statuses[3:] == [429, 429]


def test_header_search_box_on_every_page(client, content):
    body = client.get("/sen-support/").content.decode()
    assert 'action="/search/"' in body and 'name="q"' in body
