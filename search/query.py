"""Turning what a visitor typed into a search query that understands SEND words.

1. `clean_query` cuts the text to MAX_QUERY_LENGTH, removes null bytes and control
   characters and squeezes spaces.
2. `tokenise` keeps words (letters and digits, any alphabet) and quoted phrases; quotes that
   do not pair up are ignored, and operators and markup are just words. Nothing the visitor
   types reaches the search engine's own syntax.
3. `build_query` matches the glossary's names and the pages' 'also searched as' words (longest
   first, so 'ehc plan' and 'not working' are one idea each), drops filler words ('what',
   'my', 'help', 'at'...), corrects a word the site does not know to the closest one it does
   ('dislexia' -> 'dyslexia', search/spelling.py) and gives every remaining idea its other
   names (synonyms) and simple English word forms ('assess' also looks for 'assessment',
   'assessed'...), because SQLite's full-text search does not stem.
   The result is an `And` of `Or`s of `PlainText`/`Phrase` (a page must match every idea, in
   any of its forms), and `any_words_query` is the looser `Or` used when nothing matches all.
"""

import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.search.query import And, Or, Phrase, PlainText

from home.cache import for_generation

from . import spelling
from .words import STOP_WORDS, query_words, split_list

MAX_QUERY_LENGTH = 200
MAX_IDEAS = 8  # more ideas than this in one query are dropped (the first ones are kept)
MAX_FORMS = 12  # word forms per idea
SYNONYMS_CACHE_KEY = "search:synonyms:v2"
MIN_CORRECTED_LENGTH = 4  # shorter unknown words are left alone ('oap', 'ssp' are known anyway)


def clean_query(text):
    """The visitor's text made safe to handle: at most MAX_QUERY_LENGTH characters, no null
    bytes or control characters, single spaces."""
    text = (text or "")[: MAX_QUERY_LENGTH * 4]
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch if (ch.isprintable() or ch.isspace()) else " " for ch in text)
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH].strip()


def tokenise(text):
    """[(words, is_phrase)]: quoted phrases (when the quotes pair up) and single words."""
    parts = []
    chunks = text.replace("“", '"').replace("”", '"').split('"')
    if len(chunks) % 2 == 0:  # an unpaired quote: treat every quote as a space
        chunks = [" ".join(chunks)]
    for i, chunk in enumerate(chunks):
        words = query_words(chunk)
        if not words:
            continue
        if i % 2 == 1 and len(words) > 1:
            parts.append((tuple(words), True))
        else:
            parts.extend(((w,), False) for w in words)
    return parts


VOWELS = set("aeiou")


def _stems(word):
    """The word's likely stems: 'assessments' -> assess; 'deciding' -> decid, decide;
    'stopped' -> stop; 'stages' -> stage; 'assess' -> assess (not 'asses')."""
    for suffix in ("ments", "ment", "ings", "ing", "ies", "ied", "es", "ed", "ly", "s"):
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        stem = word[: -len(suffix)]
        if suffix == "ly" and stem[-1] in VOWELS:
            continue  # 'family' is not 'fami' + 'ly'
        if suffix == "s" and (word.endswith(("ss", "us", "is"))):
            return [word]
        if suffix == "es" and not stem.endswith(("s", "x", "z", "ch", "sh")):
            continue  # 'stages' is 'stage' + 's'
        if suffix in ("ies", "ied"):
            return [stem + "y"]
        if suffix in ("ing", "ings", "ed"):
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in VOWELS and stem[-1] not in "ls":
                return [stem[:-1]]  # 'stopped' -> 'stop'
            return [stem, stem + "e"]  # 'deciding' -> 'decid', 'decide'
        return [stem]
    return [word]


