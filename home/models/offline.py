"""The Local Offer without the internet (SEND Regulations 2014, regulation 57): the page that
says how to get the information by phone, by post, in person and in other formats (read from
the site settings), and the other-format versions editors attach to any page.

A page's other formats are an inline list on every page type (`AlternativeFormat`, a child of
Wagtail's own `Page`, so one table serves every app's pages and only `home` has a migration).
"""

from django.db import models
from django.template.defaultfilters import filesizeformat
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import BodyBlock

from . import BasePage


class DocumentFormat(models.TextChoices):
    LARGE_PRINT = "large-print", "Large print"
    EASY_READ = "easy-read", "Easy read"
    AUDIO = "audio", "Audio"
    BRAILLE = "braille", "Braille"
    BSL = "bsl", "British Sign Language video"
    TRANSLATION = "translation", "Another language"
    PRINTABLE = "printable", "Printable version"


class AlternativeFormat(Orderable):
    """A version of a page in another format, such as large print, easy read, audio or another
    language: a document from the documents library, shown at the foot of the page with its
    format, language and size."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="alternative_formats")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The file, from the documents library (upload it there first, or here).",
    )
    format = models.CharField(max_length=20, choices=DocumentFormat.choices, help_text="What kind of version this is.")
    language = models.CharField(
        max_length=60,
        default="English",
        help_text="The language it is written or spoken in, in that language's own name if you can, "
        "for example 'Polski (Polish)'.",
    )

    panels = [FieldPanel("document"), FieldPanel("format"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = "other format"
        verbose_name_plural = "other formats"

    def __str__(self):
        return f"{self.get_format_display()} ({self.language})"

    @property
    def file_type(self):
        """'PDF', 'DOCX', 'MP3': the file's extension in capitals."""
        return (self.document.file_extension or "").upper()

    @property
    def size(self):
        """The file's size in words, like '1.2 MB' ('' if unknown)."""
        size = self.document.get_file_size()
        return filesizeformat(size).replace("\xa0", " ") if size else ""


class OfflineAccessPage(BasePage):  # noqa: DJ008 (Page gives __str__)
    """'Get this information without the internet or in another format': how to get the Local
    Offer by phone, by post, in person, and in large print, easy read, audio or another language
    (regulation 57). What it says comes from the site settings ('Without the internet'), so it
    stays the same as the footer and the printouts; the body is for anything more. Every page's
    footer links to it."""

    body = StreamField(BodyBlock(), blank=True, help_text="Anything more to say, after the ways from the settings.")

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "offline access page"
