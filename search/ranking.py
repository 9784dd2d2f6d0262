"""Ranking: one ordered list a parent can trust.

`run_search` asks the index (search/sql.py) for the pages, glossary terms and contacts that
match, then re-orders the first results by where the words are (title, 'also searched as'
words, summary). Glossary terms and contacts get a panel of their own only when the search
names them (strong matches); otherwise they take their place in the ranked list like any
page. When one page clearly answers the question it becomes the best answer, shown first.
"""

import json
import math
import re
from dataclasses import dataclass, field

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from . import scope
from .sql import ranked_search
from .words import STOP_WORDS, normalise_words, split_list

RERANK_WINDOW = 20  # the first results are re-ordered by where the words are
TOP_UP_BELOW = 3  # fewer pages than this have every word: add pages that have some of them
PANEL_SIZE = 3  # strong glossary terms and contacts shown in a panel
IN_LIST = 3  # weak glossary terms and contacts that join the ranked list
SECTION_PANEL_SIZE = 50  # all of them when their part of the site is chosen
BEST_ANSWER_MARGIN = 1.25  # the best answer scores this much more than the next result
# A glossary term or contact in the list counts for less than a page that matches as well: the
# pages are the answers; a definition or a phone number helps beside them.
SNIPPET_WEIGHT = 0.5


# --- What a result says about itself -------------------------------------------------------
@dataclass
class Doc:
    """The text of one candidate that the ranking reads: a page, a glossary term or a contact."""

    item: object
    title: str
    summary: str = ""
    also: str = ""  # 'also searched as' words, or a glossary term's other words
    body: str = ""
    page_id: int = 0

    @property
    def is_page(self):
        return bool(self.page_id)


def _words_and_text(text):
    words = normalise_words(text)
    return set(words), " " + " ".join(words) + " "


def _body_text(page):
    """The page's body as lower-case text with markup (cheap: the raw StreamField data)."""
    body = getattr(page, "body", None)
    raw = getattr(body, "raw_data", None)
    return json.dumps(list(raw), default=str).lower() if raw is not None else ""


def to_doc(item):
    if isinstance(item, Page):
        summary = getattr(item, "summary", "") or item.search_description
        also = getattr(item, "also_searched_as", "")
        return Doc(item, item.title, summary, also, _body_text(item), item.pk)
    if hasattr(item, "full_form"):  # a glossary term
        return Doc(item, f"{item.term} {item.full_form}", item.meaning, item.other_words)
    return Doc(item, item.name, getattr(item, "description", ""))  # a contact


def _has_form(forms, words, text):
    return any((form[0] in words) if len(form) == 1 else (" " + " ".join(form) + " " in text) for form in forms)


def _body_has(text, forms):
    return any(re.search(r"(?<!\w)" + re.escape(" ".join(form)) + r"(?!\w)", text) for form in forms)


def _also_text(doc):
    names = split_list(doc.also)
    words = {name[0] for name in names if len(name) == 1}
    return words, " " + " | ".join(" ".join(name) for name in names) + " "


def idea_points(idea, doc, title, also, summary):
    """(points, named) for one idea in one document. Points: 3 if the title has what the
    visitor typed (or the idea is one of the page's own 'also searched as' words), 2 if the
    title or the 'also searched as' words have another name for it, plus 1 if the summary has
    it, plus 1 if the body uses the visitor's own word for a glossary term. `named`: the idea
    is in the title, the 'also searched as' words or the summary."""
    if _has_form(idea.typed_forms, *title) or (doc.page_id and doc.page_id in idea.pages):
        value = 3
    elif _has_form(idea.forms, *title) or _has_form(idea.forms, *also):
        value = 2
    else:
        value = 0
    if _has_form(idea.forms, *summary):
        value += 1
    named = value > 0
    if idea.glossary_slug and doc.body and _body_has(doc.body, idea.typed_forms):
        value += 1  # the page uses the visitor's own word ('SENDCo'), not only a synonym
    return value, named


