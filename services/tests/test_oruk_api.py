"""The Open Referral UK 3.0 API, checked the way the official validator checks a feed: the root,
then the first, a middle and the last page of every list, then every `/{id}` found in them.
Each body is validated against the official UK profile schemas (copied into oruk_schemas/
from ../shared/oruk/) with JSON Schema draft 2020-12 (what OpenAPI 3.1 uses), the $refs
resolved through a `referencing` registry, and formats (uuid, email, date-time) checked.
"""

import json
import math
from pathlib import Path

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from wagtail.models import PageViewRestriction

from services.models import ServicePage, Taxonomy, TaxonomyTerm

from .factories import add_checker, make_service, make_services, make_shared_records, make_site

SCHEMAS = Path(__file__).parent / "oruk_schemas"
UK_PROFILE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
OPENAPI = UK_PROFILE + "openapi.json"
VALIDATOR = (
    "https://raw.githubusercontent.com/tpximpact/OpenReferralApi/refs/heads/main/OpenReferralApi/Schemas/V3.0-UK/"
)
API = "/api/openreferral"
SERVICES = 60
PAGE_KEYS = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"}


def _registry():
    resources = []
    for path in (SCHEMAS / "uk-profile").rglob("*.json"):
        uri = UK_PROFILE + path.relative_to(SCHEMAS / "uk-profile").as_posix()
        resources.append((uri, Resource.from_contents(json.loads(path.read_text()), DRAFT202012)))
    for path in (SCHEMAS / "validator").glob("*.json"):
        resources.append((VALIDATOR + path.name, Resource.from_contents(json.loads(path.read_text()), DRAFT202012)))
    return Registry().with_resources(resources)


REGISTRY = _registry()


def openapi_response(path):
    """A $ref to the 200 response schema of an OpenAPI path, so its own $refs resolve."""
    pointer = path.replace("~", "~0").replace("/", "~1")
    return {"$ref": f"{OPENAPI}#/paths/{pointer}/get/responses/200/content/application~1json/schema"}


