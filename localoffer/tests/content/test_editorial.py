"""The starter 'You said, we did' page."""

from home.models import HomePage, YouSaidWeDid, YouSaidWeDidPage


def test_you_said_we_did_page_ships_with_no_invented_comments(client, starter_site):
    page = YouSaidWeDidPage.objects.get(slug="you-said-we-did")
    assert page.live and page.get_parent().specific_class is HomePage
    assert "regulation 56" in page.intro
    assert YouSaidWeDid.objects.count() == 0  # the seeds hold no comments
    assert "We have not published any comments yet" in client.get(page.url).content.decode()
