"""The starter glossary: its terms, the A to Z page, and terms explained on the pages."""

import pytest
from django.core.cache import cache
from django.core.management import call_command

from guidance.models import GLOSSARY_CACHE_KEY, GlossaryPage, GlossaryTerm
from guidance.templatetags.glossary import get_glossary_entries


@pytest.fixture
def glossary(starter_site):
    return GlossaryPage.objects.get()


def test_loader_ships_terms_and_is_safe_to_run_twice(glossary):
    count = GlossaryTerm.objects.count()
    assert count >= 25
    for term in ["EHC plan", "EHC needs assessment", "SENCO", "SEN", "SEND", "SEN Support", "SSP", "GRIP",
                 "EYSEN IF", "SSSEN", "SSAP", "OAP", "CAMHS", "P levels", "Rochford Review", "QDD", "SES",
                 "CPD", "FTE", "SENDIASS", "Ofsted", "Graduated approach", "Statement of SEN"]:  # fmt: skip
        assert GlossaryTerm.objects.filter(term=term, live=True).exists(), term
    call_command("load_local_offer", verbosity=0, no_index=True)
    assert GlossaryTerm.objects.count() == count


def test_a_to_z_page(client, glossary):
    response = client.get(glossary.url)
    body = response.content.decode()
    assert response.status_code == 200
    assert 'aria-label="Letters A to Z"' in body
    assert 'href="#letter-E"' in body and 'id="letter-E"' in body
    assert 'id="ehc-plan"' in body and "Education, Health and Care plan" in body
    assert "Also called:" in body and "EHCP" in body
    # Letters with no terms are not links.
    assert 'href="#letter-X"' not in body
    # Terms are in A to Z order, 'the' ignored.
    positions = [body.index(f'id="{slug}"') for slug in ("camhs", "ehc-plan", "graduated-approach", "sssen")]
    assert positions == sorted(positions)
    # The glossary does not explain itself.
    assert "lo-glossary-link" not in body


def test_content_pages_explain_terms_at_first_use(client, glossary):
    page = GlossaryPage.objects.get()
    entries = get_glossary_entries()
    assert ("EHC plan", "Education, Health and Care plan", f"{page.url}#ehc-plan", "ehc-plan") in entries
    body = client.get("/").content.decode()
    main = body[body.index('id="main-content"') :]
    # Explained exactly once, at its first use.
    assert main.count('<abbr title="special educational needs and disabilities">SEND</abbr>') == 1


def test_cache_cleared_when_a_term_is_published(glossary):
    get_glossary_entries()
    assert cache.get(GLOSSARY_CACHE_KEY) is not None
    term = GlossaryTerm.objects.get(slug="camhs")
    term.full_form = "Child and Adolescent Mental Health Service"
    term.save_revision().publish()
    assert cache.get(GLOSSARY_CACHE_KEY) is None
    assert any(e[1] == "Child and Adolescent Mental Health Service" for e in get_glossary_entries())


def test_draft_terms_are_not_explained_or_listed(glossary):
    term = GlossaryTerm.objects.get(slug="camhs")
    term.live = False
    term.save()
    assert all(e[3] != "camhs" for e in get_glossary_entries())
