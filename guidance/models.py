"""Guidance for parents, carers and schools: what SEN Support is, the four stages, plans and
assessments. One index page holds the guidance pages."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.models import BasePage


class GuidanceIndexPage(BasePage):
    """The list of guidance pages, for example 'SEN Support and guidance'."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guidance.GuidancePage"]

    class Meta:
        verbose_name = "guidance index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guidance_pages"] = self.get_children().live().public().specific().order_by("path")
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
        """The live related pages, in the order the editor chose, in one query."""
        ids = [link.page_id for link in self.related_pages.all()]
        found = Page.objects.live().public().in_bulk(ids)
        return [found[i] for i in ids if i in found]


class GuidanceRelatedPage(Orderable):
    """A page linked from the 'Related pages' list of a guidance page."""

    source = ParentalKey(GuidancePage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", help_text="A page on this site."
    )

    panels = [FieldPanel("page")]
