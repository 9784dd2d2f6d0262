"""Helpers for the checker tests: a small SSSEN-like check built in code (no shipped content),
and a parser that walks a check through its real URLs like a visitor."""

from html.parser import HTMLParser
from urllib.parse import urlencode, urlsplit

from wagtail.models import Page, Site

from home.models import HomePage
from services.models import CheckerPage, ServiceIndexPage, ServicePage


def answer(label, value, leads_to, reason="", not_sure=False):
    return {"label": label, "value": value, "leads_to": leads_to, "reason": reason, "hint": "", "not_sure": not_sure}


def question(slug, text, label, error, answers):
    return {
        "slug": slug,
        "question": text,
        "hint": "",
        "check_answers_label": label,
        "error_message": error,
        "answers": answers,
    }


def yes_no(slug, text, label, error, yes_to, no_to, reason):
    return question(
        slug,
        text,
        label,
        error,
        [
            answer("Yes", "yes", yes_to),
            answer("No", "no", no_to, reason=reason),
            answer("I'm not sure", "not-sure", "not-sure", reason=f"Check: {label.lower()}.", not_sure=True),
        ],
    )


QUESTIONS = [
    question(
        "school",
        "Where does your child go to school or nursery?",
        "School or nursery",
        "Select where your child goes to school or nursery",
        [
            answer("A state-funded nursery, infant, junior or primary school", "primary", "in-derbyshire"),
            answer("A secondary school", "secondary", "not-likely-setting", reason="Not in secondary schools."),
            answer(
                "An independent school or another kind of setting",
                "other",
                "not-likely-setting",
                reason="Only state-funded.",
            ),
            answer(
                "My child does not go to a school or nursery",
                "none",
                "not-likely-setting",
                reason="Support is in school.",
            ),
            answer(
                "I'm not sure", "not-sure", "not-sure", reason="Ask the school if it is state-funded.", not_sure=True
            ),
        ],
    ),
    yes_no(
        "in-derbyshire",
        "Is your child's school or nursery in Derbyshire?",
        "School or nursery in Derbyshire",
        "Select if your child's school or nursery is in Derbyshire",
        "plan",
        "not-likely-setting",
        "Only schools in Derbyshire.",
    ),
    yes_no(
        "plan",
        "Does your child have an education, health and care (EHC) plan, a GRIP plan or an EYSEN IF plan?",
        "EHC, GRIP or EYSEN IF plan",
        "Select if your child has an EHC plan, a GRIP plan or an EYSEN IF plan",
        "sssen-named",
        "not-likely-plan",
        "Your child does not have a plan.",
    ),
    yes_no(
        "sssen-named",
        "Is SSSEN named as provision on your child's plan?",
        "SSSEN named on the plan",
        "Select if SSSEN is named as provision on your child's plan",
        "main-need",
        "not-likely-named",
        "SSSEN is not named on the plan.",
    ),
    yes_no(
        "main-need",
        "Is education your child's main need?",
        "Main need is education",
        "Select if education is your child's main need",
        "likely",
        "not-likely-need",
        "The main need is something else.",
    ),
]

RESULTS = [
    {"slug": slug, "kind": kind, "heading": heading, "body": f"<p>{heading}.</p>", "links_heading": "", "links": []}
    for slug, kind, heading in [
        ("likely", "likely", "Your child is likely to meet the SSSEN criteria"),
        ("not-likely-setting", "not_likely", "Your child is not likely to get SSSEN support"),
        ("not-likely-plan", "not_likely", "Your child is not likely to get SSSEN support"),
        ("not-likely-named", "not_likely", "Your child is not likely to get SSSEN support"),
        ("not-likely-need", "not_likely", "Your child is not likely to get SSSEN support"),
        ("not-sure", "not_sure", "We cannot tell yet if your child can get SSSEN support"),
    ]
]


def build_sssen_checker():
    """A minimal live tree (home > services > SSSEN) with an SSSEN-like check under it: the
    same questions, answers and results as the shipped one, with short texts. Returns the check."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Home", slug="checker-home"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": home, "hostname": "localhost"})
    index = home.add_child(instance=ServiceIndexPage(title="Services and support", slug="services"))
    sssen = index.add_child(instance=ServicePage(title="Support Service for Special Educational Needs", slug="sssen"))
    checker = CheckerPage(
        title="Check if your child can get SSSEN support",
        slug="check-if-your-child-can-get-sssen-support",
        intro="<p>Find out if your child is likely to get SSSEN support.</p>",
        start_button_text="Start now",
        questions=[("question", q) for q in QUESTIONS],
        results=[("result", r) for r in RESULTS],
    )
    sssen.add_child(instance=checker)
    checker.save_revision().publish()
    return CheckerPage.objects.get(pk=checker.pk)


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
