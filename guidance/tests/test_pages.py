"""The guidance page types: where they can go, that they render through their real URLs with
their own templates, that an editor can create one in the admin, and that the related pages
list shows only live pages."""

from django.apps import apps
from django.core.management import call_command
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from guidance.models import GuidanceIndexPage, GuidancePage, GuidanceRelatedPage
from home.models import HomePage


class GuidancePageTypesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_local_offer", verbosity=0, no_index=True)
        cls.index = GuidanceIndexPage.objects.get(slug="sen-support")
        cls.page = GuidancePage.objects.get(slug="four-stages-of-sen-support")

    def test_where_guidance_pages_can_go(self):
        service_page = apps.get_model("services", "ServicePage")
        self.assertAllowedParentPageTypes(GuidanceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GuidanceIndexPage, {GuidancePage})
        self.assertAllowedParentPageTypes(GuidancePage, {GuidanceIndexPage, service_page})
        self.assertAllowedSubpageTypes(GuidancePage, set())
        self.assertCanNotCreateAt(HomePage, GuidancePage)

    def test_index_renders_through_its_url_with_its_template(self):
        response = self.client.get(self.index.url)
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "guidance/guidance_index_page.html")
        self.assertContains(response, f'href="{self.page.url}"')
        self.assertContains(response, self.page.summary)

    def test_guidance_page_renders_through_its_url_with_its_template(self):
        self.assertEqual(self.page.url, "/sen-support/four-stages-of-sen-support/")
        response = self.client.get(self.page.url)
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "guidance/guidance_page.html")
        self.assertTemplateUsed(response, "blocks/step_by_step.html")
        self.assertTemplateUsed(response, "blocks/next_steps.html")
        html = response.content.decode()
        self.assertEqual(html.count("<h1"), 1)
        self.assertIn('aria-labelledby="related-heading"', html)
        # Breadcrumbs lead back through the index.
        self.assertIn(f'href="{self.index.url}"', html)

    def test_an_editor_can_create_a_guidance_page_in_the_admin(self):
        self.login()
        related = GuidancePage.objects.get(slug="what-is-sen-support")
        data = nested_form_data(
            {
                "title": "Moving from primary to secondary school",
                "slug": "moving-to-secondary-school",
                "summary": "What happens to your child's support when they move school.",
                "audience": "parents",
                "body": streamfield(
                    [
                        (
                            "section",
                            {"heading": "Before the move", "body": rich_text("<p>Talk to the school early.</p>")},
                        ),
                        ("warning", {"text": "Ask for a meeting before the summer term."}),
                    ]
                ),
                "related_pages": inline_formset([{"page": related.pk}]),
                "alternative_formats": inline_formset([]),
            }
        )
        self.assertCanCreate(self.index, GuidancePage, data)
        created = GuidancePage.objects.get(slug="moving-to-secondary-school")
        self.assertTrue(created.live)
        self.assertEqual([block.block_type for block in created.body], ["section", "warning"])
        self.assertEqual(created.get_related_pages(), [related.page_ptr])
        response = self.client.get(created.url)
        self.assertContains(response, "Before the move")
        self.assertContains(response, "govuk-warning-text")

    def test_related_pages_list_only_live_pages(self):
        page = GuidancePage.objects.get(slug="what-is-sen-support")
        related = [link.page.specific for link in page.related_pages.all()]
        self.assertGreaterEqual(len(related), 2)
        hidden, shown = related[0], related[1]
        hidden.unpublish()

        self.assertNotIn(hidden.pk, [p.pk for p in page.get_related_pages()])
        self.assertIn(shown.pk, [p.pk for p in page.get_related_pages()])
        self.assertEqual(GuidanceRelatedPage.objects.filter(source=page, page=hidden).count(), 1)

        response = self.client.get(page.url)
        aside = response.content.decode().split('id="related-heading"', 1)[1].split("</aside>", 1)[0]
        self.assertNotIn(hidden.title, aside)
        self.assertIn(shown.title, aside)

    def test_related_pages_keep_the_editors_order(self):
        page = GuidancePage.objects.get(slug="what-is-sen-support")
        expected = [link.page_id for link in page.related_pages.order_by("sort_order")]
        self.assertEqual([p.pk for p in page.get_related_pages()], expected)
