"""Hostile input on every public form and filter (property-based, with hypothesis): random and
hostile text, unicode, null bytes, huge values and wrong HTTP methods. Never a 500, never
markup reflected unescaped, nothing stored from an invalid submission."""

from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.models import Feedback, HomePage
from services.models import CheckerPage, ContactDirectoryPage

SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Markup that must never come back unescaped. Each example puts one in front of random text.
MARKERS = [
    "<script>alert('lo-xss-1')</script>",
    '"><img src=x onerror=alert(2)>',
    "'><svg/onload=alert(3)>",
    "<iframe src=javascript:alert(4)>",
    "</title><script>alert(5)</script>",
]
HOSTILE = [
    "\x00",
    "\x00\x00<script>",
    "' OR 1=1 --",
    '"',
    '"unbalanced',
    "AND OR NOT",
    "%00",
    "../../../../etc/passwd",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "\u202e\u200b\ufeff",
    "𝕊𝔼ℕ 🧒🏽 مرحبا 你好",
    "a" * 5000,
    "\ud7ff\ue000",
]

text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.sampled_from(HOSTILE),
    st.text(alphabet="<>\"'&%;()=/\\\x00 ", max_size=100),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.just("x" * 20_000),
)
marker = st.sampled_from(MARKERS)
wrong_method = st.sampled_from(["put", "delete", "patch", "options"])


def assert_safe(response, sent_marker=None):
    assert response.status_code < 500, response.status_code
    body = response.content.decode("utf-8", errors="replace")
    assert "Traceback" not in body
    if sent_marker:
        assert sent_marker not in body, f"{sent_marker!r} came back unescaped"


@pytest.fixture
def site(loaded_site):
    cache.clear()
    return {
        "home": HomePage.objects.get().url,
        "checker": CheckerPage.objects.live().first(),
        "directory": ContactDirectoryPage.objects.live().first(),
    }


# --- Search ------------------------------------------------------------------------------------
@SETTINGS
@given(query=text, page=text, section=text, sent=marker)
def test_search_survives_hostile_queries(client, site, query, page, section, sent):
    response = client.get("/search/", {"q": sent + query, "page": page, "section": section})
    assert response.status_code == 200
    assert_safe(response, sent)


@SETTINGS
@given(method=wrong_method, query=text)
def test_search_refuses_wrong_methods(client, site, method, query):
    response = getattr(client, method)("/search/?" + urlencode({"q": query}))
    assert response.status_code == 405


# --- The page tree -----------------------------------------------------------------------------
@SETTINGS
@given(path=st.lists(text, min_size=1, max_size=4), sent=marker, method=st.sampled_from(["get", "head", "post"]))
def test_any_address_gives_a_page_or_a_not_found(client, site, path, sent, method):
    from urllib.parse import quote

    url = "/" + "/".join(quote(part.replace("\x00", ""), safe="") for part in [sent, *path] if part) + "/"
    response = getattr(client, method)(url)
    assert response.status_code in (200, 301, 302, 400, 403, 404, 405), (url, response.status_code)
    assert_safe(response, sent)


@SETTINGS
@given(method=wrong_method)
def test_pages_refuse_wrong_methods(client, site, method):
    response = getattr(client, method)(site["home"])
    assert response.status_code == 405


# --- The eligibility check ---------------------------------------------------------------------
QUESTION_IDS = ["school", "in-derbyshire", "plan", "sssen-named", "main-need"]


@SETTINGS
@given(
    step=st.sampled_from(["", "question/school/", "question/plan/", "question/nonsense/", "check/", "result/"]),
    answers=st.dictionaries(st.one_of(st.sampled_from(QUESTION_IDS), text), text, max_size=6),
    sent=marker,
)
def test_the_checker_survives_hostile_answers(client, site, step, answers, sent):
    answers = {key: value for key, value in answers.items() if key}
    answers["school"] = sent + answers.get("school", "")
    response = client.get(site["checker"].url + step, answers)
    assert response.status_code in (200, 302, 400, 404), response.status_code
    assert_safe(response, sent)


@SETTINGS
@given(method=wrong_method, step=st.sampled_from(["", "question/school/", "check/", "result/"]))
def test_the_checker_refuses_wrong_methods(client, site, method, step):
    assert getattr(client, method)(site["checker"].url + step).status_code == 405


# --- The contact directory ---------------------------------------------------------------------
@SETTINGS
@given(q=text, service=text, audience=st.lists(text, max_size=8), area=text, sent=marker)
def test_the_directory_filters_survive_hostile_values(client, site, q, service, audience, area, sent):
    response = client.get(
        site["directory"].url, {"q": sent + q, "service": service, "audience": audience, "area": area}
    )
    assert response.status_code in (200, 400), response.status_code
    assert_safe(response, sent)


@SETTINGS
@given(slug=text, sent=marker)
def test_contact_addresses_survive_hostile_values(client, site, slug, sent):
    from urllib.parse import quote

    for suffix in ("", "vcard/"):
        response = client.get(site["directory"].url + quote(sent + slug, safe="") + "/" + suffix)
        assert response.status_code in (200, 301, 404), response.status_code
        assert_safe(response, sent)


# --- The feedback form -------------------------------------------------------------------------
@SETTINGS
@given(page=text, useful=text, website=text, sent=marker)
def test_invalid_feedback_is_refused_and_not_stored(client, site, page, useful, website, sent):
    cache.clear()  # the rate limit is not what this test is about
    before = Feedback.objects.count()
    response = client.post("/feedback/", {"page": sent + page, "useful": useful, "website": website})
    assert response.status_code in (302, 400), response.status_code
    assert_safe(response, sent)
    assert Feedback.objects.count() == before


@SETTINGS
@given(comment=text, website=text, token=text, sent=marker)
def test_hostile_comments_and_tokens(client, site, comment, website, token, sent):
    from urllib.parse import quote

    cache.clear()
    before = list(Feedback.objects.exclude(comment="").values_list("pk", "comment"))
    response = client.post(f"/feedback/more/{quote(sent + token, safe='')}/", {"comment": sent + comment})
    assert response.status_code in (302, 400, 404), response.status_code
    assert_safe(response, sent)
    assert list(Feedback.objects.exclude(comment="").values_list("pk", "comment")) == before


@SETTINGS
@given(method=wrong_method, url=st.sampled_from(["/feedback/", "/feedback/thanks/", "/feedback/more/abc/"]))
def test_feedback_refuses_wrong_methods(client, site, method, url):
    assert getattr(client, method)(url).status_code == 405


def test_a_real_comment_is_stored_but_its_markup_is_escaped(client, site):
    """The counterpart of the tests above: a valid answer is stored, and shown escaped."""
    home = HomePage.objects.get()
    response = client.post("/feedback/", {"page": home.pk, "useful": "no", "website": ""})
    assert response.status_code == 302
    sent = MARKERS[0]
    response = client.post(response["Location"], {"comment": sent + " the phone number", "website": ""})
    assert response.status_code == 302
    assert Feedback.objects.get().comment == sent + " the phone number"
