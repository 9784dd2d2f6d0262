"""The glossary explainer: `{% explain_terms %}...{% endexplain_terms %}`.

Wraps a page's content. The first time a known acronym appears in the text, it becomes
`<a href="/glossary/#slug"><abbr title="Full form">ACRONYM</abbr></a>`, so readers can see what
it stands for and follow it to the glossary entry. Editors do nothing.

It never explains inside headings, links, an existing `abbr`, form controls, code, scripts or
the page's navigation, and explains each term once per page. The list of terms is cached and
the cache is cleared when a term or the glossary page is saved (see guidance/models.py). The
explained HTML is kept too, by a hash of the HTML, until the next change to the site's content
(the page cache's generation, home/cache.py), so unchanged HTML is not parsed again.
A page's context can turn it off with `explain_terms = False` (the glossary page and search
results do).
"""

import hashlib
import re
from html import escape
from html.parser import HTMLParser

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import mark_safe

from guidance.models import GLOSSARY_CACHE_KEY, GlossaryPage, GlossaryTerm
from home.cache import for_generation
from home.languages import prefer_active_language

register = template.Library()

# Never explain inside these elements (and anything nested in them).
SKIP_TAGS = {
    "a", "abbr", "button", "code", "h1", "h2", "h3", "h4", "h5", "h6", "input", "label", "nav", "noscript",
    "option", "pre", "script", "select", "style", "svg", "textarea", "title", "summary", "legend", "mark",
}  # fmt: skip
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
ACRONYM = re.compile(r"[A-Z]{2,}")


def explainable_names(term):
    """The names of a term to explain in text: the term itself and the other words that are
    written as acronyms (two or more capitals), for terms that have a full form."""
    if not term.full_form:
        return []
    names = [term.term]
    names += [name for name in term.names()[1:] if ACRONYM.search(name) and name != term.full_form]
    return names


def _glossary_entries():
    # The glossary page a term links to is the one in the visitor's language (or English).
    glossary = prefer_active_language(GlossaryPage.objects.live())
    base_url = glossary.url if glossary else ""
    entries = []
    for term in GlossaryTerm.objects.published():
        for name in explainable_names(term):
            url = f"{base_url}#{term.slug}" if base_url else ""
            entries.append((name, term.full_form, url, term.slug))
    entries.sort(key=lambda entry: -len(entry[0]))
    return entries


def get_glossary_entries():
    """[(name, full form, url, slug)] for every explainable name, longest first. Cached (in
    another language than English, until the next content change)."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language != settings.LANGUAGE_CODE:
        return for_generation(f"glossary-entries:{language}", _glossary_entries)
    entries = cache.get(GLOSSARY_CACHE_KEY)
    if entries is None:
        entries = _glossary_entries()
        cache.set(GLOSSARY_CACHE_KEY, entries, 60 * 60)
    return entries


class _Explainer(HTMLParser):
    def __init__(self, entries):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.skip_depth = 0
        self.stack = []
        self.done = set()
        self.by_name = {name: (full, url, slug) for name, full, url, slug in entries}
        names = [re.escape(name) for name, *_ in entries]
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(names) + r")(?![\w-])") if names else None

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in VOID_TAGS:
            return
        self.stack.append(tag)
        if tag in SKIP_TAGS:
            self.skip_depth += 1

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in VOID_TAGS or tag not in self.stack:
            return
        # Close up to and including the most recent matching tag (forgiving of bad nesting).
        while self.stack:
            open_tag = self.stack.pop()
            if open_tag in SKIP_TAGS:
                self.skip_depth -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.skip_depth or self.pattern is None:
            self.out.append(data)
            return
        self.out.append(self.pattern.sub(self._replace, data))

    def _replace(self, match):
        name = match.group(1)
        full, url, slug = self.by_name[name]
        if slug in self.done:
            return name
        self.done.add(slug)
        abbr = f'<abbr title="{escape(full)}">{name}</abbr>'
        if url:
            return f'<a class="govuk-link lo-glossary-link" href="{escape(url)}">{abbr}</a>'
        return abbr

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")


def explain_html(html, entries=None):
    """Return `html` with the first use of each known acronym explained. `html` is trusted
    (already rendered and escaped by templates)."""
    entries = get_glossary_entries() if entries is None else entries
    if not entries or not html:
        return html
    parser = _Explainer(entries)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


class ExplainTermsNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        if context.get("explain_terms", True) is False:
            return html
        # The same HTML gives the same result until the glossary (or anything else) changes.
        digest = hashlib.sha256(html.encode()).hexdigest()
        key = f"explained:{translation.get_language()}:{digest}"
        explained = for_generation(key, lambda: str(explain_html(html)))
        return mark_safe(explained)  # noqa: S308 - the input is our own rendered template output


@register.tag
def explain_terms(parser, token):
    nodelist = parser.parse(("endexplain_terms",))
    parser.delete_first_token()
    return ExplainTermsNode(nodelist)
