"""The eligibility check in a real browser: axe-core on every question, the check-answers page,
every result and the error states; and the whole check done with the keyboard alone, with
JavaScript switched off."""

from urllib.parse import urlsplit

from services.models import CheckerPage

RADIO = "input.govuk-radios__input"


def checker_url():
    page = CheckerPage.objects.live().first()
    assert page is not None, "The shipped content has no live eligibility check"
    return page.url


def submit(visitor):
    with visitor.page.expect_navigation():
        visitor.page.locator("main form button[type=submit]").click()


def step_key(visitor):
    """Which step this is: its path (a question, check or result) plus the heading. Each
    check-answers page counts on its own (each leads to its own result)."""
    url = urlsplit(visitor.page.url)
    path = url.path + ("?" + url.query if "/check/" in url.path or "/result/" in url.path else "")
    return path + " | " + visitor.page.locator("h1").first.inner_text().strip()


def test_every_step_and_result_of_the_check(visitor):
    start = checker_url()
    visitor.goto(start)
    visitor.check_accessibility("checker start page")
    visitor.screenshot("checker-start")
    first_question = visitor.page.locator("a.govuk-button--start").get_attribute("href")

    seen = {}
    checked_answers_page = False
    to_visit = [first_question]
    while to_visit:
        url = to_visit.pop()
        visitor.goto(url)
        key = step_key(visitor)
        if key in seen:
            continue
        seen[key] = url
        path = urlsplit(visitor.page.url).path
        if "/check/" not in path or not checked_answers_page:
            # Every question and result; the check-answers page once (they differ only in the answers).
            visitor.check_accessibility(key)
            visitor.check_no_horizontal_scroll()
            visitor.page.set_viewport_size({"width": 1280, "height": 800})
        if "/question/" in path:
            count = visitor.page.locator(RADIO).count()
            assert count >= 2, key
            for index in range(count):
                visitor.goto(url)
                visitor.page.locator(RADIO).nth(index).check()
                submit(visitor)
                to_visit.append(visitor.page.url)
        elif "/check/" in path:
            if not checked_answers_page:
                visitor.screenshot("checker-check-answers")
                checked_answers_page = True
            submit(visitor)
            to_visit.append(visitor.page.url)

    questions = [key for key in seen if "/question/" in key]
    results = [key for key in seen if "/result/" in key]
    assert len(questions) >= 5, questions
    assert len(results) >= 10, results  # one result for each way through the check
    headings = {key.split(" | ")[1] for key in results}
    assert len(headings) == 3, headings  # likely, not likely, cannot tell yet
    assert any("/check/" in key for key in seen)
    visitor.goto(next(url for key, url in seen.items() if "/result/" in key))
    visitor.screenshot("checker-result")

    # The error state: Continue without choosing an answer.
    visitor.goto(first_question)
    submit(visitor)
    assert visitor.page.locator(".govuk-error-summary").is_visible()
    assert visitor.page.title().startswith("Error:")
    visitor.check_accessibility("checker question with an error")
    visitor.screenshot("checker-error")

    # Answers that do not fit the check (tampered with, or out of date).
    visitor.goto(first_question.split("?")[0].replace("/school/", "/plan/") + "?school=nonsense", status=400)
    visitor.check_accessibility("checker problem page")


def test_complete_the_check_with_the_keyboard_alone_without_javascript(visitor_without_js):
    visitor = visitor_without_js
    visitor.goto(checker_url())
    assert visitor.page.evaluate("() => document.body.classList.contains('js-enabled')") is False

    visitor.tab_to(lambda f: f["tag"] == "a" and "Start" in f["text"])
    with visitor.page.expect_navigation():
        visitor.page.keyboard.press("Enter")

    for step in range(12):
        path = urlsplit(visitor.page.url).path
        if "/result/" in path:
            break
        if "/question/" in path:
            focused = visitor.tab_to(lambda f: f["tag"] == "input" and f["type"] == "radio")
            if step == 0:
                # Arrow keys move between the answers; come back to the first.
                visitor.page.keyboard.press("ArrowDown")
                assert visitor.focused()["value"] != focused["value"]
                visitor.page.keyboard.press("ArrowUp")
                assert visitor.focused()["value"] == focused["value"]
            visitor.page.keyboard.press("Space")
            assert visitor.page.locator(f"{RADIO}:checked").count() == 1
            visitor.tab_to(lambda f: f["tag"] == "button" and f["text"] == "Continue")
        else:
            visitor.tab_to(lambda f: f["tag"] == "button" and f["type"] == "submit" and "result" in f["text"])
        with visitor.page.expect_navigation():
            visitor.page.keyboard.press("Enter")
    assert "/result/" in urlsplit(visitor.page.url).path
    heading = visitor.page.locator("h1").inner_text()
    assert "likely" in heading.lower(), heading
    visitor.screenshot("checker-result-without-javascript")
