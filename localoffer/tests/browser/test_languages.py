"""A translated page in a real browser (issue 12, part 3): a Welsh page and an Urdu (right to
left) page made for the test, with `lang` and `dir` right, the language switcher used by
keyboard alone, axe-core clean, and no sideways scrolling at 320 px. The words are test words,
not shipped content."""

from urllib.parse import urlsplit

from guidance.models import GuidanceIndexPage, GuidancePage
from home.models import HomePage
from home.tests.languages import translate

WELSH_TITLE = "Beth yw cymorth anghenion addysgol arbennig?"  # test words
URDU_TITLE = "خصوصی تعلیمی ضروریات کی مدد کیا ہے؟"  # test words
PATH = "/sen-support/what-is-sen-support/"


def translate_page(code, title):
    home = HomePage.objects.get(locale__language_code="en-gb")
    translate(home, code)
    translate(GuidanceIndexPage.objects.get(locale__language_code="en-gb"), code)
    page = GuidancePage.objects.get(slug="what-is-sen-support", locale__language_code="en-gb")
    return translate(page, code, title=title)


def html_attributes(visitor):
    return visitor.page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]")


def test_welsh_and_urdu_pages_switch_by_keyboard_and_pass_axe(visitor):
    translate_page("cy", WELSH_TITLE)
    translate_page("ur", URDU_TITLE)

    visitor.goto("/cy" + PATH)
    assert html_attributes(visitor) == ["cy", "ltr"]
    assert visitor.page.locator("h1").inner_text().strip() == WELSH_TITLE
    hreflangs = visitor.page.eval_on_selector_all(
        "link[rel=alternate][hreflang]", "links => links.map(l => [l.hreflang, new URL(l.href).pathname])"
    )
    assert hreflangs == [["en-GB", PATH], ["cy", "/cy" + PATH], ["ur", "/ur" + PATH], ["x-default", PATH]]
    visitor.check_accessibility("Welsh page")
    visitor.screenshot("language-welsh")
    visitor.check_no_horizontal_scroll()

    # Keyboard alone: Tab to 'English' in the switcher and follow it.
    visitor.page.set_viewport_size({"width": 1280, "height": 800})
    focused = visitor.tab_to(lambda f: f["tag"] == "a" and f["text"] == "English")
    assert focused["href"] == PATH
    with visitor.page.expect_navigation():
        visitor.page.keyboard.press("Enter")
    assert urlsplit(visitor.page.url).path == PATH
    assert html_attributes(visitor) == ["en-GB", "ltr"]
    current = visitor.page.locator(".lo-language-switcher [aria-current=true]")
    assert current.inner_text() == "English" and current.get_attribute("lang") == "en-GB"

    # ... and on to Urdu, right to left.
    visitor.tab_to(lambda f: f["tag"] == "a" and f["href"] == "/ur" + PATH)
    with visitor.page.expect_navigation():
        visitor.page.keyboard.press("Enter")
    assert html_attributes(visitor) == ["ur", "rtl"]
    assert visitor.page.locator("h1").inner_text().strip() == URDU_TITLE
    # The English frame (header, footer) stays left to right.
    assert visitor.page.eval_on_selector("header", "h => getComputedStyle(h).direction") == "ltr"
    assert visitor.page.eval_on_selector("main h1", "h => getComputedStyle(h).direction") == "rtl"
    # The main column is on the right, the related pages on the left.
    main_left = visitor.page.eval_on_selector("main h1", "h => h.getBoundingClientRect().left")
    aside_left = visitor.page.eval_on_selector(".govuk-grid-column-one-third", "c => c.getBoundingClientRect().left")
    assert aside_left < main_left
    visitor.check_accessibility("Urdu page")
    visitor.screenshot("language-urdu")
    visitor.check_no_horizontal_scroll()
