"""Every path through the shipped SSSEN check ends at the right result, walked through the real
URLs: the start button, each question's GET form, 'Check your answers', then the result.

The table below is the check's specification: type of school or setting x in or outside
Derbyshire x plan x SSSEN named x primary need, with 'I'm not sure' at each step.
"""

import re
from urllib.parse import urlencode

import pytest

from services.models import CheckerPage
from services.tests.checker_helpers import link, parse, walk

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
def checker(starter_site):
    return CheckerPage.objects.get(slug="check-if-your-child-can-get-sssen-support")


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
    text = re.sub(r"<[^>]+>", "", html)  # the glossary wraps a term's first use in <abbr>
    for words in ROUTES[choices]:
        assert words in text


def test_the_check_starts_with_a_start_page(client, checker):
    response = client.get(checker.url)
    assert response.status_code == 200
    page = parse(response)
    assert page.h1 == "Check if your child can get SSSEN support"
    assert link(page, "Start now") == checker.url + "question/school/"
    assert 'class="govuk-button govuk-button--start"' in response.content.decode()
