"""Spelling: the words people might mean. Used twice: query building corrects a word the site
does not know ('dislexia' is also searched as 'dyslexia'), and the results page suggests a
corrected search ('Did you mean sendco?')."""

import difflib

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Page

from home.languages import in_active_language

from .scope import base_page_models
from .words import normalise_words, split_list

VOCABULARY_CACHE_KEY = "search:vocabulary:v2"
VOCABULARY_SECONDS = 600
MAX_TITLES = 5000
MAX_SUMMARIES = 2000
CUTOFF = 0.75


def get_vocabulary():
    """Words people might mean, by first letter: glossary names, live page titles, summaries
    and 'also searched as' words, in the visitor's language. Cached for 10 minutes and cleared
    when content changes."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    key = VOCABULARY_CACHE_KEY if language == settings.LANGUAGE_CODE else f"{VOCABULARY_CACHE_KEY}:{language}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        words = set()
        for term in apps.get_model("guidance", "GlossaryTerm").objects.published():
            for name in term.names():
                words.update(normalise_words(name))
        pages = in_active_language(Page.objects.live().public().filter(depth__gt=1))
        for title in pages.values_list("title", flat=True)[:MAX_TITLES]:
            words.update(normalise_words(title))
        for model in base_page_models():
            rows = in_active_language(model.objects.live().public()).values_list("summary", "also_searched_as")
            rows = rows[:MAX_SUMMARIES]
            for summary, also in rows:
                words.update(normalise_words(summary))
                words.update(w for name in split_list(also) for w in name)
        vocabulary = {}
        for word in sorted(w for w in words if len(w) > 2 and w.isalpha()):
            vocabulary.setdefault(word[0], []).append(word)
        cache.set(key, vocabulary, VOCABULARY_SECONDS)
    return vocabulary


def known(word, vocabulary):
    return word in vocabulary.get(word[:1], ())


def closest(word, vocabulary, cutoff=CUTOFF):
    """The known word closest to `word` (same first letter, similar length), or ''."""
    candidates = [w for w in vocabulary.get(word[:1], ()) if abs(len(w) - len(word)) <= 2]
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return close[0] if close else ""


def suggest_spelling(text):
    """A corrected search, or '' if every word is known or nothing is close."""
    vocabulary = get_vocabulary()
    words = normalise_words(text)
    changed = False
    corrected = []
    for word in words:
        if len(word) < 3 or known(word, vocabulary):
            corrected.append(word)
            continue
        close = closest(word, vocabulary)
        if close:
            corrected.append(close)
        changed = True  # a word we do not know is corrected, or left out of the suggestion
    return " ".join(corrected) if changed and corrected else ""
