"""An editor's checker is refused while an answer leads nowhere, a path loops, a question or
result can never be reached, or there is no first question; the message names the problem.
Checked through the model's clean() and through the admin's edit view."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from services.checker.flow import validate_flow
from services.models import CheckerPage
from services.tests.checker_helpers import build_sssen_checker


def q(slug, *answers):
    return {
        "slug": slug,
        "question": f"Question {slug}?",
        "hint": "",
        "check_answers_label": "",
        "error_message": f"Select an answer to {slug}",
        "answers": [
            {"label": label, "value": value, "leads_to": to, "hint": "", "reason": "", "not_sure": False}
            for label, value, to in answers
        ],
    }


def r(slug, kind="likely"):
    return {
        "slug": slug,
        "kind": kind,
        "heading": f"Result {slug}",
        "body": "<p>Text.</p>",
        "links_heading": "",
        "links": [],
    }


GOOD = (
    [
        q("first", ("Yes", "yes", "second"), ("No", "no", "no-result")),
        q("second", ("Yes", "yes", "yes-result"), ("No", "no", "no-result")),
    ],
    [r("yes-result"), r("no-result", "not_likely")],
)


def test_a_sound_checker_has_no_problems():
    assert validate_flow(*GOOD) == []


@pytest.mark.parametrize(
    ("questions", "results", "message"),
    [
        (
            [q("first", ("Yes", "yes", "nowhere"), ("No", "no", "end"))],
            [r("end")],
            "In question 'first', the answer 'Yes' leads to 'nowhere', which is not the short name of any "
            "question or result.",
        ),
        (
            [q("a", ("Yes", "yes", "b"), ("No", "no", "end")), q("b", ("Yes", "yes", "a"), ("No", "no", "end"))],
            [r("end")],
            "The answers go round in a loop: a → b → a (the answer 'Yes' in question 'b').",
        ),
        (
            [q("a", ("Yes", "yes", "a"), ("No", "no", "end"))],
            [r("end")],
            "In question 'a', the answer 'Yes' leads back to the same question (a loop).",
        ),
        (
            [q("a", ("Yes", "yes", "end"), ("No", "no", "end"))],
            [r("end"), r("lonely", "not_sure")],
            "Result 'lonely' can never be reached: no answer leads to it.",
        ),
        (
            [
                q("a", ("Yes", "yes", "end"), ("No", "no", "end")),
                q("orphan", ("Yes", "yes", "end"), ("No", "no", "end")),
            ],
            [r("end")],
            "Question 'orphan' can never be reached: no answer leads to it.",
        ),
        ([], [r("end")], "Add at least one question. The check starts at the first question in the list."),
        (
            [q("a", ("Yes", "yes", "a-result"), ("No", "no", "a"))],
            [r("a")],
            "Two items have the short name 'a' (a question and a result).",
        ),
        (
            [q("a", ("Yes", "yes", "end"), ("Also yes", "yes", "end"))],
            [r("end")],
            "Question 'a' has two answers with the short name 'yes'.",
        ),
        (
            [q("submitted", ("Yes", "yes", "end"), ("No", "no", "end"))],
            [r("end")],
            "The question short name 'submitted' is reserved.",
        ),
    ],
    ids=[
        "dangling",
        "loop",
        "self-loop",
        "unreachable-result",
        "unreachable-question",
        "no-question",
        "duplicate-id",
        "duplicate-answer",
        "reserved-id",
    ],
)
def test_problems_are_named(questions, results, message):
    errors = validate_flow(questions, results)
    assert any(message in error for error in errors), errors


@pytest.fixture
def checker(db):
    return build_sssen_checker()


def test_clean_refuses_a_dangling_answer(checker):
    questions, results = GOOD
    broken = [q("first", ("Yes", "yes", "gone"), ("No", "no", "no-result"))] + questions[1:]
    checker.questions = [("question", value) for value in broken]
    checker.results = [("result", value) for value in results]
    with pytest.raises(ValidationError) as caught:
        checker.full_clean()
    messages = caught.value.message_dict["questions"]
    assert (
        "In question 'first', the answer 'Yes' leads to 'gone', which is not the short name of any question or result."
        in messages
    )


def test_clean_refuses_no_first_question(checker):
    checker.questions = []
    with pytest.raises(ValidationError) as caught:
        checker.full_clean()
    assert "Add at least one question" in caught.value.message_dict["questions"][0]


def test_the_shipped_checker_is_sound(checker):
    checker.full_clean()  # raises if the shipped flow had a problem
    assert validate_flow([b.value for b in checker.questions], [b.value for b in checker.results]) == []


# Through the admin ----------------------------------------------------------------------------------


def answer_data(label, value, leads_to):
    return {"label": label, "value": value, "hint": "", "leads_to": leads_to, "reason": ""}


def edit_form(checker, questions, results):
    def question_value(question):
        return {
            **{k: v for k, v in question.items() if k != "answers"},
            "answers": streamfield(
                [("item", answer_data(a["label"], a["value"], a["leads_to"])) for a in question["answers"]]
            ),
        }

    def result_value(result):
        return {
            **{k: v for k, v in result.items() if k not in ("links", "body")},
            "body": rich_text("Text."),
            "links": streamfield([]),
        }

    return nested_form_data(
        {
            "title": checker.title,
            "slug": checker.slug,
            "summary": "",
            "audience": "parents",
            "intro": rich_text(""),
            "before_you_start": rich_text(""),
            "start_button_text": "Start now",
            "questions": streamfield([("question", question_value(question)) for question in questions]),
            "results": streamfield([("result", result_value(result)) for result in results]),
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
            "alternative_formats": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
        }
    )


def field_errors(response):
    """The messages the edit form shows on the questions field (the admin renders them on the field)."""
    return [message for error in response.context["form"].errors.as_data()["questions"] for message in error.messages]


@pytest.fixture
def admin_client(client, checker):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "password")
    client.force_login(user)
    return client


def test_admin_refuses_a_loop_and_names_it(admin_client, checker):
    questions = [
        q("first", ("Yes", "yes", "second"), ("No", "no", "no-result")),
        q("second", ("Yes", "yes", "first"), ("No", "no", "no-result")),
    ]
    revisions = checker.revisions.count()
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[checker.pk]), edit_form(checker, questions, [r("no-result")])
    )
    assert response.status_code == 200
    assert "The page could not be saved" in response.content.decode()
    assert any("The answers go round in a loop: first → second → first" in m for m in field_errors(response))
    assert "The answers go round in a loop: first \\u2192 second" in response.content.decode()  # shown on the field
    assert checker.revisions.count() == revisions


def test_admin_refuses_an_unreachable_result_and_names_it(admin_client, checker):
    questions, results = GOOD
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[checker.pk]),
        edit_form(checker, questions, results + [r("spare", "not_sure")]),
    )
    assert response.status_code == 200
    assert "Result 'spare' can never be reached: no answer leads to it." in field_errors(response)


def test_admin_saves_a_sound_checker(admin_client, checker):
    questions, results = GOOD
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=[checker.pk]), edit_form(checker, questions, results)
    )
    assert response.status_code == 302
    draft = CheckerPage.objects.get(pk=checker.pk).get_latest_revision_as_object()
    assert [block.value["slug"] for block in draft.questions] == ["first", "second"]


def test_the_admin_preview_panel_walks_the_draft(admin_client, checker):
    """The editor's unsaved draft goes to the preview; links inside the preview stay in it."""
    questions, results = GOOD
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[checker.pk])
    response = admin_client.post(preview_url, edit_form(checker, questions, results))
    assert response.json()["is_valid"] is True

    start = admin_client.get(preview_url, {"mode": "", "in_preview_panel": "true"})
    assert start.status_code == 200
    assert "frame-ancestors 'self'" in start["Content-Security-Policy"]  # the panel may frame it
    assert 'href="?mode=walk%3Aquestion%3Afirst%3A&amp;in_preview_panel=true"' in start.content.decode()

    first = admin_client.get(preview_url, {"mode": "walk:question:first:", "in_preview_panel": "true"})
    assert '<h1 class="govuk-fieldset__heading">Question first?</h1>' in first.content.decode()
    second = admin_client.get(preview_url, {"mode": "walk:submit:first:first=yes", "in_preview_panel": "true"})
    assert '<h1 class="govuk-fieldset__heading">Question second?</h1>' in second.content.decode()
    check = admin_client.get(preview_url, {"mode": "walk:submit:second:first=yes&second=no"})
    assert "Check your answers" in check.content.decode()
    result = admin_client.get(preview_url, {"mode": "walk:result::first=yes&second=no"})
    assert 'data-result-kind="not_likely"' in result.content.decode()


def test_the_admin_preview_of_a_broken_draft_is_refused(admin_client, checker):
    questions = [q("first", ("Yes", "yes", "nowhere"), ("No", "no", "no-result"))]
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[checker.pk])
    response = admin_client.post(preview_url, edit_form(checker, questions, [r("no-result")]))
    assert response.json()["is_valid"] is False
