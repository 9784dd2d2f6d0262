"""Every page in the shipped site, in a real browser: axe-core, no sideways scrolling at 320 px,
screenshots at 320 and 1280 px for each page type."""

import pytest
from wagtail.models import get_page_models

from localoffer.tests.conftest import live_pages

# Every page type, and which test covers it in the browser. A new page type fails
# `test_every_page_type_has_browser_coverage` until it is added here (and, for those covered by
# the tree walk, until the shipped content has a live page of that type).
COVERED_PAGE_TYPES = {
    "home.HomePage": "tree walk (test_every_live_page) and keyboard journeys",
    "home.InformationPage": "tree walk",
    "home.YouSaidWeDidPage": "tree walk",
    "home.OfflineAccessPage": "tree walk and test_shortlist.py (regulation 57 page, footer link)",
    "home.CoveragePage": "tree walk and test_local_offer_coverage.py (footer link, axe at 320 px)",
    "guidance.GuidanceIndexPage": "tree walk",
    "guidance.GuidancePage": "tree walk",
    "guidance.GlossaryPage": "tree walk",
    "services.ServiceIndexPage": "tree walk",
    "services.ServicePage": "tree walk",
    "services.ServiceReportPage": "tree walk",
    "services.ContactDirectoryPage": "tree walk and test_forms.py (filters, a contact)",
    "services.CheckerPage": "tree walk and test_checker.py (every step and result, without JavaScript)",
    "services.FindSupportPage": "tree walk and test_find_support.py (filters, a result, an error, no JavaScript)",
}


def test_every_page_type_has_browser_coverage():
    labels = {model._meta.label for model in get_page_models()} - {"wagtailcore.Page"}
    missing = labels - COVERED_PAGE_TYPES.keys()
    assert not missing, f"Page types with no browser test: {sorted(missing)}. Add them to COVERED_PAGE_TYPES."
    gone = COVERED_PAGE_TYPES.keys() - labels
    assert not gone, f"COVERED_PAGE_TYPES names page types that no longer exist: {sorted(gone)}"


def test_every_live_page(visitor):
    pages = live_pages()
    types_seen = set()
    for page in pages:
        label = page._meta.label
        visitor.goto(page.url)
        visitor.check_accessibility(f"{label} {page.url}")
        if label not in types_seen:
            types_seen.add(label)
            visitor.screenshot(f"page-{label}")
        visitor.check_no_horizontal_scroll()
        visitor.page.set_viewport_size({"width": 1280, "height": 800})
    expected = set(COVERED_PAGE_TYPES)
    assert types_seen == expected, f"No live page of these types in the shipped content: {expected - types_seen}"


@pytest.mark.urls("localoffer.tests.urls_with_errors")
def test_error_pages(visitor):
    visitor.goto("/no-such-page/", status=404)
    assert visitor.page.locator("h1").inner_text() == "Page not found"
    visitor.check_accessibility("404 page")
    visitor.check_no_horizontal_scroll()
    visitor.screenshot("error-404")

    visitor.goto("/test-broken-view/", status=500)
    assert visitor.page.locator("h1").inner_text() == "Sorry, there is a problem with the service"
    assert "secret internal detail" not in visitor.page.content()
    visitor.check_accessibility("500 page")
    visitor.check_no_horizontal_scroll()
    visitor.screenshot("error-500")

    visitor.goto("/search/?" + "&".join(f"f{i}=x" for i in range(1200)), status=400)
    assert visitor.page.locator("h1").inner_text() == "Sorry, we could not understand that request"
    visitor.check_accessibility("400 page")
    visitor.check_no_horizontal_scroll()
    visitor.screenshot("error-400")


def test_the_checks_can_fail(visitor):
    """axe and the Content-Security-Policy are really on: a broken page is caught."""
    visitor.goto("/")
    visitor.page.evaluate(
        "() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/static/none.png\">')"
    )
    with pytest.raises(AssertionError, match="image-alt"):
        visitor.check_accessibility()

    visitor.goto("/")
    with pytest.raises(Exception, match="Content Security Policy|script"):
        visitor.page.add_script_tag(content="window.injected = true;")
    assert visitor.page.evaluate("() => window.injected") is None
    assert visitor.csp_violations


def test_sign_in_lockout_page(visitor, settings, django_user_model):
    settings.AXES_ENABLED = True
    django_user_model.objects.create_user("editor", password="a-long-correct-password-42")
    visitor.goto("/admin/login/")
    for _ in range(5):
        visitor.page.fill("input[name=username]", "editor")
        visitor.page.fill("input[name=password]", "wrong password")
        with visitor.page.expect_navigation():
            visitor.page.locator("button[type=submit]").first.click()
        if "Too many attempts" in visitor.page.locator("h1").first.inner_text():
            break
    assert visitor.page.locator("h1").first.inner_text() == "Too many attempts to sign in"
    visitor.check_accessibility("sign-in lockout page")
    visitor.check_no_horizontal_scroll()
    visitor.screenshot("sign-in-locked")
