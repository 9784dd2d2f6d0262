"""'Find support' in a real browser without JavaScript: filter, read a result, see a clear error;
axe-core on each state. The page is made here until the content loader ships one."""

from wagtail.models import Site

from services.models import FindSupportPage, ServiceIndexPage, TaxonomyTerm


def make_find_support():
    home = Site.objects.get(is_default_site=True).root_page
    page = FindSupportPage.objects.first()
    if page is None:
        page = FindSupportPage(title="Find support", slug="find-support", summary="Search for services.")
        home.add_child(instance=page)
        page.save_revision().publish()
    return page


def test_find_support_without_javascript(visitor_without_js):
    visitor = visitor_without_js
    page = make_find_support()
    # The shipped service, tagged so the area-of-need filter finds it.
    service = ServiceIndexPage.objects.first().get_children().live().specific().first()
    need = TaxonomyTerm.objects.get(code="cognition-and-learning")
    service.taxonomy_terms.add(need)
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
    assert "There is a problem" in visitor.page.locator(".govuk-error-summary").inner_text()
    assert "Enter an age as a whole number, like 7" in visitor.page.content()
    visitor.check_accessibility("Find support, with an error")
    visitor.screenshot("find-support-error")
