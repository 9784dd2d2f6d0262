"""`{% page_language page as language %}`: `lang`, `dir`, the language switcher, `hreflang`
links and the 'not translated yet' notice for the page frame (templates/base.html). See
home/languages.py."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail.models import Page

from home.languages import bcp47, english_name, is_rtl, page_languages

register = template.Library()


class LanguageContext:
    def __init__(self, page, preview=False):
        self.active = translation.get_language() or settings.LANGUAGE_CODE
        languages = page_languages(page) if isinstance(page, Page) else None
        # A view that is not a page (search, errors) is the site's English words around what it
        # lists: the list items in another language say so themselves (`content_attrs`).
        self.code = languages.content_language if languages else settings.LANGUAGE_CODE
        if preview:  # the admin's preview runs in the admin's language, not the page's
            self.active = self.code
        self.lang = bcp47(self.code)
        self.dir = "rtl" if is_rtl(self.code) else "ltr"
        self.english = self.code == settings.LANGUAGE_CODE
        # `lang` and `dir` for pages of the active language listed on an English view (search).
        self.foreign = self.active != self.code
        self.active_lang = bcp47(self.active)
        self.active_dir = "rtl" if is_rtl(self.active) else "ltr"
        # The page frame (header, footer, forms) is written in English: mark it so when the
        # content is in another language (WCAG 3.1.2, language of parts).
        self.frame_lang = bcp47(settings.LANGUAGE_CODE)
        self.frame_attrs = "" if self.english else format_html(' lang="{}" dir="ltr"', self.frame_lang)
        versions = languages.versions if languages else []
        # The switcher and hreflang only when the page is in more than one language.
        self.versions = versions if len(versions) > 1 else []
        default = languages.version(settings.LANGUAGE_CODE) if languages else None
        self.x_default = default.full_url if default and self.versions else ""
        # Reached in a language it has not been translated into yet.
        self.untranslated = languages is not None and self.active != self.code
        self.english_url = default.url if default else ""
        if self.untranslated:
            message = "This page has not been translated into %(language)s yet."
            text = gettext(message) % {"language": english_name(self.active)}
            translated = gettext(message) != message
            self.notice = text
            self.notice_lang = bcp47(self.active) if translated else self.frame_lang
            self.notice_dir = "rtl" if translated and is_rtl(self.active) else "ltr"
            self.english_link_text = gettext("Read this page in English")


@register.simple_tag(takes_context=True)
def page_language(context, page=None):
    request = context.get("request")
    return LanguageContext(page, preview=bool(getattr(request, "is_preview", False)))
