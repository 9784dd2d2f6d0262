"""The eligibility check in Welsh (issue 12): a translated check works under /cy/ with its
routes, keeps its answers in the address and stays in Welsh to the result. Welsh words are test
words."""

import re
from urllib.parse import urlencode

import pytest

from home.tests.languages import translate
from services.tests.checker_helpers import build_sssen_checker

LIKELY = {"school": "primary", "in-derbyshire": "yes", "plan": "yes", "sssen-named": "yes", "main-need": "yes"}
WELSH_TITLE = "Gwiriwch a all eich plentyn gael cymorth SSSEN"  # test words


@pytest.fixture
def welsh_checker(db):
    checker = build_sssen_checker()
    sssen = checker.get_parent()
    index = sssen.get_parent()
    for page in (index.get_parent(), index, sssen):
        translate(page.specific, "cy")
    return translate(checker, "cy", title=WELSH_TITLE)


def test_the_welsh_check_runs_under_cy_to_the_result(client, welsh_checker):
    assert welsh_checker.url == "/cy/services/sssen/check-if-your-child-can-get-sssen-support/"
    start = client.get(welsh_checker.url)
    assert start.status_code == 200
    html = start.content.decode()
    assert '<html lang="cy"' in html and WELSH_TITLE in html
    assert f'href="{welsh_checker.url}question/' in html

    question = client.get(welsh_checker.url + "question/school/")
    assert question.status_code == 200
    assert '<html lang="cy"' in question.content.decode()

    answered = client.get(
        welsh_checker.url + "question/school/?" + urlencode({"school": "primary", "submitted": "school"})
    )
    assert answered.status_code == 302
    assert answered["Location"].startswith(welsh_checker.url)

    result = client.get(welsh_checker.url + "result/?" + urlencode(LIKELY))
    assert result.status_code == 200
    result_html = result.content.decode()
    assert '<html lang="cy"' in result_html
    # 'Start again' goes back to the Welsh check, not the English one.
    assert re.search(rf'href="{re.escape(welsh_checker.url)}"', result_html)


def test_the_english_check_is_unchanged(client, welsh_checker):
    response = client.get("/services/sssen/check-if-your-child-can-get-sssen-support/")
    assert response.status_code == 200
    assert '<html lang="en-GB"' in response.content.decode()
    assert 'hreflang="cy"' in response.content.decode()


@pytest.mark.django_db
def test_find_support_in_welsh_lists_the_welsh_services_only(client):
    from services.tests.factories import make_service, make_shared_records, make_site

    home, index, finder = make_site()
    shared = make_shared_records()
    service = make_service(index, 1, shared)
    make_service(index, 2, shared)  # not translated
    for page in (home, index, finder):
        translate(page, "cy")
    welsh = translate(service, "cy", title="Gwasanaeth prawf")  # test words

    html = client.get("/cy/find-support/", HTTP_HOST="localhost").content.decode()
    assert '<html lang="cy"' in html
    assert f'href="{welsh.url}"' in html and "Gwasanaeth prawf" in html
    assert "Generated service 001" not in html and "Generated service 002" not in html
    searched = client.get("/cy/find-support/", {"q": "gwasanaeth"}, HTTP_HOST="localhost").content.decode()
    assert "Gwasanaeth prawf" in searched

    english = client.get("/find-support/", HTTP_HOST="localhost").content.decode()
    assert "Generated service 001" in english and "Generated service 002" in english
    assert "Gwasanaeth prawf" not in english
