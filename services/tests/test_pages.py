"""The service page types: they render at their real URLs with their own templates, sit only
where they belong in the page tree, and can be created through the Wagtail admin."""

import re

from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from home.models import HomePage
from services.models import ServiceIndexPage, ServicePage, ServiceReportPage


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


class ServicePageTypesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        cls.home = publish(root, HomePage(title="Test home", slug="test-home"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": cls.home}
        )
        cls.index = publish(cls.home, ServiceIndexPage(title="Services and support", slug="services"))
        cls.service = publish(
            cls.index,
            ServicePage(
                title="Test support service",
                slug="test-service",
                summary="A service for the tests.",
                who_it_is_for="<p>Children in the test school.</p>",
                eligibility_criteria=[("criterion", "The child goes to the test school.")],
                who_decides="<p>The Head of Service decides.</p>",
                key_figures=[("figure", {"value": "42", "label": "test pupils", "year": "2019", "source": "Tests"})],
            ),
        )
        cls.report = publish(
            cls.service,
            ServiceReportPage(
                title="Test outcomes report",
                slug="test-outcomes",
                period="2018 to 2019",
                published="December 2019",
                body=[("text", "<p>The report said this.</p>")],
            ),
        )

    def setUp(self):
        self.user = self.login()

    # Rendering at the real URLs -----------------------------------------------------------

    def test_index_lists_its_services(self):
        response = self.client.get("/services/")
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "services/service_index_page.html")
        self.assertContains(response, 'href="/services/test-service/"')
        self.assertContains(response, "A service for the tests.")

    def test_service_page_shows_its_structured_fields(self):
        response = self.client.get("/services/test-service/")
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "services/service_page.html")
        for text in (
            "Children in the test school.",
            "The child goes to the test school.",
            "The Head of Service decides.",
            "42",
            "test pupils",
            'href="/services/test-service/test-outcomes/"',
        ):
            self.assertContains(response, text)

    def test_service_page_leaves_out_empty_sections(self):
        response = self.client.get("/services/test-service/")
        self.assertNotContains(response, 'id="progress"')
        self.assertNotContains(response, 'id="what-it-provides"')

    def test_report_page_shows_period_and_body(self):
        response = self.client.get("/services/test-service/test-outcomes/")
        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "services/service_report_page.html")
        self.assertContains(response, "2018 to 2019")
        self.assertContains(response, "December 2019")
        self.assertContains(response, "The report said this.")

    # Where each page type may go ----------------------------------------------------------

    def test_allowed_parents_and_children(self):
        self.assertAllowedParentPageTypes(ServiceIndexPage, {HomePage})
        self.assertAllowedParentPageTypes(ServicePage, {ServiceIndexPage})
        self.assertAllowedParentPageTypes(ServiceReportPage, {ServicePage})
        self.assertAllowedSubpageTypes(ServiceIndexPage, {ServicePage})
        self.assertAllowedSubpageTypes(ServiceReportPage, set())
        self.assertCanCreateAt(ServicePage, ServiceReportPage)
        self.assertCanNotCreateAt(HomePage, ServicePage)
        self.assertCanNotCreateAt(ServiceIndexPage, ServiceReportPage)

    # Created through the admin -------------------------------------------------------------

    def admin_form_data(self, parent, model, **fields):
        """The admin's own add form for `model` under `parent`, as POST data, with `fields` filled in."""
        url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
        # StreamFields are drawn by JavaScript, so the HTML has no inputs for them: start them empty.
        for field in model._meta.get_fields():
            if isinstance(field, StreamField) and field.name not in fields:
                fields[field.name] = streamfield([])
        for name, value in nested_form_data(fields).items():
            data[name] = value
        return data

    def test_index_can_be_created_in_the_admin(self):
        ServiceIndexPage.objects.all().delete()
        data = self.admin_form_data(self.home, ServiceIndexPage, title="Our services", slug="our-services")
        self.assertCanCreate(self.home, ServiceIndexPage, data)

    def test_service_page_can_be_created_in_the_admin(self):
        data = self.admin_form_data(
            self.index,
            ServicePage,
            title="Another service",
            slug="another-service",
            summary="Another service for the tests.",
            who_it_is_for=rich_text("<p>Children who need it.</p>"),
            eligibility_criteria=streamfield([("criterion", "The child needs it.")]),
        )
        self.assertCanCreate(self.index, ServicePage, data)
        page = ServicePage.objects.get(slug="another-service")
        self.assertEqual([block.value for block in page.eligibility_criteria], ["The child needs it."])

    def test_report_page_can_be_created_in_the_admin(self):
        data = self.admin_form_data(
            self.service,
            ServiceReportPage,
            title="Another report",
            slug="another-report",
            period="2019 to 2020",
            body=streamfield([("text", rich_text("<p>What the year showed.</p>"))]),
        )
        self.assertCanCreate(self.service, ServiceReportPage, data)
        page = ServiceReportPage.objects.get(slug="another-report")
        self.assertIn("What the year showed.", str(page.body))

    # The 'Contents' list -------------------------------------------------------------------

    def assertContentsLinksResolve(self, url, expected):
        html = self.client.get(url).content.decode()
        nav = re.search(r'<nav class="lo-contents".*?</nav>', html, re.S).group(0)
        targets = re.findall(r'href="#([^"]+)"', nav)
        self.assertEqual(len(targets), expected, targets)
        for target in targets:
            self.assertEqual(html.count(f'id="{target}"'), 1, target)

    def test_service_page_contents_link_to_its_sections(self):
        ServicePage.objects.filter(pk=self.service.pk).update(
            body='[{"type": "section", "value": {"heading": "How it is checked", "body": "<p>Yearly.</p>"}}]'
        )
        # who it is for, criteria, referral, key figures, and the body's one section
        self.assertContentsLinksResolve("/services/test-service/", 5)

    def test_report_page_contents_link_to_its_sections(self):
        ServiceReportPage.objects.filter(pk=self.report.pk).update(
            body='[{"type": "section", "value": {"heading": "Complaints", "body": "<p>None.</p>"}},'
            ' {"type": "text", "value": "<p>No heading.</p>"}]'
        )
        self.assertContentsLinksResolve("/services/test-service/test-outcomes/", 1)
