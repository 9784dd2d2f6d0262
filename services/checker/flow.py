"""An eligibility check as a graph: questions whose answers lead to another question or to a
result. The check starts at the first question in the list.

`Flow.walk(answers)` follows a parent's answers (a dict of question id -> answer id, taken from
the web address) from the first question, and stops at the first unanswered question or at a
result. `validate_flow(questions, results)` lists what is wrong with an editor's checker.
Nothing here touches the database.
"""

from dataclasses import dataclass, field

from django.utils.text import slugify

# Names a question id cannot have: they are used in the web address for other things.
RESERVED_IDS = {"submitted", "mode", "in_preview_panel"}


class FlowError(Exception):
    """A parent's answers do not fit the checker (tampered, out of date or out of order)."""

    status = 400

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass
class Step:
    question: dict
    answer: dict


@dataclass
class Walk:
    """Where a parent's answers lead: the questions answered on the way, then either the next
    question to answer or the result."""

    steps: list = field(default_factory=list)
    next_question: dict | None = None
    result: dict | None = None

    @property
    def answers(self):
        """The answers on the path only, in order (answers to questions off the path are dropped)."""
        return {step.question["slug"]: step.answer["value"] for step in self.steps}

    def answers_before(self, question_id):
        answers = {}
        for step in self.steps:
            if step.question["slug"] == question_id:
                break
            answers[step.question["slug"]] = step.answer["value"]
        return answers

    def index_of(self, question_id):
        for index, step in enumerate(self.steps):
            if step.question["slug"] == question_id:
                return index
        return None

    def reasons(self):
        return [step.answer["reason"] for step in self.steps if step.answer.get("reason")]


class Flow:
    """The questions and results of one checker, looked up by id."""

    def __init__(self, questions, results):
        self.questions = {}
        for question in questions:
            self.questions.setdefault(question["slug"], question)
        self.results = {}
        for result in results:
            self.results.setdefault(result["slug"], result)
        self.first = next(iter(self.questions), None)

    @classmethod
    def from_page(cls, page, area=""):
        """The page's check, with `{area}` in its questions, answers and result headings replaced by
        the area's name (the site setting), or 'your council's area' when it has none."""
        area = area or "your council's area"

        def fill(value):
            return value.replace("{area}", area) if isinstance(value, str) else value

        def filled(values):
            return {name: fill(value) for name, value in values.items()}

        questions = [
            {**filled(block.value), "answers": [filled(answer) for answer in block.value["answers"]]}
            for block in page.questions
        ]
        results = [{**block.value, "heading": fill(block.value["heading"])} for block in page.results]
        return cls(questions, results)

    @staticmethod
    def answer(question, value):
        for answer in question["answers"]:
            if answer["value"] == value:
                return answer
        return None

    def walk(self, answers):
        """Follow `answers` from the first question. Raises FlowError for an answer that is not
        one of the question's answers, or for a checker that leads nowhere or loops."""
        walk = Walk()
        if self.first is None:
            raise FlowError("This check has no questions yet.", status=404)
        question_id = self.first
        seen = set()
        while True:
            if question_id in seen:
                raise FlowError("This check goes round in a loop.", status=404)
            seen.add(question_id)
            question = self.questions[question_id]
            value = answers.get(question_id)
            if value is None:
                walk.next_question = question
                return walk
            answer = self.answer(question, value)
            if answer is None:
                raise FlowError("One of the answers in the link is not an answer to this check.")
            walk.steps.append(Step(question, answer))
            target = answer["leads_to"]
            if target in self.results:
                walk.result = self.results[target]
                return walk
            if target not in self.questions:
                raise FlowError("This check leads to a question that no longer exists.", status=404)
            question_id = target

    def shortest_answers_to(self, target_id):
        """The fewest answers that reach a question or result (for the admin preview)."""
        if self.first is None:
            return None
        queue = [(self.first, {})]
        seen = {self.first}
        while queue:
            question_id, answers = queue.pop(0)
            if question_id == target_id:
                return answers
            for answer in self.questions[question_id]["answers"]:
                reached = {**answers, question_id: answer["value"]}
                if answer["leads_to"] == target_id:
                    return reached
                if answer["leads_to"] in self.questions and answer["leads_to"] not in seen:
                    seen.add(answer["leads_to"])
                    queue.append((answer["leads_to"], reached))
        return None