def word_forms(word):
    """Simple English forms of a word, because SQLite full-text search does not stem:
    'assess' -> assess, assesses, assessed, assessing, assessment, assessments.
    Over-generating is harmless: a form that no page uses matches nothing."""
    word = word[:40]
    if len(word) < 4 or not word.isalpha() or not word.isascii():
        return [word]
    forms = [word]
    for stem in _stems(word):
        base = stem[:-1] if stem.endswith("e") else stem
        candidates = [stem]
        if stem.endswith("y") and stem[-2] not in VOWELS:
            candidates += [stem[:-1] + "ies", stem[:-1] + "ied"]
        elif stem.endswith(("s", "x", "z", "ch", "sh")):
            candidates += [stem + "es"]
        else:
            candidates += [stem + "s"]
        candidates += [stem + "d" if stem.endswith("e") else stem + "ed", base + "ing", stem + "ment", stem + "ments"]
        candidates += [stem + "ly"]
        if len(stem) <= 4 and stem[-1] not in VOWELS and stem[-1] not in "wxy" and stem[-2] in VOWELS:
            candidates += [stem + stem[-1] + "ed", stem + stem[-1] + "ing"]  # 'stop' -> 'stopped'
        forms += [form for form in candidates if form not in forms]
    return forms[:MAX_FORMS]


@dataclass
class Idea:
    """One thing the visitor asked about, and every way a page might say it."""

    label: str
    forms: list = field(default_factory=list)  # tuples of words; more than one word = a phrase
    glossary_slug: str = ""
    pages: frozenset = frozenset()  # pages whose 'also searched as' words name this idea
    corrected_from: str = ""  # what the visitor typed, when it was a misspelling

    @property
    def synonyms(self):
        """True when the forms are other names (glossary or 'also searched as'), not word forms."""
        return bool(self.glossary_slug or self.pages)

    @property
    def typed_forms(self):
        """The forms of what the visitor typed (not the glossary's other names)."""
        if self.synonyms:
            words = tuple(self.label.split())
            return {words, words[:-1] + (words[-1] + "s",)}
        return set(self.forms)


class SynonymGroup(NamedTuple):
    """Names that mean the same: a glossary term's names, or a page's 'also searched as' words."""

    slug: str  # the glossary term's slug ('' for a page's words)
    names: list  # tuples of words
    pages: frozenset = frozenset()  # the pages these words lead to


