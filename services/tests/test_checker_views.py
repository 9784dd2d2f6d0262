"""The checker's pages: bad input never gives a server error, nothing is stored, 'Change' and
'Back' links work, the service page links to the check, and the admin preview walks the flow."""

from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection

from services.models import CheckerPage, ServicePage
from services.tests.checker_helpers import build_sssen_checker, follow, link, parse, submit

LIKELY = {"school": "primary", "in-derbyshire": "yes", "plan": "yes", "sssen-named": "yes", "main-need": "yes"}


@pytest.fixture
def checker(db):
    return build_sssen_checker()


def url(checker, sub="", **answers):
    return checker.url + sub + (("?" + urlencode(answers)) if answers else "")


# Bad input -----------------------------------------------------------------------------------


def test_empty_answer_shows_the_error_summary_and_inline_error(client, checker):
    response = client.get(url(checker, "question/school/", submitted="school"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<div class="govuk-error-summary" data-module="govuk-error-summary">' in html
    assert '<a href="#school">Select where your child goes to school or nursery</a>' in html
    assert '<span class="govuk-visually-hidden">Error:</span> Select where your child goes to school or nursery' in html
    assert "govuk-form-group--error" in html
    assert "<title>Error: Where does your child go to school or nursery?" in html
    assert 'id="school" name="school" type="radio"' in html  # the summary's link target is the first radio


def test_a_later_empty_answer_keeps_the_earlier_answers(client, checker):
    response = client.get(
        url(checker, "question/plan/", school="primary", **{"in-derbyshire": "yes"}, submitted="plan")
    )
    assert response.status_code == 200
    page = parse(response)
    assert "Select if your child has an EHC plan, a GRIP plan or an EYSEN IF plan" in response.content.decode()
    assert ("school", "primary") in page.forms[-1]["hidden"]


@pytest.mark.parametrize(
    ("path", "answers", "status"),
    [
        ("question/in-derbyshire/", {"school": "tampered"}, 400),  # not an answer to the question
        ("check/", {**LIKELY, "plan": "<script>alert(1)</script>"}, 400),
        ("result/", {**LIKELY, "main-need": "maybe"}, 400),
        ("question/main-need/", {"school": "primary"}, 400),  # out of order: questions skipped
        ("question/plan/", {"school": "secondary"}, 400),  # not on this path at all
        ("question/no-such-question/", {}, 404),  # an old link to a removed question
    ],
    ids=["tampered", "tampered-check", "tampered-result", "out-of-order", "off-the-path", "removed"],
)
def test_links_that_do_not_fit_get_a_start_again_page(client, checker, path, answers, status):
    response = client.get(url(checker, path, **answers))
    assert response.status_code == status
    page = parse(response)
    assert page.h1 == "Sorry, there is a problem with this link"
    assert link(page, "Start again") == checker.url
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_two_answers_to_one_question_get_a_start_again_page(client, checker):
    response = client.get(checker.url + "check/?school=primary&school=secondary")
    assert response.status_code == 400
    assert "Start again" in response.content.decode()


def test_an_old_link_to_a_question_an_editor_removed(client, checker):
    """The editor takes out 'Is SSSEN named?': its old links say so; other links still work."""
    questions = [block.value for block in checker.questions if block.value["slug"] != "sssen-named"]
    for question in questions:
        for answer in question["answers"]:
            if answer["leads_to"] == "sssen-named":
                answer["leads_to"] = "main-need"
    results = [block.value for block in checker.results if block.value["slug"] != "not-likely-named"]
    checker.questions = [("question", q) for q in questions]
    checker.results = [("result", r) for r in results]
    checker.save_revision().publish()

    old = client.get(url(checker, "question/sssen-named/", school="primary", **{"in-derbyshire": "yes"}, plan="yes"))
    assert old.status_code == 404
    assert "This question is no longer part of the check" in old.content.decode()
    assert "Start again" in old.content.decode()

    # An old result link carries the removed answer: it is ignored and the result still shows.
    result = client.get(url(checker, "result/", **LIKELY))
    assert result.status_code == 200
    assert parse(result).result_kind == "likely"


def test_unfinished_answers_carry_on_at_the_next_question(client, checker):
    response = client.get(url(checker, "check/", school="primary"))
    assert response.status_code == 302
    assert response["Location"] == url(checker, "question/in-derbyshire/", school="primary")
    response = client.get(url(checker, "result/"))
    assert response["Location"] == url(checker, "question/school/")


def test_unknown_sub_page_is_a_404_not_a_500(client, checker):
    assert client.get(checker.url + "question/").status_code == 404
    assert client.get(checker.url + "elsewhere/").status_code == 404
    assert client.get(checker.url + "question/Bad%20Id/").status_code == 404


# Nothing stored --------------------------------------------------------------------------------


def test_a_whole_journey_writes_nothing_and_sets_no_cookie(client, checker):
    sessions = Session.objects.count()
    start = client.get(checker.url)  # the first request of all makes the site's settings row
    statements = []

    def record(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        response = client.get(link(parse(start), "Start now"))
        responses = [response]
        for choice in ["primary", "yes", "yes", "yes", "yes"]:
            response = submit(client, parse(response).forms[-1], choice)
            responses.append(response)
            response = follow(client, response)
            responses.append(response)
        response = follow(client, submit(client, parse(response).forms[-1]))
        responses.append(response)
    responses.append(start)
    assert parse(response).result_kind == "likely"
    assert statements, "the wrapper saw the journey's queries"
    writes = [sql for sql in statements if sql.split()[0].upper() in ("INSERT", "UPDATE", "DELETE", "REPLACE")]
    assert writes == []
    # No session cookie; the only cookie is the CSRF token of the 'Is this page useful?' form.
    cookies = {name for r in responses for name in r.cookies}
    assert cookies <= {settings.CSRF_COOKIE_NAME}
    assert settings.SESSION_COOKIE_NAME not in cookies
    assert Session.objects.count() == sessions
    assert all("no-store" in r["Cache-Control"] for r in responses if r.status_code == 200)
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


# Change and back links ---------------------------------------------------------------------------


def test_check_answers_change_link_goes_back_with_the_answer_chosen(client, checker):
    check = parse(client.get(url(checker, "check/", **LIKELY)))
    change = [href for href, text in check.links if text == "Change EHC, GRIP or EYSEN IF plan"]
    assert len(change) == 1
    question = client.get(change[0])
    assert question.status_code == 200
    page = parse(question)
    assert page.h1.startswith("Does your child have an education, health and care (EHC) plan")
    assert [value for _, value, checked in page.forms[-1]["radios"] if checked] == ["yes"]

    # The same answer again goes straight back to 'Check your answers' with every answer.
    same = follow(client, submit(client, page.forms[-1], "yes"))
    assert parse(same).h1 == "Check your answers"
    assert len(parse(same).forms[-1]["hidden"]) == 5

    # A different answer that ends the check drops the answers that no longer apply.
    changed = follow(client, submit(client, page.forms[-1], "no"))
    assert parse(changed).h1 == "Check your answers"
    assert dict(parse(changed).forms[-1]["hidden"]) == {"school": "primary", "in-derbyshire": "yes", "plan": "no"}
    result = parse(follow(client, submit(client, parse(changed).forms[-1])))
    assert result.result_kind == "not_likely"


def test_back_links_go_to_the_previous_question_with_its_answer(client, checker):
    page = parse(client.get(url(checker, "question/in-derbyshire/", school="primary")))
    back = link(page, "Back")
    assert back == url(checker, "question/school/", school="primary")
    previous = parse(client.get(back))
    assert [value for _, value, checked in previous.forms[-1]["radios"] if checked] == ["primary"]
    assert link(previous, "Back") == checker.url


def test_not_sure_answers_come_last_after_or(client, checker):
    html = client.get(url(checker, "question/school/")).content.decode()
    assert html.index('<div class="govuk-radios__divider">or</div>') < html.index("I&#x27;m not sure")
    assert html.index("My child does not go to a school or nursery") < html.index("govuk-radios__divider")


# The service page and the admin preview ------------------------------------------------------------


def test_the_service_page_links_to_its_check(client, checker):
    html = client.get(checker.get_parent().url).content.decode()
    assert f'<a href="{checker.url}" role="button" draggable="false" class="govuk-button govuk-button--start"' in html
    assert "Check if your child can get SSSEN support" in html


def test_a_service_page_without_a_check_has_no_start_button(client, checker):
    checker.unpublish()
    html = client.get(checker.get_parent().url).content.decode()
    assert "govuk-button--start" not in html


def test_the_admin_preview_walks_the_flow(checker):
    start = checker.make_preview_request(None, "")
    assert "?mode=walk%3Aquestion%3Aschool%3A" in start.content.decode()

    question = parse(checker.make_preview_request(None, "walk:question:school:"))
    assert question.h1 == "Where does your child go to school or nursery?"
    form = question.forms[-1]
    assert form["action"] == ""
    assert ("mode", "walk:submit:school:") in form["hidden"]
    primary = [value for name, value, _ in form["radios"] if value.endswith("school=primary")]
    assert [name for name, _, _ in form["radios"]] == ["mode"] * 5

    # Choosing an answer in the preview shows the next question, still inside the preview.
    second = checker.make_preview_request(None, primary[0])
    assert parse(second).h1 == "Is your child's school or nursery in Derbyshire?"
    assert "?mode=walk%3Aquestion%3Aschool%3Aschool%3Dprimary" in second.content.decode()  # the back link

    empty = checker.make_preview_request(None, "walk:submit:school:")
    assert "Select where your child goes to school or nursery" in empty.content.decode()

    answers = "school=primary&in-derbyshire=yes&plan=no"
    result = parse(checker.make_preview_request(None, f"walk:result::{answers}"))
    assert result.result_kind == "not_likely"


def test_the_admin_preview_map_shows_every_question_and_result(checker):
    html = checker.make_preview_request(None, "walk:flow").content.decode()
    for block in list(checker.questions) + list(checker.results):
        assert f"(id: {block.value['slug']}" in html
    assert ("walk:flow", "Map of every question and result") in checker.preview_modes


def test_answers_never_reach_the_log(client, checker, caplog):
    caplog.set_level("DEBUG")
    client.get(url(checker, "result/", **LIKELY))
    client.get(url(checker, "result/", school="tampered-value"))  # a 400 is logged, by path only
    client.get(url(checker, "question/gone/", school="secondary"))
    assert caplog.records, "Django logs the 4xx responses"
    for record in caplog.records:
        message = record.getMessage()
        assert "tampered-value" not in message
        assert "school=" not in message and "primary" not in message and "secondary" not in message


def test_another_service_gets_its_own_check(client, checker):
    index = checker.get_parent().get_parent()
    other = index.add_child(instance=ServicePage(title="Another service", slug="another"))
    answer = {"hint": "", "reason": "", "not_sure": False}
    own = other.add_child(
        instance=CheckerPage(
            title="Check if your child can get another service",
            slug="check",
            questions=[
                (
                    "question",
                    {
                        "slug": "age",
                        "question": "Is your child under 5?",
                        "hint": "",
                        "check_answers_label": "Under 5",
                        "error_message": "Select if your child is under 5",
                        "answers": [
                            {**answer, "label": "Yes", "value": "yes", "leads_to": "yes"},
                            {**answer, "label": "No", "value": "no", "leads_to": "no", "reason": "It is for under 5s."},
                        ],
                    },
                )
            ],
            results=[
                ("result", {"slug": "yes", "kind": "likely", "heading": "Likely", "body": "<p>Yes.</p>", "links": []}),
                (
                    "result",
                    {"slug": "no", "kind": "not_likely", "heading": "Not likely", "body": "<p>No.</p>", "links": []},
                ),
            ],
        )
    )
    html = client.get(other.url).content.decode()
    assert f'<a href="{own.url}" role="button"' in html and "Check if your child can get another service" in html
    assert "Check if your child can get SSSEN support" not in html  # only its own check
    result = parse(follow(client, client.get(url(own, "result/", age="no"))))
    assert result.h1 == "Not likely" and result.reasons == ["It is for under 5s."]
