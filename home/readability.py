"""A readability indicator for editors: the Flesch reading ease of a page's text.

`ReadabilityPanel` sits on every content page's edit form (BasePage.content_panels). It scores
the text last saved (summary and body), so editors see the effect of shorter sentences and
plainer words each time they save a draft. It shows nothing for a page without body text."""

import re

import pyphen
import textstat
from django.utils.html import strip_tags
from wagtail.admin.panels import Panel

# textstat's own flesch_reading_ease() needs NLTK's cmudict, which it downloads on first use
# (it hangs or fails without internet). Syllables here come from pyphen's British English
# hyphenation dictionary instead (installed with textstat), so nothing is downloaded.
_HYPHENATOR = pyphen.Pyphen(lang="en_GB")
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")

PLAIN_ENGLISH_SCORE = 60
HARD_SCORE = 50


_BLOCK_END = re.compile(r"</(p|li|h[1-6]|td|th|div|dt|dd)>", re.IGNORECASE)
_DOUBLE_STOP = re.compile(r"([.!?:;])\s*\.")


def as_sentences(html_or_text):
    """Plain text in which each paragraph, list item, heading or block ends a sentence, so
    headings and bullet points do not run into the next line as one long sentence."""
    text = strip_tags(_BLOCK_END.sub(".\n", str(html_or_text))).strip()
    if text and text[-1] not in ".!?:;":
        text += "."
    return _DOUBLE_STOP.sub(r"\1", text)


def page_text(page):
    """The words a reader reads on a page: its summary and its body's text."""
    parts = [getattr(page, "summary", "") or ""]
    body = getattr(page, "body", None)
    if body is not None and hasattr(body, "stream_block"):
        parts.extend(body.stream_block.get_searchable_content(body))
    return "\n".join(as_sentences(part) for part in parts if part and str(part).strip())


def syllables(word):
    return len(_HYPHENATOR.positions(word.lower())) + 1


def flesch_reading_ease(text):
    """206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per word)."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(textstat.sentence_count(text), 1)
    total_syllables = sum(syllables(word) for word in words)
    return 206.835 - 1.015 * (len(words) / sentences) - 84.6 * (total_syllables / len(words))


def readability(text):
    """A dict with the score, a verdict an editor understands, and the counts behind it;
    None when there is too little text to judge."""
    words = textstat.lexicon_count(text)
    if words < 20:
        return None
    score = max(0, min(100, round(flesch_reading_ease(text))))
    sentences = max(textstat.sentence_count(text), 1)
    if score >= PLAIN_ENGLISH_SCORE:
        verdict, tag = "Plain English: most readers will find this easy.", "good"
    elif score >= HARD_SCORE:
        verdict, tag = "Fairly hard: try shorter sentences and everyday words.", "warning"
    else:
        verdict, tag = "Hard to read: split long sentences and explain or replace long words.", "critical"
    return {
        "score": score,
        "verdict": verdict,
        "tag": tag,
        "words": words,
        "words_per_sentence": round(words / sentences, 1),
        "target": PLAIN_ENGLISH_SCORE,
    }


class ReadabilityPanel(Panel):
    """Shows the Flesch reading ease (0 to 100, higher is easier) of the saved text."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/panels/readability.html"

        @property
        def clean_name(self):
            return "readability"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["result"] = readability(page_text(self.instance)) if self.instance.pk else None
            return context

        def is_shown(self):
            return hasattr(self.instance, "body") and super().is_shown()
