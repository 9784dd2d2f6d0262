"""Every filter on every public view, with the values that broke the contact directory (issue
17) and one of each other kind: Unicode digits, integers past 64 bits, negative numbers, floats,
empty strings, null bytes and repeated parameters. Never a 5xx; a value we cannot use gets a GOV.UK error
message naming it.

These run on SQLite and on PostgreSQL (CI runs the suite on both): without the validated path
(home/params.py), the big integers overflow the database's integer on both, and the Unicode
digits reach ``int()``.
"""

from urllib.parse import urlencode

import pytest
from django.core.cache import cache

from home.models import Feedback, HomePage
from services.models import CheckerPage, ContactDirectoryPage

# One of each kind of odd value, through every real view: past 32 and 64 bits, Unicode digits
# that int() reads, a sign, a float, blank and a null byte. Every odd value, field by field, is in
# home/tests/test_params.py (the one validated path all these views read their parameters through).
NUMBERISH = [
    "99999999999999999999999",
    "9223372036854775808",
    "2147483648",
    "²",
    "٣",  # an Arabic-Indic three: int() reads it, we do not
    "-1",
    "1.5",
    "",
    "1\x00",
]


@pytest.fixture
def views(loaded_site, settings):
    # The search and feedback rate limits are not what these tests are about (they have their
    # own tests): switched off, rather than emptying the whole cache before every request.
    settings.RATELIMIT_ENABLE = False
    cache.clear()
    return {
        "directory": ContactDirectoryPage.objects.live().get().url,
        "checker": CheckerPage.objects.live().first().url,
        "home": HomePage.objects.get(),
    }


def get(client, url, params):
    """GET with a list of (name, value) pairs, so a parameter can be repeated."""
    return client.get(url + "?" + urlencode(params))


def assert_page(response, value):
    assert response.status_code < 500, (value, response.status_code)
    assert "Traceback" not in response.content.decode()


@pytest.mark.parametrize("name", ["service", "audience", "area", "q"])
def test_every_directory_filter_takes_every_odd_value(client, views, name):
    for value in NUMBERISH:
        for params in ([(name, value)], [(name, value), (name, value)], [(name, "1"), (name, value)]):
            response = get(client, views["directory"], params)
            assert_page(response, (name, value))
            assert response.status_code == 200


@pytest.mark.parametrize("value", ["99999999999999999999999", "9223372036854775808", "²", "①", "٣", "-1", "1.5"])
def test_a_directory_service_we_cannot_use_is_named_in_an_error_summary(client, views, value):
    html = get(client, views["directory"], [("service", value)]).content.decode()
    assert "There is a problem" in html
    assert 'href="#contacts-service"' in html
    assert "service" in html.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]


@pytest.mark.parametrize("name", ["q", "section", "audience", "page"])
def test_every_search_parameter_takes_every_odd_value(client, views, name):
    for value in NUMBERISH:
        for params in ([("q", "ehcp"), (name, value)], [("q", "ehcp"), (name, value), (name, value)]):
            response = get(client, "/search/", params)
            assert_page(response, (name, value))
            assert response.status_code == 200


@pytest.mark.parametrize("value", ["99999999999999999999999", "²", "①", "٣", "-1", "0", "1.5"])
def test_a_search_page_number_we_cannot_use_is_named(client, views, value):
    html = get(client, "/search/", [("q", "ehcp"), ("page", value)]).content.decode()
    assert "There is a problem" in html
    assert "page number" in html


def test_checker_answers_take_every_odd_value(client, views):
    for step in ("question/school/", "check/", "result/"):
        for value in NUMBERISH:
            for params in (
                [("school", value)],
                [("school", value), ("school", value)],
                [("school", "yes"), ("submitted", value)],
            ):
                response = get(client, views["checker"] + step, params)
                assert_page(response, (step, value))
                assert response.status_code in (200, 302, 400, 404)


def test_feedback_thanks_and_posts_take_every_odd_page_id(client, views):
    before = Feedback.objects.count()
    for value in NUMBERISH:
        response = get(client, "/feedback/thanks/", [("page", value)])
        assert_page(response, value)
        assert response.status_code == 200
        response = client.post("/feedback/", {"page": value, "useful": "yes", "website": ""})
        assert_page(response, value)
        assert response.status_code in (302, 400)
    assert Feedback.objects.count() == before


@pytest.mark.parametrize("name", ["q", "need", "age", "area", "cost", "audience", "sort", "page"])
def test_every_find_support_filter_takes_every_odd_value(client, views, name):
    for value in NUMBERISH:
        for params in ([(name, value)], [(name, value), (name, value)], [(name, "1"), (name, value)]):
            response = get(client, "/find-support/", params)
            assert_page(response, (name, value))
            assert response.status_code == 200


@pytest.mark.parametrize("value", ["99999999999999999999999", "9223372036854775808", "²", "①", "٣", "-1", "1.5"])
def test_a_find_support_age_we_cannot_use_is_named_in_an_error_summary(client, views, value):
    html = get(client, "/find-support/", [("age", value)]).content.decode()
    assert "There is a problem" in html
    assert 'href="#find-age"' in html.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]


@pytest.mark.parametrize("name", ["page", "per_page", "minimum_age", "taxonomy_id", "search"])
def test_the_open_referral_api_answers_400_in_json_for_values_it_cannot_use(client, views, name):
    for value in ["99999999999999999999999", "²", "٣", "-1", "1\x00"]:
        response = get(client, "/api/openreferral/services", [(name, value)])
        assert_page(response, (name, value))
        if response.status_code == 400:
            body = response.json()
            assert body["status"] == 400 and name in body["problems"], (name, value)
        else:
            assert response.status_code == 200, (name, value)
    for value in ["99999999999999999999999", "²", "٣", "0"]:
        assert get(client, "/api/openreferral/services", [("page", value)]).status_code == 400, value


@pytest.mark.parametrize(
    "form_class", ["search.forms.SearchForm", "services.forms.FindSupportForm", "services.forms.ContactFilterForm"]
)
def test_every_real_form_takes_every_odd_value_of_the_full_list(views, form_class):
    """The views' own forms (with their extra cleaning), without the HTTP round trip, on every
    odd value of home/tests/test_params.py, once, twice and after a good value."""
    from django.http import QueryDict
    from django.utils.module_loading import import_string

    from home.tests.test_params import NUMBERISH as EVERY_ODD_VALUE

    form = import_string(form_class)
    for name in form.base_fields:
        for value in EVERY_ODD_VALUE:
            for values in ([value], [value, value], ["1", value]):
                data = QueryDict(mutable=True)
                data.setlist(name, values)
                parsed = form.parse(data)
                assert set(parsed.values) == set(form.base_fields), (name, value)
                assert all(problem["text"] and problem["href"].startswith("#") for problem in parsed.problems)