def rerank_scores(docs, built):
    """How well each document's title, 'also searched as' words and summary match, as a list
    beside `docs`. For each idea: `idea_points`, times the idea's weight, which is lower for
    words that most of these documents have ('support', 'school'), like inverse document
    frequency; plus how much of the title the search covers. Also returns, for each document,
    whether every idea is in its title, 'also searched as' words or summary."""
    fields = [(_words_and_text(d.title), _also_text(d), _words_and_text(d.summary)) for d in docs]
    scores = [0.0] * len(docs)
    answers_all = [True] * len(docs)
    # The whole search is (part of) the title: 'what is sen support' -> 'What is SEN Support?'.
    typed = " " + " ".join(w for w in normalise_words(built.text)) + " "
    all_forms = {form for idea in built.ideas for form in idea.forms if len(form) == 1}
    all_phrases = [form for idea in built.ideas for form in idea.forms if len(form) > 1]
    for i, ((_title_words, title_text), _also, _summary) in enumerate(fields):
        if len(typed.split()) > 1 and typed in title_text:
            scores[i] += 4
        # How much of the title the search covers: 'Enhanced SEN Support' is about something more.
        content_words = [w for w in title_text.split() if w not in STOP_WORDS]
        covered = [
            w
            for w in content_words
            if (w,) in all_forms or any(w in phrase and " ".join(phrase) in title_text for phrase in all_phrases)
        ]
        if content_words:
            scores[i] += 2 * len(covered) / len(content_words)
    for idea in built.ideas:
        points = [idea_points(idea, doc, *fields[i]) for i, doc in enumerate(docs)]
        matched = sum(1 for value, _named in points if value)
        weight = math.log(1 + len(docs) / (1 + matched))
        for i, (value, named) in enumerate(points):
            scores[i] += value * weight * (1 if docs[i].is_page else SNIPPET_WEIGHT)
            answers_all[i] = answers_all[i] and named
    return scores, answers_all


# --- The ranked list ----------------------------------------------------------------------
class RankedResults:
    """The ranked list as the paginator sees it: `count()` and slices.

    The first RERANK_WINDOW pages are fetched once and re-ordered by `rerank_scores`, together
    with the glossary terms and contacts that join the list (`extra`); later slices go straight
    to the search index (count + slice, never every match). When fewer than TOP_UP_BELOW pages
    have every word, pages with some of the words follow them."""

    def __init__(self, strict, built, loose=None, strict_count=None, extra=()):
        self.built = built
        self.strict = strict
        self.loose = loose
        self.strict_count = strict.count() if strict_count is None else strict_count
        self.extra = list(extra)
        self._head = None
        self.best_answer = None

    def add_named_pages(self, queryset):
        """Pages whose 'also searched as' words are in the search join the list even when they
        lack some other word of it ('free advice as a parent' -> the contact directory)."""
        ids = set().union(*(idea.pages for idea in self.built.ideas))
        if not ids:
            return
        if self.loose is None:
            shown = {page.pk for page in self.strict[:RERANK_WINDOW]}
        else:
            shown = {page.pk for page in self.strict[: self.strict_count]}
            shown |= {page.pk for page in self.loose[: RERANK_WINDOW - self.strict_count]}
        self.extra = [page for page in queryset.filter(id__in=ids - shown)] + self.extra

    def page_count(self):
        return self.strict_count + (self.loose.count() if self.loose is not None else 0)

    def count(self):
        return self.page_count() + len(self.extra)

    def __len__(self):
        return self.count()

    def head(self):
        if self._head is None:
            if self.loose is None:
                pages = list(self.strict[:RERANK_WINDOW])
            else:
                pages = list(self.strict[: self.strict_count]) + list(self.loose[: RERANK_WINDOW - self.strict_count])
            docs = [to_doc(item) for item in pages + self.extra]
            scores, answers_all = rerank_scores(docs, self.built)
            # Pages with every word stay before pages (and snippets) with only some of them.
            # Snippets were matched as strictly as the pages could be (search/ranking.run_search).
            partial = set()
            if self.loose is not None:
                partial = set(range(self.strict_count, len(docs) if self.strict_count == 0 else len(pages)))
            order = sorted(range(len(docs)), key=lambda i: (i in partial, -scores[i], i))
            # A glossary term or contact the search does not name is never the first result.
            first_page = next((n for n, i in enumerate(order) if docs[i].is_page), 0)
            if order:
                order.insert(0, order.pop(first_page))
            self._head = [docs[i].item for i in order]
            self.best_answer = self._best_answer(order, docs, scores, answers_all)
        return self._head

    def _best_answer(self, order, docs, scores, answers_all):
        """The first page, if it clearly answers the question: every idea is in its title,
        summary or 'also searched as' words, and it is well ahead of the next result."""
        if not order:
            return None
        first = order[0]
        if not docs[first].is_page or not answers_all[first]:
            return None
        if len(order) > 1 and scores[first] < BEST_ANSWER_MARGIN * scores[order[1]]:
            return None
        return docs[first].item

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        if stop is None:
            stop = self.count()
        head = self.head()
        items = head[start : min(stop, len(head))]
        if stop > len(head):
            # Past the head: pages only, straight from the index.
            first = max(start, len(head)) - len(self.extra)
            last = stop - len(self.extra)
            if self.loose is None:
                items += list(self.strict[first:last])
            else:
                items += list(self.loose[first - self.strict_count : last - self.strict_count])
        return items


