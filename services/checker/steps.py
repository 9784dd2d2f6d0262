"""The pages of an eligibility check: start, one page per question, check your answers, the
result, and a 'Start again' page for a link that does not fit the check.

The parent's answers travel in the web address only (`?school=primary&plan=yes`): nothing is
written to the database, the session or a log, and no cookie is set. Forms use GET.

The same code serves the admin preview. There, every link and form goes back to the preview
itself with the step and the answers packed in Wagtail's `mode` parameter
(`?mode=walk:question:plan:school%3Dprimary`), so an editor can walk the draft flow in the
preview panel before publishing.
"""

from urllib.parse import parse_qsl, urlencode

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control

from home.cache import in_process, is_shared_request
from home.models import SiteSettings

from .flow import Flow, FlowError

WALK_PREFIX = "walk:"

REASON_HEADINGS = {"not_likely": "Why", "not_sure": "What to check"}


def lower_first(text):
    """'School or nursery' -> 'school or nursery', but 'EHC plan' stays as it is."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def answers_from_query(flow, query):
    """The answers in a query string: only known question ids; an empty value is no answer.
    Raises FlowError for a question answered twice."""
    answers = {}
    for key in query:
        if key in flow.questions:
            values = [value for value in query.getlist(key) if value]
            if len(values) > 1:
                raise FlowError("The link has two answers to the same question.")
            if values:
                answers[key] = values[0]
    return answers


class LiveUrls:
    """Web addresses on the live site: the checker page's own sub-pages, answers as a query."""

    preview = False

    def __init__(self, page, request):
        self.page = page
        self.base = page.get_url(request) or "/"

    def _with(self, url, answers):
        return f"{url}?{urlencode(answers)}" if answers else url

    def start(self):
        return self.base

    def question(self, question_id, answers=None):
        return self._with(self.base + self.page.reverse_subpage("question", args=[question_id]), answers or {})

    def check(self, answers):
        return self._with(self.base + self.page.reverse_subpage("check"), answers)

    def result(self, answers):
        return self._with(self.base + self.page.reverse_subpage("result"), answers)

    def question_form(self, question_id, answers):
        """action, hidden fields, the radios' name, and each answer's submitted value."""
        hidden = [(key, value) for key, value in answers.items() if key != question_id]
        hidden.append(("submitted", question_id))
        return {
            "action": self.question(question_id),
            "hidden": hidden,
            "name": question_id,
            "value_for": lambda value: value,
        }

    def result_form(self, answers):
        return {"action": self.base + self.page.reverse_subpage("result"), "hidden": list(answers.items())}


def encode_mode(step, question_id="", answers=None):
    return f"{WALK_PREFIX}{step}:{question_id}:{urlencode(answers or {})}"


def decode_mode(mode):
    """(step, question id, answers) from a preview `mode`; unknown text gives the start page."""
    try:
        step, question_id, query = mode[len(WALK_PREFIX) :].split(":", 2)
    except ValueError:
        return "start", "", {}
    return step, question_id, query


class PreviewUrls:
    """Web addresses inside the admin preview: the same preview, another `mode`."""

    preview = True

    def __init__(self, in_panel):
        self.extra = {"in_preview_panel": "true"} if in_panel else {}

    def _url(self, mode):
        return "?" + urlencode({"mode": mode, **self.extra})

    def start(self):
        return self._url(encode_mode("start"))

    def question(self, question_id, answers=None):
        return self._url(encode_mode("question", question_id, answers))

    def check(self, answers):
        return self._url(encode_mode("check", "", answers))

    def result(self, answers):
        return self._url(encode_mode("result", "", answers))

    def question_form(self, question_id, answers):
        others = {key: value for key, value in answers.items() if key != question_id}
        hidden = [("mode", encode_mode("submit", question_id, others))] + list(self.extra.items())
        return {
            "action": "",
            "hidden": hidden,
            "name": "mode",
            "value_for": lambda value: encode_mode("submit", question_id, {**others, question_id: value}),
        }

    def result_form(self, answers):
        return {"action": "", "hidden": [("mode", encode_mode("result", "", answers)), *self.extra.items()]}


