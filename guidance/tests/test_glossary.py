"""The glossary: terms as snippets, the A to Z page and the abbr explainer on content pages."""

import re

import pytest
from django.core.cache import cache
from django.template import Context, Template

from guidance.models import GLOSSARY_CACHE_KEY, GlossaryPage, GlossaryTerm
from guidance.templatetags.glossary import explain_html, get_glossary_entries
from localoffer.content import glossary as glossary_content
from localoffer.content import site as site_content

ENTRIES = [
    ("SENDCo", "Special Educational Needs Co-ordinator", "/glossary/#senco", "senco"),
    ("SENCO", "Special Educational Needs Co-ordinator", "/glossary/#senco", "senco"),
    ("EHC plan", "Education, Health and Care plan", "/glossary/#ehc-plan", "ehc-plan"),
    ("SEN", "special educational needs", "/glossary/#sen", "sen"),
]


def abbrs(html):
    return re.findall(
        r'<a class="govuk-link lo-glossary-link" href="([^"]+)"><abbr title="([^"]+)">([^<]+)</abbr></a>', html
    )


def test_first_use_only_and_linked_to_the_entry():
    html = "<p>Ask the SENCO. The SENCO will help. Your SENDCo is the same person.</p><p>An EHC plan.</p>"
    assert abbrs(explain_html(html, ENTRIES)) == [
        ("/glossary/#senco", "Special Educational Needs Co-ordinator", "SENCO"),
        ("/glossary/#ehc-plan", "Education, Health and Care plan", "EHC plan"),
    ]


def test_not_in_headings_links_abbr_or_form_controls():
    html = (
        "<h2>SEN help</h2><a href='/x'>SEN</a><abbr title='x'>SEN</abbr><label>SEN</label>"
        "<button>SEN</button><textarea>SEN</textarea><p>SEN at last</p>"
    )
    out = explain_html(html, ENTRIES)
    assert out.startswith("<h2>SEN help</h2><a href='/x'>SEN</a><abbr title='x'>SEN</abbr><label>SEN</label>")
    assert abbrs(out) == [("/glossary/#sen", "special educational needs", "SEN")]
    assert "<p><a class" in out


def test_whole_words_and_case_only():
    out = explain_html("<p>SENSE, SENs, sen, SEND-like, SEN.</p>", ENTRIES)
    assert [a[2] for a in abbrs(out)] == ["SEN"]
    assert out.count("<abbr") == 1 and '<abbr title="special educational needs">SEN</abbr></a>.' in out


def test_markup_and_entities_survive_and_titles_are_escaped():
    entries = [("SEN", 'needs "<b>"', "/g/#sen", "sen")]
    out = explain_html("<p>a &amp; b &lt;SEN&gt; <!-- SEN --> <br/> SEN</p>", entries)
    assert "a &amp; b &lt;" in out and "<!-- SEN -->" in out and "<br/>" in out
    assert 'title="needs &quot;&lt;b&gt;&quot;"' in out


def test_block_tag_can_be_switched_off():
    template = Template("{% load glossary %}{% explain_terms %}<p>SEN</p>{% endexplain_terms %}")
    cache.set(GLOSSARY_CACHE_KEY, ENTRIES)
    assert "<abbr" in template.render(Context({}))
    assert "<abbr" not in template.render(Context({"explain_terms": False}))
    cache.delete(GLOSSARY_CACHE_KEY)


@pytest.fixture
def glossary(db):
    context = {}
    site_content.load(context, lambda *a: None)  # the home page and the default site
    glossary_content.load(context, lambda *a: None)
    cache.clear()
    return context["glossary_page"]


def test_loader_ships_terms_and_is_safe_to_run_twice(glossary):
    count = GlossaryTerm.objects.count()
    assert count >= 25
    for term in ["EHC plan", "EHC needs assessment", "SENCO", "SEN", "SEND", "SEN Support", "SSP", "GRIP",
                 "EYSEN IF", "SSSEN", "SSAP", "OAP", "CAMHS", "P levels", "Rochford Review", "QDD", "SES",
                 "CPD", "FTE", "SENDIASS", "Ofsted", "Graduated approach", "Statement of SEN"]:  # fmt: skip
        assert GlossaryTerm.objects.filter(term=term, live=True).exists(), term
    assert glossary_content.load({"home": glossary.get_parent().specific}, lambda *a: None) == 0
    assert GlossaryTerm.objects.count() == count


def test_a_to_z_page(client, glossary):
    response = client.get(glossary.url)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'aria-label="Letters A to Z"' in body
    assert 'href="#letter-E"' in body and 'id="letter-E"' in body
    assert 'id="ehc-plan"' in body and "Education, Health and Care plan" in body
    assert "Also called:" in body and "EHCP" in body
    # Letters with no terms are not links.
    assert 'href="#letter-X"' not in body
    # Terms are in A to Z order, 'the' ignored.
    positions = [body.index(f'id="{slug}"') for slug in ("camhs", "ehc-plan", "graduated-approach", "sssen")]
    assert positions == sorted(positions)
    # The glossary does not explain itself.
    assert "lo-glossary-link" not in body


def test_content_pages_explain_terms_at_first_use(client, glossary):
    page = GlossaryPage.objects.get()
    entries = get_glossary_entries()
    assert ("EHC plan", "Education, Health and Care plan", f"{page.url}#ehc-plan", "ehc-plan") in entries
    body = client.get("/").content.decode()
    main = body[body.index('id="main-content"') :]
    assert main.count('<abbr title="special educational needs and disabilities">SEND</abbr>') <= 1


def test_cache_cleared_when_a_term_is_published(glossary):
    get_glossary_entries()
    assert cache.get(GLOSSARY_CACHE_KEY) is not None
    term = GlossaryTerm.objects.get(slug="camhs")
    term.full_form = "Child and Adolescent Mental Health Service"
    term.save_revision().publish()
    assert cache.get(GLOSSARY_CACHE_KEY) is None
    assert any(e[1] == "Child and Adolescent Mental Health Service" for e in get_glossary_entries())


def test_draft_terms_are_not_explained_or_listed(glossary):
    term = GlossaryTerm.objects.get(slug="camhs")
    term.live = False
    term.save()
    assert all(e[3] != "camhs" for e in get_glossary_entries())