def search_pages(built, section_path=None, audience=None):
    """(results, loose): every idea must match; if fewer than TOP_UP_BELOW pages have them all,
    pages with any of them follow. `loose` is True when no page had them all."""
    queryset = scope.page_queryset(section_path, audience)
    strict = ranked_search(queryset, built, True)
    strict_count = strict.count()
    if len(built.ideas) > 1 and strict_count < TOP_UP_BELOW:
        strict_ids = [page.pk for page in strict[:strict_count]] if strict_count else []
        loose = ranked_search(queryset.exclude(id__in=strict_ids), built, False)
        results, loose_only = RankedResults(strict, built, loose, strict_count), strict_count == 0
    else:
        results, loose_only = RankedResults(strict, built, strict_count=strict_count), False
    results.add_named_pages(queryset)
    return results, loose_only


# --- Glossary terms and contacts: a panel when the search names them ---------------------------
def search_snippets(model_label, built, loose, limit, audience=None):
    """([matching glossary terms or contacts, best first], how many match)."""
    queryset = scope.snippet_queryset(model_label, audience)
    if queryset is None:
        return [], 0
    results = ranked_search(queryset, built, not loose)
    count = results.count()
    return (list(results[:limit]) if count else []), count


def names_term(built, term):
    """The search names this glossary term (one of its names is an idea of the search)."""
    return any(idea.glossary_slug == term.slug for idea in built.ideas)


def names_contact(built, contact):
    """The search names this contact: a glossary idea's name is in the contact's name
    ('SSSEN', 'SENCO'), or two of the name's main words are in the search."""
    words, text = _words_and_text(contact.name)
    for idea in built.ideas:
        if idea.glossary_slug and _has_form(idea.forms, words, text):
            return True
    main = {w for w in words if w not in STOP_WORDS and w not in {"service", "your", "team"}}
    typed = {form[0] for idea in built.ideas for form in idea.typed_forms if len(form) == 1}
    return len(main & typed) >= 2


# --- The whole search ---------------------------------------------------------------------
@dataclass
class SearchOutcome:
    built: object
    pages: object = None  # the ranked list (RankedResults): pages, with weak terms and contacts
    loose: bool = False  # no page had every word: these have some of them
    glossary: list = field(default_factory=list)  # the glossary panel
    contacts: list = field(default_factory=list)  # the contacts panel
    glossary_count: int = 0  # glossary terms that match (for 'See all')
    contact_count: int = 0
    promotions: list = field(default_factory=list)
    glossary_page: object = None
    directory: object = None

    @property
    def page_count(self):
        return self.pages.count() if self.pages is not None else 0

    @property
    def total(self):
        return self.page_count + len(self.glossary) + len(self.contacts)

    @property
    def best_answer(self):
        if self.pages is None:
            return None
        self.pages.head()
        return self.pages.best_answer


def get_promotions(text):
    """Editors' promoted results for exactly this search (read only: no hit counting)."""
    return list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(text))
        .select_related("page")
        .order_by("sort_order")
    )


def _snippets(outcome, label, built, section_slug, own_section, audience, names):
    """(panel, for the list, count) for glossary terms or contacts."""
    if section_slug and section_slug != own_section:
        return [], [], 0
    if section_slug:  # their own part of the site: all of them in the panel
        found, count = search_snippets(label, built, outcome.loose, SECTION_PANEL_SIZE, audience)
        return found, [], count
    found, count = search_snippets(label, built, outcome.loose, PANEL_SIZE + IN_LIST, audience)
    panel = [item for item in found if names(built, item)][:PANEL_SIZE]
    in_list = [item for item in found if item not in panel][:IN_LIST]
    return panel, in_list, count


def run_search(built, section=None, audience=None, sections=()):
    """Everything the results page shows for one search, ranked."""
    outcome = SearchOutcome(built=built)
    if built.empty:
        return outcome
    section_path, section_slug = None, ""
    for item in sections:
        if item.slug == section:
            section_path, section_slug = item.path, item.slug
    outcome.glossary_page = scope.glossary_page()
    outcome.directory = scope.directory_page()
    glossary_section = outcome.glossary_page.slug if outcome.glossary_page else None
    directory_section = outcome.directory.slug if outcome.directory else None

    # Whether any page has every word decides how strictly the snippets are matched.
    outcome.pages, outcome.loose = search_pages(built, section_path, audience)
    outcome.glossary, glossary_in_list, outcome.glossary_count = _snippets(
        outcome, "guidance.GlossaryTerm", built, section_slug, glossary_section, None, names_term
    )
    outcome.contacts, contacts_in_list, outcome.contact_count = _snippets(
        outcome, "services.Contact", built, section_slug, directory_section, audience, names_contact
    )
    outcome.pages.extra += glossary_in_list + contacts_in_list  # they join the ranked list
    outcome.promotions = get_promotions(built.text)
    return outcome