class CheckerSteps:
    """Serves one step of one checker page for one request."""

    def __init__(self, page, request, urls):
        self.page = page
        self.request = request
        self.urls = urls
        area = SiteSettings.for_request(request).area_name if request else ""
        if request is not None and is_shared_request(request) and page.live:
            # A visitor's check is the live page's: its questions are read once per change to the
            # content (home.cache.in_process), not on every step. Editors and previews (a draft
            # page object) read their own.
            self.flow = in_process(f"checker-flow:{page.pk}:{area}", lambda: Flow.from_page(page, area=area))
        else:
            self.flow = Flow.from_page(page, area=area)

    # Entry points -------------------------------------------------------------------------

    def serve(self, step, question_id="", answers=None, submitted=False):
        try:
            if step == "start":
                return self.start()
            if step in ("question", "submit"):
                return self.question(question_id, answers or {}, submitted=submitted or step == "submit")
            if step == "check":
                return self.check(answers or {})
            if step == "result":
                return self.result(answers or {})
            raise FlowError("This page is not part of the check.", status=404)
        except FlowError as error:
            return self.problem(error)

    def serve_live(self, step, question_id=""):
        query = self.request.GET
        try:
            answers = answers_from_query(self.flow, query)
        except FlowError as error:
            return self.problem(error)
        return self.serve(step, question_id, answers, submitted=query.get("submitted") == question_id != "")

    def serve_preview_mode(self, mode):
        step, question_id, query = decode_mode(mode)
        answers = dict(parse_qsl(query)) if query else {}
        answers = {key: value for key, value in answers.items() if key in self.flow.questions and value}
        return self.serve(step, question_id, answers)

    # Steps -----------------------------------------------------------------------------------

    def render(self, template, context, status=200):
        context = {
            "page": self.page,
            "self": self.page,
            "request": self.request,
            "is_preview": self.urls.preview,
            "start_url": self.urls.start(),
            **context,
        }
        response = TemplateResponse(self.request, f"services/checker/{template}", context, status=status)
        patch_cache_control(response, private=True, no_store=True)
        return response

    def go(self, step, question_id, answers):
        """After an answer: a redirect on the live site; in the preview, the next step itself."""
        if self.urls.preview:
            return self.serve(step, question_id, answers)
        url = self.urls.question(question_id, answers) if step == "question" else self.urls.check(answers)
        response = HttpResponseRedirect(url)
        # The answers are in both addresses: no cache (ours or a CDN's) may keep them.
        patch_cache_control(response, private=True, no_store=True)
        return response

    def start(self):
        first = self.flow.first
        return self.render("start.html", {"first_question_url": self.urls.question(first) if first else ""})

    def question(self, question_id, answers, submitted=False):
        if question_id not in self.flow.questions:
            raise FlowError(
                "This question is no longer part of the check. The check may have changed since the link was made.",
                status=404,
            )
        walk = self.flow.walk(answers)
        index = walk.index_of(question_id)
        is_next = walk.next_question is not None and walk.next_question["slug"] == question_id
        if index is None and not is_next:
            raise FlowError("This question does not follow from the answers in the link.")

        if submitted and index is not None:
            if walk.result is not None:
                return self.go("check", "", walk.answers)
            return self.go("question", walk.next_question["slug"], walk.answers)

        question = self.flow.questions[question_id]
        error = question["error_message"] if submitted else ""
        before = walk.answers_before(question_id)
        if before:
            previous_id = list(before)[-1]
            back_url = self.urls.question(previous_id, before)
        else:
            back_url = self.urls.start()
        chosen = answers.get(question_id, "") if index is not None else ""
        # Keep the later answers (when changing an answer) but not ones off the path.
        keep = {**walk.answers}
        form = self.urls.question_form(question_id, keep)
        options = []
        for number, answer in enumerate(question["answers"]):
            options.append(
                {
                    "id": f"{question_id}" if number == 0 else f"{question_id}-{number + 1}",
                    "value": form["value_for"](answer["value"]),
                    "label": answer["label"],
                    "hint": answer.get("hint") or "",
                    "checked": answer["value"] == chosen,
                    "not_sure": bool(answer.get("not_sure")),
                }
            )
        sure = [option for option in options if not option["not_sure"]]
        not_sure = [option for option in options if option["not_sure"]]
        return self.render(
            "question.html",
            {
                "question": question,
                "question_id": question_id,
                "options": sure,
                "not_sure_options": not_sure,
                "first_option_id": options[0]["id"] if options else question_id,
                "form": form,
                "error": error,
                "back_url": back_url,
            },
        )

    def rows(self, walk):
        rows = []
        for step in walk.steps:
            question = step.question
            rows.append(
                {
                    "key": question.get("check_answers_label") or question["question"],
                    "value": step.answer["label"],
                    "change_url": self.urls.question(question["slug"], walk.answers),
                    "change_label": lower_first(question.get("check_answers_label") or question["question"]),
                }
            )
        return rows

    def unfinished(self, walk):
        """Answers that stop before a result: carry on at the next question."""
        return self.go("question", walk.next_question["slug"], walk.answers)

    def check(self, answers):
        walk = self.flow.walk(answers)
        if walk.result is None:
            return self.unfinished(walk)
        last = walk.steps[-1].question["slug"]
        return self.render(
            "check_answers.html",
            {
                "rows": self.rows(walk),
                "form": self.urls.result_form(walk.answers),
                "back_url": self.urls.question(last, walk.answers),
            },
        )

    def result(self, answers):
        walk = self.flow.walk(answers)
        if walk.result is None:
            return self.unfinished(walk)
        result = walk.result
        links = [link for link in result["links"] if link["page"] is not None and link["page"].live]
        return self.render(
            "result.html",
            {
                "result": result,
                "reasons": walk.reasons() if result["kind"] in REASON_HEADINGS else [],
                "reasons_heading": REASON_HEADINGS.get(result["kind"], ""),
                "links": links,
                "rows": self.rows(walk),
                "back_url": self.urls.check(walk.answers),
            },
        )

    def problem(self, error):
        return self.render("problem.html", {"message": error.message}, status=error.status)

    def flow_map(self):
        """The admin preview's map: every question, its answers and where each leads, every result,
        with a link to try each one in the preview."""
        titles = {qid: q["question"] for qid, q in self.flow.questions.items()}
        titles.update({rid: r["heading"] for rid, r in self.flow.results.items()})
        questions = []
        for qid, question in self.flow.questions.items():
            answers = self.flow.shortest_answers_to(qid)
            questions.append(
                {
                    "question": question,
                    "try_url": self.urls.question(qid, answers) if answers is not None else "",
                    "answers": [
                        {"answer": answer, "target": titles.get(answer["leads_to"], "")}
                        for answer in question["answers"]
                    ],
                }
            )
        results = []
        for rid, result in self.flow.results.items():
            answers = self.flow.shortest_answers_to(rid)
            results.append({"result": result, "try_url": self.urls.result(answers) if answers else ""})
        return self.render("flow_map.html", {"questions": questions, "results": results})
