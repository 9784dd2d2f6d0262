"""A readability indicator for editors: the Flesch reading ease of a page's text.

`ReadabilityPanel` sits on every content page's edit form (BasePage.content_panels). It scores
the text last saved, so editors see the effect of shorter sentences and plainer words each time
they save a draft. It shows nothing for a page without body text.

One word count. The panel reads the same text as Wagtail's 'Checks' panel in the preview (the
words in the rendered page's `<main>`), and `count_words()` counts them as the Checks panel's
`Intl.Segmenter` does (a run of letters and digits, with apostrophes and full stops inside it, is
one word), so the two show the same number for the same draft."""

import re
from html.parser import HTMLParser

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


_COUNTED_WORD = re.compile(r"\w+(?:['’.]\w+)*")
_BLOCK_TAGS = {
    *["address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "fieldset"],
    *["figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "legend"],
    *["li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul"],
}
_SKIPPED_TAGS = {"script", "style", "template", "noscript", "svg"}
_VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def count_words(text):
    """The number of words in `text`, counted as the preview's Checks panel counts them."""
    return len(_COUNTED_WORD.findall(text))


class _MainText(HTMLParser):
    """The text a browser shows inside `<main>` (roughly its innerText): blocks end a line,
    scripts, styles and elements marked `hidden` are left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_main = 0
        self.skipping = []  # tags we are inside whose text is not shown
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in _VOID_TAGS:
            if tag == "br" and self.in_main:
                self.parts.append("\n")
            return
        if tag == "main":
            self.in_main += 1
        elif self.skipping or tag in _SKIPPED_TAGS or "hidden" in dict(attrs):
            self.skipping.append(tag)
        if tag in _BLOCK_TAGS and self.in_main:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()
        elif tag == "main":
            self.in_main = max(0, self.in_main - 1)
        if tag in _BLOCK_TAGS and self.in_main:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_main and not self.skipping:
            self.parts.append(data)


def main_text(html):
    """The visible text of a rendered page's `<main>`, one line per block."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def rendered_text(page, request):
    """What a reader reads on the page as last saved: the `<main>` of its preview, which is
    also what the preview's Checks panel counts."""
    response = page.make_preview_request(request, page.default_preview_mode)
    if hasattr(response, "render"):
        response.render()
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return page_text(page)
    return as_sentences(main_text(response.content.decode(response.charset or "utf-8")).replace("\n", "</p>"))


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
    words = count_words(text)
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
            context["result"] = readability(rendered_text(self.instance, self.request)) if self.instance.pk else None
            return context

        def is_shown(self):
            return hasattr(self.instance, "body") and super().is_shown()
