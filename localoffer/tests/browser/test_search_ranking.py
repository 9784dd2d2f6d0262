"""Search at 320 px (issue 16): the first real answer is never more than one panel down, and the
page that answers a parent's question is in the first three. Prints, for each question, the
panels above the first answer, the answering page's rank and where it starts in pixels."""

import pytest

from .conftest import NARROW

QUESTIONS = [
    ("help at school", "/sen-support/what-sen-support-may-include/"),
    ("speech therapy at school", "/sen-support/what-sen-support-may-include/"),
    ("sen support isn't working", "/sen-support/when-sen-support-is-not-enough/"),
    ("what does a sendco do", "/sen-support/send-support-plans/"),
    ("sssen", "/services/sssen/"),
    ("ehcp", "/sen-support/when-sen-support-is-not-enough/"),
]

MEASURE = """() => {
  const answers = [...document.querySelectorAll('#best-answer h3 a, .lo-search-result h3 a')];
  const panels = [...document.querySelectorAll('.lo-search-box')];
  const first = answers[0];
  const top = (e) => Math.round(e.getBoundingClientRect().top + window.scrollY);
  return {
    hrefs: answers.map((a) => a.getAttribute('href')),
    tops: answers.map(top),
    panelsAbove: panels.filter((p) => p.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).length,
    bestAnswer: !!document.querySelector('#best-answer'),
  };
}"""


@pytest.mark.parametrize("question, answer", QUESTIONS)
def test_first_answer_at_320px(visitor, question, answer):
    visitor.page.set_viewport_size({"width": NARROW, "height": 640})
    visitor.goto(f"/search/?q={question}")
    found = visitor.page.evaluate(MEASURE)
    rank = found["hrefs"].index(answer) + 1 if answer in found["hrefs"] else None
    top = found["tops"][rank - 1] if rank else None
    print(
        f"\n320px {question!r}: panels above the first answer {found['panelsAbove']}, first answer at "
        f"{found['tops'][0]} px ({'best answer' if found['bestAnswer'] else 'list'}); "
        f"answering page rank {rank} at {top} px"
    )
    assert found["panelsAbove"] <= 1
    assert rank is not None and rank <= 3
    visitor.check_no_horizontal_scroll()
