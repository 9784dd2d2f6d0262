"""'My shortlist' in a real browser (issue 12): with JavaScript off, a parent adds three items,
sees the list, prints it, and opens the shared link on another device (a new browser context
with no cookies); with JavaScript on, adding happens in place. axe on every new screen, 320 px
without sideways scrolling, and the printout without header, buttons or forms.

axe-core is itself JavaScript and never finishes in a context with JavaScript turned off, so
the screens of the first journey are checked with axe in the second test, with JavaScript on."""

from urllib.parse import urlsplit

from wagtail.models import Page

from services.models import Contact, ServicePage

from .conftest import SCREENSHOTS, TAKE_SCREENSHOTS, _visitor


def titles(page):
    return [text.strip() for text in page.locator(".lo-shortlist__title").all_inner_texts()]


def add_from(visitor, path):
    visitor.goto(path)
    with visitor.page.expect_navigation():
        visitor.page.get_by_role("button", name="Add to my shortlist").click()
    assert urlsplit(visitor.page.url).path == "/shortlist/"
    assert visitor.page.locator(".govuk-notification-banner--success").is_visible()


def test_a_parent_without_javascript_builds_prints_and_shares_a_shortlist(browser, site, visitor_without_js):
    visitor = visitor_without_js
    service = ServicePage.objects.live().get(slug="sssen")
    guidance = Page.objects.live().get(url_path="/home/sen-support/what-is-sen-support/")
    contact = Contact.objects.live().get(slug="sendiass")
    directory_url = Page.objects.live().get(url_path="/home/contacts/").url

    add_from(visitor, service.url)
    add_from(visitor, guidance.url)
    add_from(visitor, contact.get_url() or directory_url + f"{contact.slug}/")

    visitor.goto("/shortlist/")
    expected = [service.title, guidance.title, contact.name]
    assert titles(visitor.page) == expected
    visitor.check_no_horizontal_scroll()
    visitor.screenshot("shortlist")
    # Without JavaScript there is no print button, only the instructions.
    assert not visitor.page.get_by_role("button", name="Print this list").is_visible()

    # Print it: no header, search, buttons, forms or footer; the items and the print-only block.
    visitor.page.emulate_media(media="print")
    hidden = ".lo-header, .lo-search, .govuk-footer, main form, .govuk-button, #share-link"
    for element in visitor.page.locator(hidden).all():
        assert not element.is_visible(), element.evaluate("e => e.outerHTML.slice(0, 80)")
    assert visitor.page.locator(".lo-print-only").is_visible()
    assert titles(visitor.page) == expected
    after = visitor.page.evaluate(
        "() => getComputedStyle(document.querySelector('.lo-shortlist__title a'), '::after').content"
    )
    assert service.url in after  # the link's address is printed after it
    if TAKE_SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        visitor.page.screenshot(path=SCREENSHOTS / "shortlist-print.png", full_page=True)
        visitor.page.pdf(path=SCREENSHOTS / "shortlist-print.pdf")
    visitor.page.emulate_media(media="screen")

    # Share it: the link opens the same list in another browser with no cookies.
    share = visitor.page.locator("#share-link").input_value()
    context, other = _visitor(browser, site, java_script_enabled=False)
    try:
        assert other.page.context.cookies() == []
        other.goto(share)
        assert titles(other.page) == expected
        with other.page.expect_navigation():
            other.page.get_by_role("button", name="Save this list in this browser").click()
        assert other.page.locator(".govuk-notification-banner--success").is_visible()
        assert titles(other.page) == expected
        assert [c["name"] for c in other.page.context.cookies()] == ["shortlist"]
    finally:
        context.close()


def test_with_javascript_adding_happens_in_place_and_every_screen_passes_axe(visitor):
    guidance = Page.objects.live().get(url_path="/home/sen-support/what-is-sen-support/")
    service = ServicePage.objects.live().get(slug="sssen")
    contact = Contact.objects.live().get(slug="sendiass")
    visitor.goto(guidance.url)
    button = visitor.page.locator("form[data-shortlist-form] button")
    assert button.inner_text().startswith("Add to my shortlist")
    button.click()
    status = visitor.page.locator("[data-shortlist-status]")
    status.filter(has_text="has been added to your shortlist").wait_for()
    assert visitor.page.url.endswith(guidance.url)  # no page load
    assert button.inner_text().startswith("Remove from my shortlist")
    assert status.get_attribute("aria-live") == "polite"
    visitor.check_accessibility("guidance page after adding in place")

    # The cached page is the same for everyone; the script marks what is on the list.
    visitor.page.reload()
    assert visitor.page.locator("form[data-shortlist-form] button").inner_text().startswith("Remove")
    visitor.page.locator("form[data-shortlist-form] button").click()
    status.filter(has_text="has been removed").wait_for()
    visitor.goto("/shortlist/")
    visitor.check_accessibility("empty shortlist")

    # The screens of the journey without JavaScript, checked with axe here.
    tokens = f"page-{service.pk}.page-{guidance.pk}.contact-{contact.pk}"
    visitor.goto(f"/shortlist/?items={tokens}")
    visitor.check_accessibility("a shared shortlist")
    visitor.page.get_by_role("button", name="Save this list in this browser").click()
    visitor.page.wait_for_url("**/shortlist/?saved=1")
    visitor.check_accessibility("my shortlist after saving")
    assert visitor.page.get_by_role("button", name="Print this list").is_visible()
    visitor.goto(f"/shortlist/?added=page-{service.pk}")
    visitor.check_accessibility("my shortlist after adding")
    visitor.check_no_horizontal_scroll()
    visitor.screenshot("shortlist-with-javascript")
    visitor.goto("/shortlist/?items=page-1.nonsense", status=200)
    visitor.check_accessibility("a tampered link")
    visitor.goto("/shortlist/?items=nonsense", status=400)
    visitor.check_accessibility("a link that is all nonsense")

    # Regulation 57: the page, and the footer link to it.
    visitor.goto("/other-formats/")
    visitor.check_accessibility("without the internet")
    visitor.check_no_horizontal_scroll()
    assert visitor.page.locator("footer a[href='/other-formats/']").count() == 1

    # Expandable sections print open.
    for page in Page.objects.live().filter(url_path__startswith="/home/sen-support/"):
        visitor.goto(page.url)
        if visitor.page.locator("details").count():
            break
    else:
        return
    visitor.page.emulate_media(media="print")
    visitor.page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert visitor.page.evaluate("() => [...document.querySelectorAll('details')].every(d => d.open)")
    assert visitor.page.locator(".govuk-details__text").first.is_visible()
    assert not visitor.page.locator(".lo-feedback").is_visible()
    assert not visitor.page.locator(".lo-header").is_visible()
