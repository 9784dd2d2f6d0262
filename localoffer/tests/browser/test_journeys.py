"""Keyboard-only journeys (no mouse), and search, the contact directory and the feedback form
in a real browser with axe-core."""

from urllib.parse import urlsplit

from home.models import Feedback, HomePage
from services.models import ContactDirectoryPage


def test_skip_link_moves_focus_to_the_main_content(visitor):
    visitor.goto("/")
    focused = visitor.tab_to(lambda f: True, limit=1)
    assert focused["text"] == "Skip to main content"
    visitor.page.keyboard.press("Enter")
    # Without JavaScript the browser follows the link to #main-content; with it, GOV.UK
    # Frontend's skip link focuses <main> itself (and may leave the address as it was).
    visitor.page.wait_for_function(
        "() => location.hash === '#main-content' || document.activeElement.id === 'main-content'"
    )
    # The next Tab goes into the page's content, past the header and its search box.
    visitor.page.keyboard.press("Tab")
    inside_main = visitor.page.evaluate("() => document.querySelector('main').contains(document.activeElement)")
    assert inside_main, visitor.focused()


def test_govuk_frontend_javascript_runs_and_the_skip_link_focuses_main(visitor):
    visitor.goto("/")
    assert visitor.page.evaluate("() => document.body.classList.contains('govuk-frontend-supported')")
    visitor.page.keyboard.press("Tab")
    visitor.page.keyboard.press("Enter")
    assert visitor.focused()["id"] == "main-content"


def test_search_from_the_header_and_open_a_result_with_the_keyboard(visitor):
    visitor.goto("/")
    visitor.tab_to(lambda f: f["id"] == "header-search")
    visitor.page.keyboard.type("SEN support")
    with visitor.page.expect_navigation():
        visitor.page.keyboard.press("Enter")
    assert urlsplit(visitor.page.url).path == "/search/"
    results = visitor.page.locator(".lo-search-result h3 a")
    assert results.count() >= 1
    first_href = results.first.get_attribute("href")
    visitor.check_accessibility("search results")
    visitor.check_no_horizontal_scroll()
    visitor.page.set_viewport_size({"width": 1280, "height": 800})
    visitor.screenshot("search-results")

    visitor.tab_to(lambda f: f["tag"] == "a" and f["href"] == first_href)
    with visitor.page.expect_navigation():
        visitor.page.keyboard.press("Enter")
    assert urlsplit(visitor.page.url).path == urlsplit(first_href).path


def test_search_with_no_results_and_with_no_words(visitor):
    visitor.goto("/search/?q=zzqxxv+wwvqz")
    assert visitor.page.locator(".lo-search-result").count() == 0
    visitor.check_accessibility("search with no results")
    visitor.screenshot("search-no-results")
    visitor.goto("/search/")
    visitor.check_accessibility("search page with no words")
    visitor.goto("/search/?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert visitor.page.evaluate("() => document.querySelectorAll('main script').length") == 0
    visitor.check_accessibility("search for markup")


def test_contact_directory_filters_and_a_contact(visitor):
    directory = ContactDirectoryPage.objects.live().first()
    visitor.goto(directory.url)
    visitor.check_accessibility("contact directory")
    contact_links = visitor.page.locator(f"main a[href*='{directory.url}']").filter(has_not_text="vCard")
    # Filter with the keyboard: tick the first audience box and apply.
    visitor.tab_to(lambda f: f["tag"] == "input" and f["type"] == "checkbox")
    visitor.page.keyboard.press("Space")
    visitor.tab_to(lambda f: f["tag"] == "button" and f["type"] in (None, "submit"))
    with visitor.page.expect_navigation():
        visitor.page.keyboard.press("Enter")
    assert "audience=" in visitor.page.url
    visitor.check_accessibility("contact directory, filtered")
    visitor.screenshot("contact-directory-filtered")
    # A filter that matches nothing.
    visitor.goto(directory.url + "?q=zzqxxv")
    visitor.check_accessibility("contact directory, no matches")
    # One contact's own page.
    visitor.goto(directory.url)
    hrefs = [
        href
        for href in contact_links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
        if href.rstrip("/") != directory.url.rstrip("/") and "?" not in href and "vcard" not in href
    ]
    assert hrefs, "The directory links to no contact page"
    visitor.goto(hrefs[0])
    visitor.check_accessibility(f"contact page {hrefs[0]}")
    visitor.check_no_horizontal_scroll()
    visitor.page.set_viewport_size({"width": 1280, "height": 800})
    visitor.screenshot("contact-page")


def test_feedback_form_and_its_error_states(visitor):
    home = HomePage.objects.live().first()
    visitor.goto(home.url)
    before = Feedback.objects.count()
    visitor.tab_to(lambda f: f["tag"] == "button" and f["text"].startswith("No"))
    with visitor.page.expect_navigation():
        visitor.page.keyboard.press("Enter")
    assert Feedback.objects.count() == before + 1
    assert "/feedback/more/" in visitor.page.url
    visitor.check_accessibility("feedback: what was missing?")
    visitor.screenshot("feedback-more")

    # Send the comment box empty: the error state.
    visitor.tab_to(lambda f: f["tag"] == "button" and f["text"] == "Send")
    with visitor.page.expect_navigation():
        visitor.page.keyboard.press("Enter")
    assert visitor.page.locator(".govuk-error-summary").count() == 1
    assert visitor.page.title().startswith("Error:")
    visitor.check_accessibility("feedback: comment error")
    visitor.screenshot("feedback-error")

    # A tampered answer (no such page): the error page, and nothing stored.
    visitor.goto(home.url)
    visitor.page.eval_on_selector(".lo-feedback__form input[name=page]", "input => input.value = 'not-a-page'")
    count = Feedback.objects.count()
    with visitor.page.expect_navigation():
        visitor.page.locator(".lo-feedback__form button[value=yes]").click()
    assert Feedback.objects.count() == count
    assert visitor.page.locator(".govuk-error-summary").count() == 1
    visitor.check_accessibility("feedback: invalid answer")
    visitor.screenshot("feedback-invalid")