def validate(body, schema):
    validator = Draft202012Validator(schema, registry=REGISTRY, format_checker=Draft202012Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


# What each response must be valid against: the UK profile's OpenAPI response, and the copy
# of the schema the official validator uses.
LIST_SCHEMAS = {
    "/services": [openapi_response("/services"), {"$ref": VALIDATOR + "service_list.json"}],
    "/taxonomies": [openapi_response("/taxonomies"), {"$ref": VALIDATOR + "taxonomy_list.json"}],
    "/taxonomy_terms": [openapi_response("/taxonomy_terms"), {"$ref": VALIDATOR + "taxonomy_term_list.json"}],
    "/service_at_locations": [
        openapi_response("/service_at_locations"),
        {"$ref": VALIDATOR + "service_at_location_list.json"},
    ],
}
DETAIL_SCHEMAS = {
    "/services": [openapi_response("/services/{id}"), {"$ref": VALIDATOR + "service.json"}],
    "/taxonomies": [openapi_response("/taxonomies/{id}"), {"$ref": VALIDATOR + "taxonomy.json"}],
    "/taxonomy_terms": [openapi_response("/taxonomy_terms/{id}"), {"$ref": VALIDATOR + "taxonomy_term.json"}],
    # The UK profile's openapi.json points this one at the service schema by mistake; the
    # compiled service_at_location schema is the one that describes it.
    "/service_at_locations": [
        {"$ref": UK_PROFILE + "compiled/service_at_location.json"},
        {"$ref": VALIDATOR + "service_at_location.json"},
    ],
}


class ApiTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.index, cls.finder = make_site()
        cls.shared = make_shared_records()
        cls.services = make_services(cls.index, SERVICES, cls.shared)

    def get_json(self, url, status=200):
        response = self.client.get(url, HTTP_HOST="localhost")
        self.assertEqual(response.status_code, status, response.content[:500])
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        return response.json()


class FeedValidationChecks:
    """Each response against the official schemas (run by ApiTests below)."""

    def test_the_root_says_which_version_and_where_the_openapi_document_is(self):
        body = self.get_json(API + "/")
        self.assertEqual(body["version"], "HSDS-UK-3.0")
        validate(body, openapi_response("/"))
        validate(body, {"$ref": VALIDATOR + "api_details.json"})
        self.assertTrue(body["openapi_url"].startswith("http://localhost/"))
        document = self.get_json(body["openapi_url"].replace("http://localhost", ""))
        self.assertEqual(document["info"]["version"], "HSDS-UK-3.0")
        self.assertIn("/services/{id}", document["paths"])
        self.assertEqual(document["servers"], [{"url": "http://localhost/api/openreferral"}])

    def crawl(self, endpoint, per_page):
        """First, middle and last page (each validated); returns the ids they hold."""
        first = self.get_json(f"{API}{endpoint}?per_page={per_page}")
        total_pages = first["total_pages"]
        self.assertGreaterEqual(total_pages, 3, f"{endpoint}: make more data so there is a middle page")
        self.assertEqual(total_pages, math.ceil(first["total_items"] / per_page))
        ids = []
        for number in (1, (total_pages + 1) // 2, total_pages):
            body = self.get_json(f"{API}{endpoint}?per_page={per_page}&page={number}")
            self.assertEqual(PAGE_KEYS, set(body))
            self.assertEqual(body["page_number"], number)
            self.assertEqual(body["size"], len(body["contents"]))
            self.assertEqual(body["first_page"], number == 1)
            self.assertEqual(body["last_page"], number == total_pages)
            self.assertFalse(body["empty"])
            self.assertTrue(body["contents"])
            for schema in LIST_SCHEMAS[endpoint]:
                validate(body, schema)
            ids += [item["id"] for item in body["contents"]]
        self.assertEqual(len(ids), len(set(ids)), f"{endpoint}: an id appears twice")
        return ids

    def check_details(self, endpoint, ids):
        for item_id in ids:
            body = self.get_json(f"{API}{endpoint}/{item_id}")
            self.assertEqual(body["id"], item_id)
            for schema in DETAIL_SCHEMAS[endpoint]:
                validate(body, schema)
        return body

    def test_services(self):
        ids = self.crawl("/services", per_page=7)
        self.assertEqual(self.get_json(f"{API}/services")["total_items"], SERVICES)
        body = self.check_details("/services", ids)
        for key in ("schedules", "service_areas", "languages", "attributes", "contacts", "organization"):
            self.assertTrue(body[key], f"{key} is empty: the factories should fill it")

    def test_taxonomies(self):
        self.check_details("/taxonomies", self.crawl("/taxonomies", per_page=1))

    def test_taxonomy_terms(self):
        self.check_details("/taxonomy_terms", self.crawl("/taxonomy_terms", per_page=5))

    def test_service_at_locations(self):
        ids = self.crawl("/service_at_locations", per_page=10)
        self.check_details("/service_at_locations", ids)

    def test_the_schemas_really_check(self):
        """A body that breaks the schema fails validation (the test can fail)."""
        body = self.get_json(f"{API}/services/{self.services[0].oruk_id}")
        body["status"] = "open"
        with self.assertRaises(AssertionError):
            validate(body, DETAIL_SCHEMAS["/services"][0])
        body = self.get_json(f"{API}/services?per_page=2")
        body["contents"][0]["id"] = "not-a-uuid"
        with self.assertRaises(AssertionError):
            validate(body, LIST_SCHEMAS["/services"][0])


class ServiceContentChecks:
    def test_eligibility_and_referral_are_carried_with_a_link_to_the_check(self):
        service = self.services[0]
        add_checker(service)
        body = self.get_json(f"{API}/services/{service.oruk_id}")
        self.assertIn("The child lives in the test area.", body["eligibility_description"])
        self.assertIn("Ask the school to refer.", body["application_process"])
        self.assertIn("http://localhost/services/generated-1/check/", body["application_process"])
        self.assertEqual(body["eligibility_check_url"], "http://localhost/services/generated-1/check/")
        other = self.get_json(f"{API}/services/{self.services[1].oruk_id}")
        self.assertNotIn("eligibility_check_url", other)

    def test_ids_are_stable(self):
        url = f"{API}/services/{self.services[3].oruk_id}"
        first, second = self.get_json(url), self.get_json(url)
        self.assertEqual(first, second)
        self.services[3].save_revision().publish()
        third = self.get_json(url)
        self.assertEqual(
            [x["id"] for x in first["service_at_locations"]], [x["id"] for x in third["service_at_locations"]]
        )

    def test_drafts_and_private_pages_never_appear(self):
        draft = make_service(self.index, 900, self.shared)
        draft.unpublish()
        private = make_service(self.index, 901, self.shared)
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        listed = []
        for number in range(1, 5):
            listed += [s["id"] for s in self.get_json(f"{API}/services?per_page=20&page={number}")["contents"]]
        self.assertEqual(len(listed), SERVICES)
        for hidden in (draft, private):
            self.assertNotIn(str(hidden.oruk_id), listed)
            self.get_json(f"{API}/services/{hidden.oruk_id}", status=404)
        links = self.get_json(f"{API}/service_at_locations?per_page=100")["contents"]
        self.assertFalse({link["service_id"] for link in links} & {str(draft.oruk_id), str(private.oruk_id)})
        self.get_json(f"{API}/services?search=generated+service+901")  # the search hides it too
        self.assertEqual(self.get_json(f"{API}/services?search=901")["total_items"], 0)

    def test_responses_may_be_cached_and_read_from_anywhere(self):
        response = self.client.get(f"{API}/services", HTTP_HOST="localhost", HTTP_ORIGIN="https://example.org")
        self.assertIn("public", response["Cache-Control"])
        self.assertIn("s-maxage=300", response["Cache-Control"])
        self.assertEqual(response["Access-Control-Allow-Origin"], "*")
        self.assertEqual(self.client.post(f"{API}/services", HTTP_HOST="localhost").status_code, 405)


class FilterChecks:
    def ids(self, query):
        body = self.get_json(f"{API}/services?per_page=100&{query}")
        return {item["id"] for item in body["contents"]}

    def expected(self, test):
        return {
            str(s.oruk_id) for s in ServicePage.objects.live().filter(pk__in=[x.pk for x in self.services]) if test(s)
        }

    def test_taxonomy_term_and_taxonomy(self):
        term = TaxonomyTerm.objects.get(code="cognition-and-learning")
        self.assertEqual(
            self.ids(f"taxonomy_term_id={term.oruk_id}"),
            self.expected(lambda s: term in s.taxonomy_terms.all()),
        )
        taxonomy = Taxonomy.objects.get(code="age-groups")
        got = self.ids(f"taxonomy_id={taxonomy.oruk_id}")
        self.assertEqual(
            got, self.expected(lambda s: any(t.taxonomy_id == taxonomy.pk for t in s.taxonomy_terms.all()))
        )
        self.assertTrue(got)

    def test_ages_combine_with_and(self):
        got = self.ids("minimum_age=4&maximum_age=14")
        self.assertEqual(got, self.expected(lambda s: s.minimum_age >= 4 and s.maximum_age <= 14))
        self.assertTrue(0 < len(got) < SERVICES)

    def test_search_and_modified_after(self):
        self.assertEqual(self.ids("search=autism"), self.expected(lambda s: "autism" in s.summary))
        self.assertEqual(self.ids("modified_after=2999-01-01T00:00:00Z"), set())
        self.assertEqual(len(self.ids("modified_after=2000-01-01")), SERVICES)

    def test_postcode(self):
        body = self.get_json(f"{API}/service_at_locations?postcode=zz1 1aa&per_page=100")
        self.assertTrue(body["contents"])
        self.assertEqual({item["location"]["addresses"][0]["postal_code"] for item in body["contents"]}, {"ZZ1 1AA"})
        district = self.get_json(f"{API}/service_at_locations?postcode=ZZ1&per_page=100")
        self.assertGreater(district["total_items"], body["total_items"])
        self.assertEqual(self.get_json(f"{API}/service_at_locations?postcode=ZZ8")["total_items"], 0)

    def test_bad_parameters_get_400_with_a_json_error(self):
        for query, name in [
            ("per_page=1000", "per_page"),
            ("per_page=0", "per_page"),
            ("page=abc", "page"),
            ("page=-1", "page"),
            ("taxonomy_term_id=cognition", "taxonomy_term_id"),
            ("taxonomy_id=1", "taxonomy_id"),
            ("minimum_age=old", "minimum_age"),
            ("minimum_age=10&maximum_age=5", "maximum_age"),
            ("modified_after=yesterday", "modified_after"),
            ("day=Funday", "day"),
            ("search=" + "x" * 300, "search"),
            ("search=a%00b", "search"),
        ]:
            body = self.get_json(f"{API}/services?{query}", status=400)
            self.assertEqual(body["status"], 400)
            self.assertIn(name, body["problems"], query)
        body = self.get_json(f"{API}/service_at_locations?postcode=NOT A CODE", status=400)
        self.assertIn("postcode", body["problems"])
        for endpoint in ("services", "taxonomies", "taxonomy_terms", "service_at_locations"):
            self.assertIn("id", self.get_json(f"{API}/{endpoint}/12345", status=400)["problems"])
            self.get_json(f"{API}/{endpoint}/3f7b145d-84af-42d7-8fae-eaca714b02b2", status=404)
        self.get_json(f"{API}/taxonomies?per_page=101", status=400)

    def test_a_page_past_the_end_is_empty_not_an_error(self):
        body = self.get_json(f"{API}/services?per_page=50&page=9")
        self.assertEqual(body["contents"], [])
        self.assertEqual(body["total_items"], SERVICES)


class QueryCountChecks:
    def count(self, url):
        self.client.get(url, HTTP_HOST="localhost")  # warm the caches (site, search backend)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url, HTTP_HOST="localhost")
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_queries_do_not_grow_with_the_page_size(self):
        for endpoint in ("/services", "/service_at_locations", "/taxonomy_terms"):
            small = self.count(f"{API}{endpoint}?per_page=2")
            large = self.count(f"{API}{endpoint}?per_page=100")
            self.assertEqual(small, large, endpoint)
            self.assertLessEqual(large, 15, endpoint)
        self.assertLessEqual(self.count(f"{API}/services?per_page=100&search=autism"), 15)
        self.assertLessEqual(self.count(f"{API}/services/{self.services[0].oruk_id}"), 15)


class ApiTests(FeedValidationChecks, ServiceContentChecks, FilterChecks, QueryCountChecks, ApiTestCase):
    """One set of 60 generated services for all the checks: the schemas and the behaviour (they
    take a while to make)."""