def _short_name(text, taken):
    """A short name made from `text` ('Is the school in Derbyshire?' -> 'is-the-school-in-derbyshire'),
    cut to 40 characters and not already in `taken`."""
    base = slugify(text)[:40].strip("-") or "item"
    name, number = base, 2
    while name in taken or name in RESERVED_IDS:
        suffix = f"-{number}"
        name = base[: 40 - len(suffix)].rstrip("-") + suffix
        number += 1
    taken.add(name)
    return name


def fill_short_names(questions, results):
    """Give every question, answer and result without a short name one made from its words
    (question, answer label, result heading), so editors never have to type one. Changes the
    block values in place; short names already given are kept."""
    taken = {item.get("slug") for item in [*questions, *results] if item.get("slug")}
    for question in questions:
        if not question.get("slug"):
            question["slug"] = _short_name(question.get("question") or "question", taken)
        answer_names = {a.get("value") for a in question.get("answers") or [] if a.get("value")}
        for answer in question.get("answers") or []:
            if not answer.get("value"):
                answer["value"] = _short_name(answer.get("label") or "answer", answer_names)
    for result in results:
        if not result.get("slug"):
            result["slug"] = _short_name(result.get("heading") or "result", taken)


def validate_flow(questions, results):
    """Return a list of plain messages, one per problem, each naming the question, answer or
    result. `questions` and `results` are lists of dicts (block values). Empty list: all good."""
    errors = []
    if not questions:
        errors.append("Add at least one question. The check starts at the first question in the list.")
    if not results:
        errors.append("Add at least one result: a path through the check must end at a result.")

    seen_ids = {}
    for kind, items in (("question", questions), ("result", results)):
        for item in items:
            item_id = item.get("slug") or ""
            if item_id in RESERVED_IDS:
                errors.append(f"The {kind} short name '{item_id}' is reserved. Choose another short name.")
            if item_id in seen_ids:
                errors.append(
                    f"Two items have the short name '{item_id}' (a {seen_ids[item_id]} and a {kind}). "
                    "Each question and result needs its own short name."
                )
            else:
                seen_ids[item_id] = kind

    question_ids = {q["slug"] for q in questions}
    result_ids = {r["slug"] for r in results}
    targets = question_ids | result_ids
    edges = {}
    for question in questions:
        qid = question["slug"]
        values = set()
        edges.setdefault(qid, [])
        for answer in question.get("answers") or []:
            label = answer.get("label") or answer.get("value")
            if answer.get("value") in values:
                errors.append(f"Question '{qid}' has two answers with the short name '{answer.get('value')}'.")
            values.add(answer.get("value"))
            target = answer.get("leads_to") or ""
            if target == qid:
                errors.append(f"In question '{qid}', the answer '{label}' leads back to the same question (a loop).")
            elif target not in targets:
                errors.append(
                    f"In question '{qid}', the answer '{label}' leads to '{target}', which is not the short name of "
                    "any question or result."
                )
            else:
                edges[qid].append((label, target))
        if not question.get("answers"):
            errors.append(f"Question '{qid}' has no answers.")

    if not questions:
        return errors

    # Loops and reachability: a depth-first walk of the answers from the first question.
    first = questions[0]["slug"]
    reached = {first}
    finished = set()

    def visit(node, path):
        for label, target in edges.get(node, []):
            reached.add(target)
            if target in path:
                loop = path[path.index(target) :] + [target]
                errors.append(
                    f"The answers go round in a loop: {' → '.join(loop)} (the answer '{label}' in question "
                    f"'{node}'). Every path must end at a result."
                )
            elif target in edges and target not in finished:
                visit(target, path + [target])
        finished.add(node)

    visit(first, [first])

    for question in questions[1:]:
        if question["slug"] not in reached:
            errors.append(f"Question '{question['slug']}' can never be reached: no answer leads to it.")
    for result in results:
        if result["slug"] not in reached:
            errors.append(f"Result '{result['slug']}' can never be reached: no answer leads to it.")
    return errors
