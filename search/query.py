"""Turning what a visitor typed into a search query that understands SEND words.

1. `clean_query` cuts the text to MAX_QUERY_LENGTH, removes null bytes and control
   characters and squeezes spaces.
2. `tokenise` keeps words (letters and digits, any alphabet) and quoted phrases; quotes that
   do not pair up are ignored, and operators and markup are just words. Nothing the visitor
   types reaches the search engine's own syntax.
3. `build_query` matches the glossary's names (longest first, so 'ehc plan' is one idea), drops
   filler words ('what', 'does', 'my'...), and gives every remaining idea its other names
   (synonyms from the glossary) and simple English word forms ('assess' also looks for
   'assessment', 'assessed'...), because SQLite's full-text search does not stem.
   The result is an `And` of `Or`s of `PlainText`/`Phrase` (a page must match every idea, in
   any of its forms), and `any_words_query` is the looser `Or` used when nothing matches all.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.core.cache import cache
from wagtail.search.query import And, Or, Phrase, PlainText

MAX_QUERY_LENGTH = 200
MAX_IDEAS = 8  # more ideas than this in one query are dropped (the first ones are kept)
MAX_FORMS = 12  # word forms per idea
SYNONYMS_CACHE_KEY = "search:glossary-synonyms:v1"

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Words that carry no meaning in a question. Kept small: every word dropped is a word that
# cannot help ranking. 'child' and its kin are on every page of a SEND portal.
_STOP_WORDS_TEXT = """a about an and any are as at be been being by can could did do does doing for from
    get gets getting
    had has have how i if in into is it its me my of on or our should so than that the their them then there
    these they this those to up us was we what when where which who whom why will with would you your
    i'm im i've ive don't dont does doesn't can't cant
    child children child's kid kids son daughter"""
STOP_WORDS = set(_STOP_WORDS_TEXT.split())


def clean_query(text):
    """The visitor's text made safe to handle: at most MAX_QUERY_LENGTH characters, no null
    bytes or control characters, single spaces."""
    text = (text or "")[: MAX_QUERY_LENGTH * 4]
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch if (ch.isprintable() or ch.isspace()) else " " for ch in text)
    text = " ".join(text.split())
    return text[:MAX_QUERY_LENGTH].strip()


def normalise_words(text):
    """Lower-case words of a text, without punctuation: 'Education, Health and Care plan' ->
    ['education', 'health', 'and', 'care', 'plan']."""
    return [w.replace("’", "'").lower() for w in WORD.findall(text or "")]


def tokenise(text):
    """[(words, is_phrase)]: quoted phrases (when the quotes pair up) and single words."""
    parts = []
    chunks = text.replace("“", '"').replace("”", '"').split('"')
    if len(chunks) % 2 == 0:  # an unpaired quote: treat every quote as a space
        chunks = [" ".join(chunks)]
    for i, chunk in enumerate(chunks):
        words = normalise_words(chunk)
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

    @property
    def typed_forms(self):
        """The forms of what the visitor typed (not the glossary's other names)."""
        if self.glossary_slug:
            words = tuple(self.label.split())
            return {words, words[:-1] + (words[-1] + "s",)}
        return set(self.forms)


def get_synonym_groups():
    """{tuple of words: (slug, [tuple of words, ...])} for every name of every published
    glossary term. Cached; cleared when a term is saved (see search/apps.py)."""
    groups = cache.get(SYNONYMS_CACHE_KEY)
    if groups is None:
        from guidance.models import GlossaryTerm

        groups = {}
        for term in GlossaryTerm.objects.published():
            names = []
            for name in term.names():
                words = tuple(normalise_words(name))
                if words and words not in names:
                    names.append(words)
            for words in names:
                groups.setdefault(words, (term.slug, names))
        cache.set(SYNONYMS_CACHE_KEY, groups, 60 * 60)
    return groups


def find_ideas(parts, groups=None):
    """Group the tokens into ideas: glossary names first (longest match), then single words
    that are not filler words."""
    groups = get_synonym_groups() if groups is None else groups
    longest = max((len(k) for k in groups), default=1)
    ideas = []
    i = 0
    while i < len(parts):
        words, is_phrase = parts[i]
        if is_phrase:
            match = groups.get(words)
            forms = list(match[1]) if match else [words]
            ideas.append(Idea(" ".join(words), forms, match[0] if match else ""))
            i += 1
            continue
        matched = False
        for n in range(min(longest, len(parts) - i), 0, -1):
            window = parts[i : i + n]
            if any(p[1] for p in window):
                continue
            key = tuple(p[0][0] for p in window)
            if key in groups and not (n == 1 and key[0] in STOP_WORDS):
                slug, names = groups[key]
                forms = []
                for name in names:
                    forms.extend([name, (name[0] + "s",)] if len(name) == 1 else [name])
                ideas.append(Idea(" ".join(key), list(dict.fromkeys(forms)), slug))
                i += n
                matched = True
                break
        if matched:
            continue
        word = words[0]
        if word not in STOP_WORDS:
            ideas.append(Idea(word, [(f,) for f in word_forms(word)]))
        i += 1
    # The same idea twice ('sen sen') counts once.
    unique = {}
    for idea in ideas:
        unique.setdefault(idea.glossary_slug or idea.label, idea)
    return list(unique.values())[:MAX_IDEAS]


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


def build_query(text, groups=None):
    text = clean_query(text)
    parts = tokenise(text)
    ideas = find_ideas(parts, groups)
    if not ideas and parts:
        # Only filler words ('how do I'): search for them as they are rather than nothing.
        ideas = [Idea(p[0][0], [p[0]]) for p in parts[:MAX_IDEAS] if not p[1]]
    return BuiltQuery(text, ideas)
