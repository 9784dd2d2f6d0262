"""The Local Offer duties (home/models/coverage.py) in the Open Referral UK API (issue 13, part 6):
one more taxonomy, each duty a term with a stable UUID, and each service's full record listing
the duties its page is tagged with. Validated against the official schemas like the rest of the
API (test_oruk_api.py)."""

import uuid

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from home.models import CheckStatus, PageCoverage, Schedule2Item
from services.api.duties import TAXONOMY_ID, TAXONOMY_NAME, taxonomy_description

from .factories import make_service, make_services, make_shared_records, make_site
from .test_oruk_api import API, DETAIL_SCHEMAS, LIST_SCHEMAS, validate

# Pinned: the ids must never change, or every copy of the open data loses its links.
PINNED_TAXONOMY_ID = "e8bfc52d-df8e-565d-a83f-4fc3f1f0c092"
PINNED_TERM_ID = "c43fec9e-07fd-5eb2-a334-090a9c22e432"  # the slug 'regulation-56-comments'


def duty(slug, sort_order, checked=False):
    return Schedule2Item.objects.create(
        slug=slug,
        reference=f"Test reference {sort_order}",
        name=f"Test duty {sort_order}",
        gist=f"What test duty {sort_order} asks for.",
        check_status=CheckStatus.PRIMARY if checked else CheckStatus.UNCHECKED,
        sort_order=sort_order,
    )


class DutiesApiTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, _ = make_site()
        cls.shared = make_shared_records()
        cls.services = make_services(cls.index, 4, cls.shared)
        cls.duties = [
            duty("regulation-56-comments", 10, checked=True),
            duty("test-duty-two", 20),
            duty("test-duty-three", 30),
        ]
        tagged, other = cls.services[0], cls.services[1]
        PageCoverage.objects.create(page=tagged, item=cls.duties[2])
        PageCoverage.objects.create(page=tagged, item=cls.duties[0])
        PageCoverage.objects.create(page=other, item=cls.duties[1])

    def get_json(self, url, status=200):
        response = self.client.get(url, HTTP_HOST="localhost")
        self.assertEqual(response.status_code, status, response.content[:500])
        return response.json()

    def duty_terms(self):
        body = self.get_json(f"{API}/taxonomy_terms?per_page=100")
        for schema in LIST_SCHEMAS["/taxonomy_terms"]:
            validate(body, schema)
        return [term for term in body["contents"] if term["taxonomy_id"] == PINNED_TAXONOMY_ID]

    def duty_attributes(self, service):
        body = self.get_json(f"{API}/services/{service.oruk_id}")
        for schema in DETAIL_SCHEMAS["/services"]:
            validate(body, schema)
        return [
            a["taxonomy_term"] for a in body["attributes"] if a["taxonomy_term"]["taxonomy_id"] == PINNED_TAXONOMY_ID
        ]

    def test_the_duties_are_one_more_taxonomy_valid_against_the_schemas(self):
        self.assertEqual(str(TAXONOMY_ID), PINNED_TAXONOMY_ID)
        body = self.get_json(f"{API}/taxonomies?per_page=100")
        for schema in LIST_SCHEMAS["/taxonomies"]:
            validate(body, schema)
        found = [t for t in body["contents"] if t["id"] == PINNED_TAXONOMY_ID]
        self.assertEqual(len(found), 1)
        self.assertEqual(found[0]["name"], TAXONOMY_NAME)
        self.assertEqual(body["total_items"], len(body["contents"]))
        self.assertEqual(body["contents"][-1]["id"], PINNED_TAXONOMY_ID)  # after the stored ones
        # The description says which items were checked against the law.
        self.assertIn(
            "1 of the 3 items are checked against the regulations' text: Test reference 10.", found[0]["description"]
        )

        detail = self.get_json(f"{API}/taxonomies/{PINNED_TAXONOMY_ID}")
        for schema in DETAIL_SCHEMAS["/taxonomies"]:
            validate(detail, schema)
        self.assertEqual(
            [t["name"] for t in detail["taxonomy_terms"]], ["Test duty 10", "Test duty 20", "Test duty 30"]
        )
        self.assertEqual(detail["uri"], "https://www.legislation.gov.uk/uksi/2014/1530")

    def test_each_duty_is_a_term_valid_against_the_schemas(self):
        terms = self.duty_terms()
        self.assertEqual([t["code"] for t in terms], ["regulation-56-comments", "test-duty-two", "test-duty-three"])
        self.assertEqual(terms[0]["id"], PINNED_TERM_ID)
        self.assertIn("Checked against the regulations' text.", terms[0]["description"])
        self.assertIn("Not checked against the regulations' text", terms[1]["description"])
        self.assertIn("What test duty 20 asks for.", terms[1]["description"])
        for term in terms:
            self.assertEqual(term["taxonomy"], TAXONOMY_NAME)
            detail = self.get_json(f"{API}/taxonomy_terms/{term['id']}")
            for schema in DETAIL_SCHEMAS["/taxonomy_terms"]:
                validate(detail, schema)
            self.assertEqual(detail, term)

    def test_the_duties_come_after_the_stored_terms_on_every_page(self):
        everything = self.get_json(f"{API}/taxonomy_terms?per_page=100")["contents"]
        paged = []
        for number in range(1, 100):
            body = self.get_json(f"{API}/taxonomy_terms?per_page=4&page={number}")
            paged += body["contents"]
            if body["last_page"]:
                break
        self.assertEqual(paged, everything)
        self.assertEqual([t["taxonomy_id"] for t in everything[-3:]], [PINNED_TAXONOMY_ID] * 3)
        past = self.get_json(f"{API}/taxonomy_terms?per_page=4&page=99")
        self.assertEqual(past["contents"], [])

    @override_settings(PAGE_CACHE_ENABLED=False)
    def test_the_ids_are_uuids_and_the_same_on_every_request(self):
        first, second = self.duty_terms(), self.duty_terms()
        self.assertEqual([t["id"] for t in first], [t["id"] for t in second])
        for term in first:
            self.assertEqual(uuid.UUID(term["id"]).version, 5)
        # Renaming a duty keeps its id (the slug never changes).
        self.duties[1].name = "Renamed duty"
        self.duties[1].save()
        renamed = self.duty_terms()
        self.assertEqual([t["id"] for t in renamed], [t["id"] for t in first])
        self.assertEqual(renamed[1]["name"], "Renamed duty")

    def test_a_tagged_service_lists_its_duties_and_an_untagged_one_does_not(self):
        tagged = self.duty_attributes(self.services[0])
        self.assertEqual([t["code"] for t in tagged], ["regulation-56-comments", "test-duty-three"])  # in order
        self.assertEqual(tagged[0]["id"], PINNED_TERM_ID)
        self.assertEqual([t["code"] for t in self.duty_attributes(self.services[1])], ["test-duty-two"])
        self.assertEqual(self.duty_attributes(self.services[2]), [])
        body = self.get_json(f"{API}/services/{self.services[2].oruk_id}")
        self.assertTrue(body["attributes"], "its stored taxonomy terms are still listed")

    def test_services_can_be_filtered_by_a_duty_or_by_the_duties(self):
        def ids(query):
            return {s["id"] for s in self.get_json(f"{API}/services?per_page=100&{query}")["contents"]}

        self.assertEqual(ids(f"taxonomy_term_id={PINNED_TERM_ID}"), {str(self.services[0].oruk_id)})
        self.assertEqual(ids(f"taxonomy_id={PINNED_TAXONOMY_ID}"), {str(s.oruk_id) for s in self.services[:2]})
        self.assertEqual(ids(f"taxonomy_id={PINNED_TAXONOMY_ID}&search=no-such-word"), set())

    def test_unknown_ids_are_still_a_clean_404(self):
        unknown = uuid.uuid5(TAXONOMY_ID, "no-such-duty")
        for endpoint in ("taxonomies", "taxonomy_terms"):
            for missing in (unknown, PINNED_TERM_ID if endpoint == "taxonomies" else PINNED_TAXONOMY_ID):
                body = self.get_json(f"{API}/{endpoint}/{missing}", status=404)
                self.assertEqual(body["status"], 404)
        self.assertEqual(self.get_json(f"{API}/services?taxonomy_term_id={unknown}")["total_items"], 0)

    def test_a_new_duty_or_tag_shows_at_once_though_answers_are_cached(self):
        urls = [f"{API}/taxonomy_terms?per_page=100", f"{API}/services/{self.services[2].oruk_id}"]
        for url in urls:
            self.client.get(url, HTTP_HOST="localhost")
            self.assertEqual(self.client.get(url, HTTP_HOST="localhost")["X-Page-Cache"], "hit")
        new = duty("a-new-duty", 40)
        self.assertIn("a-new-duty", [t["code"] for t in self.duty_terms()])
        self.assertEqual(self.duty_attributes(self.services[2]), [])
        self.client.get(urls[1], HTTP_HOST="localhost")  # cached again
        service = self.services[2]
        service.covers.add(PageCoverage(item=new))
        service.save_revision().publish()
        self.assertEqual([t["code"] for t in self.duty_attributes(service)], ["a-new-duty"])
        new.name = "A duty renamed by an editor"
        new.save()
        self.assertEqual(self.duty_attributes(service)[0]["name"], "A duty renamed by an editor")

    @override_settings(PAGE_CACHE_ENABLED=False)
    def test_queries_do_not_grow_with_the_number_of_services_or_tags(self):
        def count(url):
            self.client.get(url, HTTP_HOST="localhost")  # warm the site and search caches
            with CaptureQueriesContext(connection) as queries:
                self.assertEqual(self.client.get(url, HTTP_HOST="localhost").status_code, 200)
            return len(queries)

        urls = [
            f"{API}/services?per_page=100",
            f"{API}/services?per_page=100&taxonomy_id={PINNED_TAXONOMY_ID}",
            f"{API}/service_at_locations?per_page=100",
            f"{API}/taxonomy_terms?per_page=100",
            f"{API}/taxonomies",
            f"{API}/services/{self.services[0].oruk_id}",
        ]
        before = [count(url) for url in urls]
        self.assertEqual(count(f"{API}/services/{self.services[3].oruk_id}"), before[-1])  # no tags, same
        more_duties = [duty(f"more-{n}", 100 + n) for n in range(5)]
        for number in range(100, 112):
            service = make_service(self.index, number, self.shared)
            for item in [*self.duties, *more_duties]:
                PageCoverage.objects.create(page=service, item=item)
        for item in more_duties:
            PageCoverage.objects.create(page=self.services[0], item=item)
        after = [count(url) for url in urls]
        self.assertEqual(before, after)
        self.assertLessEqual(max(after), 15)
        self.assertEqual(len(self.duty_attributes(self.services[0])), 7)


def test_the_taxonomy_description_is_honest_about_what_was_checked():
    def item(reference, checked):
        return {"id": reference.lower(), "reference": reference, "checked": checked}

    assert taxonomy_description([]).endswith("No items have been added yet.")
    unchecked = taxonomy_description([item("Regulation 55", False)])
    assert unchecked.endswith("None of the 1 items is checked against the regulations' text yet.")
    all_checked = taxonomy_description([item("Regulation 53", True), item("Regulation 54", True)])
    assert all_checked.endswith(
        "2 of the 2 items are checked against the regulations' text: Regulation 53; Regulation 54."
    )
