"""Guidance for parents, carers and schools: what SEN Support is, the four stages, plans and
assessments. One index page holds the guidance pages."""

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import BasePage
from home.routing import public_only


class GuidanceIndexPage(BasePage):
    """The list of guidance pages, for example 'SEN Support and guidance'."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guidance.GuidancePage"]

    class Meta:
        verbose_name = "guidance index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guidance_pages"] = public_only(self.get_children().live()).specific().order_by("path")
        return context


class GuidancePage(BasePage):
    """One piece of guidance, such as 'What is SEN Support?' or 'The four stages of SEN
    Support', made of sections, steps, inset and warning text, and links to what to do next."""

    body = StreamField(BodyBlock(), help_text="The guidance itself. Start with what the reader most needs to know.")

    content_panels = BasePage.content_panels + [
        FieldPanel("body"),
        InlinePanel("related_pages", label="Related pages", heading="Related pages"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    parent_page_types = ["guidance.GuidanceIndexPage", "services.ServicePage"]
    subpage_types = []

    class Meta:
        verbose_name = "guidance page"

    def get_related_pages(self):
        """The live related pages, in the order the editor chose, in one query (none for the
        copy routing keeps: see `prepare_to_keep`)."""
        if hasattr(self, "_kept_related_pages"):
            return self._kept_related_pages
        ids = [link.page_id for link in self.related_pages.all()]
        found = public_only(Page.objects.live()).in_bulk(ids) if ids else {}
        return [found[i] for i in ids if i in found]

    def prepare_to_keep(self):
        super().prepare_to_keep()
        self._kept_related_pages = self.get_related_pages()


class GuidanceRelatedPage(Orderable):
    """A page linked from the 'Related pages' list of a guidance page."""

    source = ParentalKey(GuidancePage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", help_text="A page on this site."
    )

    panels = [FieldPanel("page")]


# --- Glossary ---------------------------------------------------------------------------------


def split_other_words(text):
    """The 'other words people use' field as a list: one per line or separated by commas."""
    parts = text.replace("\n", ",").split(",") if text else []
    return [part.strip() for part in parts if part.strip()]


class GlossaryTermQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        """Terms that are live (published), in A to Z order, in the visitor's language (the
        English term where it has no translation yet)."""
        from home.languages import translated_or_english

        return translated_or_english(self.filter(live=True)).order_by("sort_key", "term")


class GlossaryTerm(
    TranslatableMixin, WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, models.Model
):
    """A word or acronym the portal uses, explained once. Editors add a term here and the site
    does the rest: it appears on the glossary page, it is explained (with its full form) the
    first time it is used on any content page, and search treats all its names as one.

    A term can be translated into the council's other languages (Translate, in the snippet's
    menu): each language has its own term, full form and meaning, under the same slug."""

    term = models.CharField(
        max_length=80,
        help_text="The word or acronym as it is usually written, for example 'SENCO' or 'EHC plan'.",
    )
    full_form = models.CharField(
        max_length=200,
        blank=True,
        help_text="What an acronym stands for, for example 'Special Educational Needs Co-ordinator'. "
        "Leave empty if it is not an acronym.",
    )
    meaning = models.TextField(
        help_text="What it means, in one to three plain sentences a parent would understand.",
    )
    other_words = models.TextField(
        blank=True,
        help_text="Other ways people write or say it, separated by commas, for example 'SENDCo, SEN co-ordinator'. "
        "Search finds the same pages for all of them.",
    )
    slug = models.SlugField(
        max_length=80,
        help_text="The term's address on the glossary page (after #). Lower case letters, numbers and hyphens.",
    )
    sort_key = models.CharField(max_length=80, blank=True, editable=False, db_index=True)

    objects = GlossaryTermQuerySet.as_manager()

    panels = [
        FieldPanel("term"),
        FieldPanel("full_form"),
        FieldPanel("meaning"),
        FieldPanel("other_words"),
        FieldPanel("slug"),
    ]

    search_fields = [
        index.SearchField("term", boost=5),
        index.AutocompleteField("term"),
        index.SearchField("full_form", boost=3),
        index.SearchField("other_words", boost=2),
        index.SearchField("meaning"),
        index.FilterField("live"),
    ]

    # What a translator translates; the slug (the #address on the glossary page) stays the same.
    translatable_fields = [
        TranslatableField("term"),
        TranslatableField("full_form"),
        TranslatableField("meaning"),
        TranslatableField("other_words"),
        SynchronizedField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "glossary term"
        ordering = ["sort_key", "term"]
        constraints = [
            models.UniqueConstraint(fields=["term", "locale"], name="guidance_glossary_term_unique_in_locale"),
            models.UniqueConstraint(fields=["slug", "locale"], name="guidance_glossary_slug_unique_in_locale"),
        ]

    def __str__(self):
        return f"{self.term} ({self.full_form})" if self.full_form else self.term

    def save(self, *args, **kwargs):
        self.sort_key = self.term.lower().removeprefix("the ").strip()
        super().save(*args, **kwargs)

    def clean(self):
        """The term and the slug are each used once in a language (a translation shares the slug)."""
        super().clean()
        from django.core.exceptions import ValidationError
        from wagtail.models import Locale

        locale_id = self.locale_id or Locale.get_default().pk
        same_language = GlossaryTerm.objects.filter(locale_id=locale_id).exclude(pk=self.pk)
        errors = {}
        if self.term and same_language.filter(term=self.term).exists():
            errors["term"] = "There is already a glossary term with this name."
        if self.slug and same_language.filter(slug=self.slug).exists():
            errors["slug"] = "There is already a glossary term with this address."
        if errors:
            raise ValidationError(errors)

    @property
    def letter(self):
        first = (self.sort_key or self.term.lower())[:1].upper()
        return first if first.isalpha() else "#"

    def names(self):
        """Every name of the term: the term, its full form and the other words."""
        names = [self.term]
        if self.full_form:
            names.append(self.full_form)
        names.extend(split_other_words(self.other_words))
        seen, unique = set(), []
        for name in names:
            if name.lower() not in seen:
                seen.add(name.lower())
                unique.append(name)
        return unique

    def other_words_list(self):
        """The other words people use, shown on the glossary page (acronyms and spellings that
        differ from the term and full form only by case are left out)."""
        shown = {self.term.lower(), self.full_form.lower()}
        return [word for word in split_other_words(self.other_words) if word.lower() not in shown]

    def get_url(self):
        from home.languages import prefer_active_language

        glossary = prefer_active_language(GlossaryPage.objects.live())
        return f"{glossary.url}#{self.slug}" if glossary else ""


class GlossaryPage(BasePage):
    """The A to Z of words and acronyms. There is one; it lists every published glossary term
    (edit the terms under Snippets > Glossary terms)."""

    intro = models.TextField(
        blank=True,
        help_text="A sentence under the title, for example what the glossary is for.",
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "glossary page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        terms = list(GlossaryTerm.objects.published())
        letters = {}
        for term in terms:
            letters.setdefault(term.letter, []).append(term)
        context["letters"] = sorted(letters.items())
        context["used_letters"] = set(letters)
        context["all_letters"] = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
        context["explain_terms"] = False  # the glossary explains itself
        return context


# The glossary explainer (guidance/templatetags/glossary.py) caches the published terms; any
# change to a term or to the glossary page (its address) clears that cache.
GLOSSARY_CACHE_KEY = "guidance:glossary-terms:v1"


def clear_glossary_cache(**kwargs):
    cache.delete(GLOSSARY_CACHE_KEY)


for _model in (GlossaryTerm, GlossaryPage):
    post_save.connect(clear_glossary_cache, sender=_model, dispatch_uid=f"glossary-cache-save-{_model.__name__}")
    post_delete.connect(clear_glossary_cache, sender=_model, dispatch_uid=f"glossary-cache-delete-{_model.__name__}")
