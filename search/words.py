"""Words: how the search reads text. Shared by query building, spelling, ranking and the log,
so every part of the search splits and lower-cases text the same way."""

import re

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Words that carry no meaning in a question, so they never drive the matching ('what is there
# to help my child at school' is about school). 'child' and its kin are on every page of a
# SEND portal; 'help' and 'support' in a question add nothing a page does not say anyway.
_STOP_WORDS_TEXT = """a about am an and any are as at be been being but by can could did do does doing for from
    get gets getting got go going
    had has have here how i if in into is it its just me my no not of on or our out please really should so
    some than that the their them then there these they this those to up us was we what when where which
    who whom why will with would you your
    i'm im i've ive i'd id don't dont does doesn't can't cant isn't isnt won't wont
    help helps helping helped want know tell find now still very much
    child children child's kid kids son daughter son's daughter's he she his her him old year"""
STOP_WORDS = set(_STOP_WORDS_TEXT.split())

# Contractions become their words, so "isn't working" is 'is not working'.
CONTRACTIONS = {
    "isn't": ("is", "not"),
    "isnt": ("is", "not"),
    "aren't": ("are", "not"),
    "doesn't": ("does", "not"),
    "doesnt": ("does", "not"),
    "don't": ("do", "not"),
    "dont": ("do", "not"),
    "can't": ("can", "not"),
    "cant": ("can", "not"),
    "cannot": ("can", "not"),
    "won't": ("will", "not"),
    "wont": ("will", "not"),
    "didn't": ("did", "not"),
    "wasn't": ("was", "not"),
    "haven't": ("have", "not"),
    "hasn't": ("has", "not"),
}


def normalise_words(text):
    """Lower-case words of a text, without punctuation: 'Education, Health and Care plan' ->
    ['education', 'health', 'and', 'care', 'plan']."""
    return [w.replace("’", "'").lower() for w in WORD.findall(text or "")]


def query_words(text):
    """normalise_words with contractions opened: "it isn't working" -> it is not working."""
    words = []
    for word in normalise_words(text):
        words.extend(CONTRACTIONS.get(word, (word,)))
    return words


def split_list(text):
    """'dyslexia, reading difficulties' -> [('dyslexia',), ('reading', 'difficulties')]: the
    comma-separated words editors type, as tuples of words."""
    names = []
    for part in (text or "").replace(";", ",").replace("\n", ",").split(","):
        words = tuple(query_words(part))
        if words and words not in names:
            names.append(words)
    return names
