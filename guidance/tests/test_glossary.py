"""The glossary: terms as snippets, the A to Z page and the abbr explainer on content pages."""

import re

from django.core.cache import cache
from django.template import Context, Template

from guidance.models import GLOSSARY_CACHE_KEY
from guidance.templatetags.glossary import explain_html

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
