"""Every path through the shipped SSSEN check ends at the right result, walked through the real
URLs: the start button, each question's GET form, 'Check your answers', then the result.

The table below is the check's specification: type of school or setting x in or outside
Derbyshire x plan x SSSEN named x primary need, with 'I'm not sure' at each step.
"""

from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

import pytest
from wagtail.models import Page, Site

from home.models import HomePage
from localoffer.content import checker as checker_content
from services.models import CheckerPage, ServiceIndexPage, ServicePage

# Helpers shared with the other checker tests ---------------------------------------------------


def build_sssen_checker():
    """A minimal live tree (home > services > SSSEN) with the shipped checker built by the
    content loader's own part. Returns the checker page."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug="checker-home"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    index = home.add_child(instance=ServiceIndexPage(title="Services and support", slug="services"))
    sssen = index.add_child(instance=ServicePage(title="Support Service for Special Educational Needs", slug="sssen"))
    context = {"home": home, "sssen": sssen}
    assert checker_content.load(context, log=lambda *args: None) == 1
    return CheckerPage.objects.get(pk=context["sssen_checker"].pk)


class PageParser(HTMLParser):
    """Collects what a journey needs from a page: h1, links, forms, radios, errors, result."""

    def __init__(self):
        super().__init__()
        self.h1 = ""
        self.in_h1 = False
        self.links = []  # (href, text)
        self._link = None
        self.forms = []  # {"action", "method", "hidden": [(n, v)], "radios": [(name, value, checked)]}
        self.result_kind = None
        self.reasons = []
        self._in_reasons = False
        self._in_li = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "h1":
            self.in_h1 = True
            self.result_kind = attrs.get("data-result-kind", self.result_kind)
        elif tag == "a":
            self._link = [attrs.get("href"), ""]
        elif tag == "form":
            self.forms.append(
                {"action": attrs.get("action"), "method": attrs.get("method"), "hidden": [], "radios": []}
            )
        elif tag == "input" and self.forms:
            if attrs.get("type") == "hidden":
                self.forms[-1]["hidden"].append((attrs["name"], attrs["value"]))
            elif attrs.get("type") == "radio":
                self.forms[-1]["radios"].append((attrs["name"], attrs["value"], "checked" in attrs))
        elif tag == "ul" and "lo-checker-reasons" in classes:
            self._in_reasons = True
        elif tag == "li" and self._in_reasons:
            self._in_li = True
            self.reasons.append("")

    def handle_endtag(self, tag):
        if tag == "h1":
            self.in_h1 = False
        elif tag == "a" and self._link:
            self.links.append((self._link[0], " ".join(self._link[1].split())))
            self._link = None
        elif tag == "ul":
            self._in_reasons = False
        elif tag == "li":
            self._in_li = False

    def handle_data(self, data):
        if self.in_h1:
            self.h1 += data
        if self._link is not None:
            self._link[1] += data
        if self._in_li and self._in_reasons:
            self.reasons[-1] += data


def parse(response):
    parser = PageParser()
    parser.feed(response.content.decode())
    parser.h1 = " ".join(parser.h1.split())
    parser.reasons = [" ".join(r.split()) for r in parser.reasons]
    return parser


def link(parsed, text):
    for href, link_text in parsed.links:
        if link_text == text:
            return href
    raise AssertionError(f"No link '{text}' in {parsed.links}")


def submit(client, form, choice=None):
    """Submit a GET form as a browser would: its hidden fields, plus the chosen radio."""
    assert form["method"] == "get"
    fields = list(form["hidden"])
    if choice is not None:
        matches = [(name, value) for name, value, _ in form["radios"] if value == choice]
        assert matches, f"No answer '{choice}' in {form['radios']}"
        fields.append(matches[0])
    return client.get(f"{form['action']}?{urlencode(fields)}")


def follow(client, response):
    while response.status_code in (301, 302):
        response = client.get(response["Location"])
    return response


def walk(client, checker, choices):
    """Start at the start page, answer each question in turn, check answers, see the result.
    Returns (questions seen, check-answers page, result page)."""
    start = parse(client.get(checker.url))
    response = client.get(link(start, "Start now"))
    seen = []
    for choice in choices:
        assert response.status_code == 200, response.content[:500]
        page = parse(response)
        assert "check" not in urlsplit(response.wsgi_request.path).path.split("/")[-2:], "ended too early"
        seen.append(page.h1)
        response = follow(client, submit(client, page.forms[-1], choice))
    assert response.status_code == 200
    check = parse(response)
    assert check.h1 == "Check your answers", f"expected the end after {choices}, got '{check.h1}'"
    result = follow(client, submit(client, check.forms[-1]))
    assert result.status_code == 200
    return seen, check, parse(result)


# The table -------------------------------------------------------------------------------------

Q_SCHOOL = "Where does your child go to school or nursery?"
Q_AREA = "Is your child's school or nursery in Derbyshire?"
Q_PLAN = "Does your child have an education, health and care (EHC) plan, a GRIP plan or an EYSEN IF plan?"
Q_NAMED = "Is SSSEN named as provision on your child's plan?"
Q_NEED = "Is education your child's main need?"
ALL = [Q_SCHOOL, Q_AREA, Q_PLAN, Q_NAMED, Q_NEED]

NOT_LIKELY = "Your child is not likely to get SSSEN support"
NOT_SURE = "We cannot tell yet if your child can get SSSEN support"

SITUATIONS = [
    # (school, in Derbyshire, plan, SSSEN named, main need is education) -> kind, heading, reason
    (("primary", "yes", "yes", "yes", "yes"), "likely", "Your child is likely to meet the SSSEN criteria", None),
    (("secondary",), "not_likely", NOT_LIKELY, "It does not work in secondary schools."),
    (("other",), "not_likely", NOT_LIKELY, "It does not work in independent schools or other settings."),
    (("none",), "not_likely", NOT_LIKELY, "SSSEN teachers give their support in school"),
    (("not-sure",), "not_sure", NOT_SURE, "Ask the school or nursery if it is state-funded (maintained)."),
    (("primary", "no"), "not_likely", NOT_LIKELY, "SSSEN only works with schools in Derbyshire."),
    (("primary", "not-sure"), "not_sure", NOT_SURE, "Check which council area your child's school"),
    (("primary", "yes", "no"), "not_likely", NOT_LIKELY, "Your child does not have one of these plans."),
    (("primary", "yes", "not-sure"), "not_sure", NOT_SURE, "if your child has an EHC plan, a GRIP plan"),
    (("primary", "yes", "yes", "no"), "not_likely", NOT_LIKELY, "SSSEN is not named as provision on your child's"),
    (("primary", "yes", "yes", "not-sure"), "not_sure", NOT_SURE, "to see if SSSEN is named."),
    (("primary", "yes", "yes", "yes", "no"), "not_likely", NOT_LIKELY, "Your child's main need is something else."),
    (("primary", "yes", "yes", "yes", "not-sure"), "not_sure", NOT_SURE, "what your child's main (primary) need is"),
]

# What each not-likely result must point to, in its body (the links need the guidance pages,
# which the content-loader test in test_checker_views.py checks).
ROUTES = {
    ("secondary",): ["special educational needs co-ordinator (SENCO)", "SEN Support", "legal (statutory) right"],
    ("primary", "yes", "no"): [
        "four stages",
        "SEND Support Plan",
        "SEND Support Advisory Partnership (SSAP)",
        "one borough's pilot",
        "Enhanced SEN Support",
        "EHC) needs assessment",
        "legal (statutory) right",
        "SENCO",
    ],
    ("primary", "yes", "yes", "no"): ["plan review meeting"],
    ("primary", "yes", "yes", "yes", "yes"): ["90 minutes", "term time", "Head of Service", "review meeting"],
}


@pytest.fixture
def checker(db):
    return build_sssen_checker()


@pytest.mark.parametrize(("choices", "kind", "heading", "reason"), SITUATIONS, ids=["-".join(s[0]) for s in SITUATIONS])
def test_every_situation_ends_at_the_right_result(client, checker, choices, kind, heading, reason):
    seen, check, result = walk(client, checker, choices)

    assert seen == ALL[: len(choices)]  # one question per page, in order, the question as the h1
    assert len(check.forms[-1]["hidden"]) == len(choices)
    assert result.result_kind == kind
    assert result.h1 == heading
    if reason is None:
        assert result.reasons == []
    else:
        assert len(result.reasons) == 1
        assert reason in result.reasons[0]
    html_headings = {"not_likely": '<h2 class="govuk-heading-m">Why</h2>', "not_sure": "What to check</h2>"}
    if kind in html_headings:
        assert html_headings[kind] in client.get(result_url(checker, choices)).content.decode()


def result_url(checker, choices):
    ids = ["school", "in-derbyshire", "plan", "sssen-named", "main-need"]
    return checker.url + "result/?" + urlencode(dict(zip(ids, choices, strict=False)))


@pytest.mark.parametrize("choices", list(ROUTES), ids=["-".join(c) for c in ROUTES])
def test_results_name_the_routes_that_fit(client, checker, choices):
    html = client.get(result_url(checker, choices)).content.decode()
    for words in ROUTES[choices]:
        assert words in html


def test_the_check_starts_with_a_start_page(client, checker):
    response = client.get(checker.url)
    assert response.status_code == 200
    page = parse(response)
    assert page.h1 == "Check if your child can get SSSEN support"
    assert link(page, "Start now") == checker.url + "question/school/"
    assert 'class="govuk-button govuk-button--start"' in response.content.decode()
