"""The content loader builds the SSSEN check under the SSSEN page, with results that link to the
live guidance pages, the SSSEN page and the contact directory; a second run changes nothing."""

import pytest
from django.core.management import call_command

from services.models import CheckerPage, ServicePage


@pytest.fixture
def loaded(starter_site):
    return None


def results_by_slug(page):
    return {block.value["slug"]: block.value for block in page.results}


def test_the_check_is_built_under_the_sssen_page(client, loaded):
    checker = CheckerPage.objects.get()
    assert checker.title == "Check if your child can get SSSEN support"
    assert checker.live
    assert isinstance(checker.get_parent().specific, ServicePage)
    assert checker.get_parent().slug == "sssen"
    assert client.get(checker.url).status_code == 200
    html = client.get(checker.get_parent().url).content.decode()
    assert f'href="{checker.url}"' in html
    home = client.get("/").content.decode()
    assert f'<a class="govuk-link" href="{checker.url}">Check if your child can get SSSEN support</a>' in home


def test_results_link_to_live_pages(client, loaded):
    checker = CheckerPage.objects.get()
    results = results_by_slug(checker)
    linked = {slug: [link["page"].slug for link in result["links"]] for slug, result in results.items()}
    directory = [link["page"] for link in results["likely"]["links"] if link["text"] == "Contact directory"]
    assert directory, "the likely result links to the contact directory"
    assert "sssen" in linked["likely"]
    assert len(linked["not-likely-plan"]) >= 6  # SEN Support, four stages, plans, SSAP, Enhanced, EHC, directory
    for result in results.values():
        for link in result["links"]:
            assert link["page"].live
    html = client.get(checker.url + "result/?school=primary&in-derbyshire=yes&plan=no").content.decode()
    for link in results["not-likely-plan"]["links"]:
        assert f'href="{link["page"].url}"' in html


def test_a_second_run_changes_nothing(loaded):
    checker = CheckerPage.objects.get()
    revisions = checker.revisions.count()
    call_command("load_local_offer", verbosity=0)
    assert CheckerPage.objects.count() == 1
    assert CheckerPage.objects.get().revisions.count() == revisions