def get_synonym_groups():
    """{tuple of words: SynonymGroup} for every name of every published glossary term and every
    'also searched as' word of every live page. Cached; cleared when a term is saved or a page
    is published (see search/apps.py). In another language than English, the terms are that
    language's, kept until the next content change."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language != settings.LANGUAGE_CODE:
        return for_generation(f"search-synonyms:{language}", _synonym_groups)
    groups = cache.get(SYNONYMS_CACHE_KEY)
    if groups is None:
        groups = _synonym_groups()
        cache.set(SYNONYMS_CACHE_KEY, groups, 60 * 60)
    return groups


def _synonym_groups():
    from guidance.models import GlossaryTerm

    groups = {}
    for term in GlossaryTerm.objects.published():
        names = []
        for name in term.names():
            words = tuple(query_words(name))
            if words and words not in names:
                names.append(words)
        for words in names:
            groups.setdefault(words, SynonymGroup(term.slug, names))
    for page_id, text in _page_words():
        names = split_list(text)
        for words in names:
            group = groups.get(words)
            if group is None:
                groups[words] = SynonymGroup("", names, frozenset([page_id]))
            else:  # also a glossary name, or another page's word: both lead here
                groups[words] = group._replace(pages=group.pages | {page_id})
    return groups


def _page_words():
    """(page id, 'also searched as' text) for every live page that has some."""
    from .scope import base_page_models

    rows = []
    for model in base_page_models():
        rows += model.objects.live().public().exclude(also_searched_as="").values_list("pk", "also_searched_as")
    return rows


def _group_idea(label, group):
    forms = []
    for name in group[1]:
        forms.extend([name, (name[0] + "s",)] if len(name) == 1 and group[0] else [name])
    pages = group[2] if len(group) > 2 else frozenset()
    return Idea(label, list(dict.fromkeys(forms))[:MAX_FORMS], group[0], pages)


def find_ideas(parts, groups=None, vocabulary=None):
    """Group the tokens into ideas: glossary names and 'also searched as' words first (longest
    match), then single words that are not filler words. With a `vocabulary`, a word the site
    does not know is corrected to the closest word it does."""
    groups = get_synonym_groups() if groups is None else groups
    longest = max((len(k) for k in groups), default=1)
    ideas = []
    i = 0
    while i < len(parts):
        words, is_phrase = parts[i]
        if is_phrase:
            match = groups.get(words)
            ideas.append(_group_idea(" ".join(words), match) if match else Idea(" ".join(words), [words]))
            i += 1
            continue
        matched = False
        for n in range(min(longest, len(parts) - i), 0, -1):
            window = parts[i : i + n]
            if any(p[1] for p in window):
                continue
            key = tuple(p[0][0] for p in window)
            if key in groups and not (n == 1 and key[0] in STOP_WORDS):
                ideas.append(_group_idea(" ".join(key), groups[key]))
                i += n
                matched = True
                break
        if matched:
            continue
        word = words[0]
        if word not in STOP_WORDS:
            ideas.append(_word_idea(word, groups, vocabulary))
        i += 1
    # The same idea twice ('sen sen') counts once.
    unique = {}
    for idea in ideas:
        unique.setdefault(idea.glossary_slug or idea.pages or idea.label, idea)
    return list(unique.values())[:MAX_IDEAS]


def _word_idea(word, groups, vocabulary):
    """A plain word's idea: its word forms, or, when the site does not know the word, the
    closest known word's idea with the typed word kept as one more form."""
    if vocabulary and len(word) >= MIN_CORRECTED_LENGTH and word.isalpha() and not spelling.known(word, vocabulary):
        close = spelling.closest(word, vocabulary)
        if close:
            group = groups.get((close,))
            idea = _group_idea(close, group) if group else Idea(close, [(f,) for f in word_forms(close)])
            idea.forms = [*idea.forms[: MAX_FORMS - 1], (word,)]
            idea.corrected_from = word
            return idea
    return Idea(word, [(f,) for f in word_forms(word)])


def _form_query(words):
    if len(words) == 1:
        return PlainText(words[0])
    return Phrase(" ".join(words))


def idea_query(idea):
    queries = [_form_query(words) for words in idea.forms]
    return queries[0] if len(queries) == 1 else Or(queries)


@dataclass
class BuiltQuery:
    text: str
    ideas: list

    @property
    def corrected(self):
        """{what was typed: what it was read as} for misspelt words."""
        return {idea.corrected_from: idea.label for idea in self.ideas if idea.corrected_from}

    @property
    def empty(self):
        return not self.ideas

    def all_words_query(self):
        queries = [idea_query(idea) for idea in self.ideas]
        return queries[0] if len(queries) == 1 else And(queries)

    def any_words_query(self):
        queries = [idea_query(idea) for idea in self.ideas]
        return queries[0] if len(queries) == 1 else Or(queries)

    def highlight_terms(self):
        """Every word and phrase to mark in the results."""
        terms = set()
        for idea in self.ideas:
            for words in idea.forms:
                terms.add(" ".join(words))
        return terms


def build_query(text, groups=None, vocabulary=None):
    """The search for what the visitor typed. Reads the synonyms and the spelling vocabulary
    from the cache (or the database) unless they are given (tests give their own)."""
    text = clean_query(text)
    parts = tokenise(text)
    if groups is None:
        groups = get_synonym_groups()
        vocabulary = spelling.get_vocabulary() if vocabulary is None else vocabulary
    ideas = find_ideas(parts, groups, vocabulary)
    if not ideas and parts:
        # Only filler words ('how do I'): search for them as they are rather than nothing.
        ideas = [Idea(p[0][0], [p[0]]) for p in parts[:MAX_IDEAS] if not p[1]]
    return BuiltQuery(text, ideas)
