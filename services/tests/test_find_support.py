"""The 'Find support' page: filters in the web address, results with their facts, a count,
pagination and sorting, GOV.UK error messages for bad values, and a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from services.models import Area, ServicePage
from services.models.find_support import PER_PAGE

from .factories import make_service, make_services, make_shared_records, make_site

URL = "/find-support/"
SERVICES = 45


def titles(response):
    return re.findall(r'<h3 class="govuk-heading-m[^"]*"><a class="govuk-link" href="[^"]*">([^<]+)</a>', response.text)


def count_heading(response):
    match = re.search(r'id="results" role="status">([^<]+)</h2>', response.text)
    return match.group(1).strip() if match else ""


class FindSupportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.finder = make_site()
        cls.shared = make_shared_records()
        cls.services = make_services(cls.index, SERVICES, cls.shared)

    def get(self, query="", status=200):
        response = self.client.get(URL + ("?" + query if query else ""), HTTP_HOST="localhost")
        self.assertEqual(response.status_code, status, response.content[:300])
        return response

    def matching(self, test):
        return sorted(
            s.title for s in ServicePage.objects.live().filter(pk__in=[x.pk for x in self.services]) if test(s)
        )

    def all_titles(self, query):
        """Every result title over every page, following the 'Next' links."""
        found, url = [], URL + "?" + query
        for _ in range(10):
            response = self.client.get(url, HTTP_HOST="localhost")
            found += titles(response)
            next_link = re.search(r'class="govuk-pagination__next">\s*<a class="[^"]*" href="([^"]+)"', response.text)
            if not next_link:
                return found
            url = URL + next_link.group(1).replace("&amp;", "&")
        raise AssertionError("too many pages")

    def test_the_home_page_links_to_it(self):
        response = self.client.get("/", HTTP_HOST="localhost")
        self.assertContains(response, 'href="/find-support/"')

    def test_every_service_is_listed_a_page_at_a_time_with_a_count(self):
        response = self.get()
        self.assertEqual(count_heading(response), f"{SERVICES} services")
        self.assertEqual(len(titles(response)), PER_PAGE)
        self.assertEqual(titles(response), sorted(titles(response)))  # A to Z by default
        everything = self.all_titles("")
        self.assertEqual(sorted(everything), self.matching(lambda s: True))

    def test_each_result_shows_its_facts_and_a_contact_link(self):
        response = self.get("q=Generated+service+003")
        self.assertEqual(titles(response), ["Generated service 003"])
        service = self.services[2]
        self.assertContains(response, service.summary)
        self.assertContains(response, f"{service.minimum_age} to {service.maximum_age} years")
        self.assertContains(response, "There is a cost" if service.cost == "paid" else "Free")
        needs = [t.name for t in service.taxonomy_terms.all() if t.taxonomy.code == "areas-of-need"]
        for need in needs:
            self.assertContains(response, need)
        self.assertRegex(response.text, r'href="(tel:01234567890|mailto:team@example.org)"')

    def test_filters_by_need_age_area_cost_and_audience(self):
        # Filter by the facts of one free service for parents, so at least it must match.
        sample = next(
            s for s in self.services if s.cost == "free" and s.audience == "parents" and self.need_of(s) is not None
        )
        need, age, area = self.need_of(sample), sample.minimum_age + 1, sample.areas.first()
        query = f"need={need.code}&age={age}&area={area.slug}&cost=free&audience=parents"
        expected = self.matching(
            lambda s: (
                need in s.taxonomy_terms.all()
                and s.minimum_age <= age <= s.maximum_age
                and area in s.areas.all()
                and s.cost == "free"
                and s.audience in ("parents", "everyone")
            )
        )
        self.assertIn(sample.title, expected)
        self.assertLess(len(expected), SERVICES)
        self.assertEqual(sorted(self.all_titles(query)), expected)
        self.assertIn("match your search", count_heading(self.get(query)))

    @staticmethod
    def need_of(service):
        return next((t for t in service.taxonomy_terms.all() if t.taxonomy.code == "areas-of-need"), None)

    def test_two_needs_mean_either(self):
        codes = ["communication-and-interaction", "sensory-and-physical"]
        expected = self.matching(lambda s: any(t.code in codes for t in s.taxonomy_terms.all()))
        self.assertEqual(sorted(self.all_titles("need=" + "&need=".join(codes))), expected)

    def test_words_and_sorting(self):
        expected = self.matching(lambda s: "autism" in s.summary)
        self.assertEqual(sorted(self.all_titles("q=autism")), expected)
        by_name = titles(self.get("q=autism&sort=name"))
        self.assertEqual(by_name, sorted(by_name))
        self.assertIn('<option value="relevance" selected>', self.get("q=autism").text)
        self.assertNotIn('value="relevance"', self.get("").text)  # nothing to rank without words
        newest = self.services[-1]
        self.assertEqual(titles(self.get("sort=updated"))[0], newest.title)

    def test_filters_are_kept_in_pagination_links(self):
        response = self.get("cost=free&page=2")
        self.assertIn('href="?cost=free&amp;page=1"', response.text)
        self.assertIn('aria-current="page">2</a>', response.text)

    def test_no_results_says_what_to_do(self):
        response = self.get("q=kumquat")
        self.assertEqual(count_heading(response), "0 services match your search")
        self.assertContains(response, "clear the filters and see every service")

    def test_a_value_we_cannot_use_is_dropped_and_named_in_the_error_summary(self):
        cases = {
            "age=seven": ("Enter an age as a whole number, like 7", "#find-age"),
            "age=99": ("Enter an age from 0 to 25", "#find-age"),
            "age=%D9%A3": ("Enter an age as a whole number, like 7", "#find-age"),  # an Arabic-Indic three
            "need=made-up": ("Choose an area of need from the list", "#need-communication-and-interaction"),
            "area=nowhere": ("Choose an area from the list", "#find-area"),
            "cost=cheap": ("Choose free, there is a cost, or any", "#cost-any"),
            "audience=cats": ("Choose parents and carers, schools and settings, or anyone", "#audience-any"),
            "sort=random": ("Choose how to sort the results from the list", "#find-sort"),
            "page=0": ("The page number must be between 1 and 10,000", "#results"),
            "page=x": ("The page number must be a whole number, like 2", "#results"),
            "page=99999999999999999999": ("The page number must be a whole number, like 2", "#results"),
            "page=99": ("There is no page 99. The results have 3.", "#results"),
        }
        for query, (message, anchor) in cases.items():
            response = self.get(query)
            summary = response.text.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]
            self.assertIn(message, summary, query)
            self.assertIn(f'href="{anchor}"', summary, query)
            self.assertIn("<title>Error:", response.text)
            # The value is dropped: every service is still listed, a page at a time.
            self.assertEqual(count_heading(response), f"{SERVICES} services", query)

    def test_the_other_filters_still_apply_when_one_is_dropped(self):
        good = self.get("cost=free")
        mixed = self.get("cost=free&age=seven")
        self.assertContains(mixed, "There is a problem")
        self.assertEqual(count_heading(mixed), count_heading(good))
        self.assertNotIn("age=seven", mixed.text.split('class="govuk-pagination', 1)[-1])

    def test_odd_words_are_not_an_error(self):
        for query in ("q=%22unbalanced", "q=a%00b", "q=AND+OR+NOT", "age=-0", "need=&need=", "q=" + "a" * 500):
            response = self.get(query)
            self.assertNotContains(response, "There is a problem")

    def test_drafts_and_private_services_are_not_listed(self):
        draft = make_service(self.index, 700, self.shared)
        draft.unpublish()
        private = make_service(self.index, 701, self.shared)
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        found = self.all_titles("")
        self.assertEqual(len(found), SERVICES)
        self.assertNotIn(draft.title, found)
        self.assertNotIn(private.title, found)
        self.assertEqual(titles(self.get("q=Generated+service+701")), [])

    def test_a_fixed_number_of_queries(self):
        for query in ("", "page=2", "q=autism", "need=cognition-and-learning&age=8&cost=free", "sort=updated"):
            self.get(query)  # warm the caches
            with CaptureQueriesContext(connection) as queries:
                self.get(query)
            self.assertLessEqual(len(queries), 15, query)


@pytest.mark.django_db
def test_filter_choices_follow_editors_changes(client):
    """The cached filter lists change as soon as an editor adds an area."""
    make_site()
    assert "Test area new" not in client.get(URL, HTTP_HOST="localhost").text
    Area.objects.create(name="Test area new", slug="test-area-new")
    assert "Test area new" in client.get(URL, HTTP_HOST="localhost").text
