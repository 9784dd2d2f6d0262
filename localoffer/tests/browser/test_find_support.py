"""'Find support' in a real browser without JavaScript: from the home page to the shipped page,
filter, read a result, see a value we cannot use named in the error summary; axe-core on each
state."""

from services.models import FindSupportPage, ServicePage


def test_find_support_without_javascript(visitor_without_js):
    visitor = visitor_without_js
    page = FindSupportPage.objects.live().get()  # shipped in the starter content
    # The shipped service is tagged 'Cognition and learning' in its page file. The seeds give
    # no ages in years: this test gives it some, to filter by age.
    service = ServicePage.objects.get(slug="sssen")
    service.minimum_age, service.maximum_age = 3, 11
    service.save_revision().publish()

    visitor.goto("/")
    with visitor.page.expect_navigation():
        visitor.page.get_by_role("link", name="Find support: search the directory of services").click()
    assert visitor.page.url.endswith(page.url)
    visitor.check_accessibility("Find support")
    visitor.screenshot("find-support")
    visitor.check_no_horizontal_scroll()
    visitor.page.set_viewport_size({"width": 1280, "height": 800})

    visitor.page.get_by_label("Cognition and learning").check()
    visitor.page.get_by_label("Age of the child or young person").fill("7")
    with visitor.page.expect_navigation():
        visitor.page.get_by_role("button", name="Show services").click()
    assert "need=cognition-and-learning" in visitor.page.url and "age=7" in visitor.page.url
    assert visitor.page.locator("#results").inner_text() == "1 service matches your search"
    result = visitor.page.locator(".lo-service-result")
    assert service.title in result.inner_text()
    assert "3 to 11 years" in result.inner_text()
    assert "Cognition and learning" in result.inner_text()
    visitor.check_accessibility("Find support, filtered")

    visitor.page.get_by_label("Age of the child or young person").fill("seven")
    with visitor.page.expect_navigation():
        visitor.page.get_by_role("button", name="Show services").click()
    summary = visitor.page.locator(".govuk-error-summary").inner_text()
    assert "There is a problem" in summary and "Enter an age as a whole number, like 7" in summary
    # The age is dropped and the area of need still applies.
    assert visitor.page.locator("#results").inner_text() == "1 service matches your search"
    visitor.check_accessibility("Find support, with an error")
    visitor.screenshot("find-support-error")
