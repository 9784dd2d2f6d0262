"""Issue 13 in a real browser: a comment goes from the comments form to a published,
anonymised 'You said, we did' item through approval (the editor is warned about the child's
name and the email address, and takes them out); 'What our Local Offer covers' passes axe and
does not scroll sideways at 320 px."""

from urllib.parse import urlsplit

from home.models import Feedback, YouSaidWeDid

from .test_editors import Editor, people, sign_in  # noqa: F401 (fixtures)

FOOTER_MENU = ".footer__container button.dropdown-toggle, footer [data-w-dropdown-target=toggle]"
COMMENT = "My son Jake could not read the PDFs on his phone. Email me at jo@example.org"
ANONYMISED = "A parent could not read the PDFs on a phone."


def test_a_comment_becomes_a_published_anonymised_you_said_we_did_item(visitor, sign_in):  # noqa: F811
    # A parent comments on the Local Offer as a whole, from the 'You said, we did' page.
    visitor.goto("/you-said-we-did/")
    with visitor.page.expect_navigation():
        visitor.page.get_by_role("link", name="Comment on the Local Offer").click()
    visitor.check_accessibility("comments form")
    visitor.screenshot("comment-on-the-local-offer")
    visitor.page.get_by_label("How easy the information is to find, read and use").check()
    visitor.page.get_by_label("Your comment").fill(COMMENT)
    with visitor.page.expect_navigation():
        visitor.page.get_by_role("button", name="Send comment").click()
    assert "Thank you for your feedback" in visitor.page.content()
    feedback = Feedback.objects.get()
    assert (feedback.page, feedback.about) == (None, "accessibility")

    # An editor starts an item from it, is warned about personal data, takes it out and submits.
    editor = sign_in("editor")
    editor.goto("/admin/reports/local-offer-coverage/")
    assert "Local Offer coverage" in editor.page.content()
    editor.visitor.screenshot("admin-local-offer-coverage")
    editor.goto(f"/admin/feedback/inspect/{feedback.pk}/")
    with editor.page.expect_navigation():
        editor.page.get_by_role("button", name="Start a 'You said, we did' item from this comment").click()
    page = editor.page
    page.fill("#id_we_did", "We are adding web pages instead of PDFs.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save draft").click()
    page.wait_for_load_state("networkidle")
    warning = page.locator(".messages").inner_text()
    assert "may identify someone" in warning and "My son Jake" in warning and "jo@example.org" in warning
    page.fill("#id_you_said", ANONYMISED)
    page.fill("#id_action", "Every PDF will have a web page by next spring.")
    page.locator(FOOTER_MENU).first.click()
    with page.expect_navigation():
        page.locator("button[name=action-submit]").click()
    page.wait_for_load_state("networkidle")
    assert "may identify someone" not in page.locator(".messages").inner_text()
    item = YouSaidWeDid.objects.get()
    assert not item.live
    assert item.about == "accessibility"

    # A moderator approves it; the public page shows it without the personal data.
    moderator = sign_in("moderator")
    moderator.goto(f"/admin/snippets/home/yousaidwedid/edit/{item.pk}/")
    moderator.page.locator(FOOTER_MENU).first.click()
    with moderator.page.expect_navigation():
        moderator.page.get_by_role("button", name="Approve and Publish").click()
    item.refresh_from_db()
    assert item.live

    visitor.goto("/you-said-we-did/")
    html = visitor.page.content()
    assert ANONYMISED in html and "Every PDF will have a web page" in html
    assert "Jake" not in html and "jo@example.org" not in html


def test_the_coverage_page_passes_axe_at_every_width(visitor):
    visitor.goto("/")
    with visitor.page.expect_navigation():
        visitor.page.locator("footer").get_by_role("link", name="What our Local Offer covers").click()
    assert urlsplit(visitor.page.url).path == "/what-our-local-offer-covers/"
    assert visitor.page.locator("h2", has_text="Travel to school or college").count() == 1
    visitor.check_accessibility("coverage page")
    visitor.screenshot("what-our-local-offer-covers")
    visitor.check_no_horizontal_scroll()
    visitor.check_accessibility("coverage page at 320px")
