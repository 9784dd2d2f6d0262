"""The directory's shipped content (issue 11): the taxonomies, the SSSEN service's directory facts
(only what seeds 000 and 001 say) and the 'Find support' page, all loaded from the starter YAML,
and the home page's links to it."""

import pytest

from home.models import HomePage
from services.models import FindSupportPage, Organisation, ServicePage, Taxonomy, TaxonomyTerm

pytestmark = pytest.mark.usefixtures("starter_site")


def test_the_code_of_practice_areas_of_need_are_shipped():
    terms = TaxonomyTerm.objects.filter(taxonomy__code="areas-of-need").order_by("sort_order")
    assert list(terms.values_list("name", flat=True)) == [
        "Communication and interaction",
        "Cognition and learning",
        "Social, emotional and mental health",
        "Sensory and/or physical needs",
    ]
    assert set(Taxonomy.objects.values_list("code", flat=True)) == {"areas-of-need", "age-groups", "support-types"}
    assert all(term.description for term in TaxonomyTerm.objects.all())


def test_sssen_carries_only_the_directory_facts_the_seeds_give():
    sssen = ServicePage.objects.get(slug="sssen")
    assert sssen.organisation == Organisation.objects.get(name="Derbyshire County Council")
    assert sorted(sssen.taxonomy_terms.values_list("code", flat=True)) == [
        "advice-for-schools",  # 001: training delivered to school staff
        "cognition-and-learning",  # 001: 'SSSEN – Cognition and Learning'
        "early-years",  # 001: maintained nursery schools, EYSEN IF plans
        "primary",  # 000, 001: infant, junior and primary schools
        "teaching-support",  # 000: specialist teachers give weekly support to the child
    ]
    # The seeds give no ages in years, no cost, no languages, no opening times and no locations.
    assert (sssen.minimum_age, sssen.maximum_age, sssen.cost) == (None, None, "")
    assert not sssen.cost_options.exists() and not sssen.languages.exists()
    assert not sssen.schedules.exists() and not sssen.location_links.exists()
    assert sssen.status == "active"


def test_find_support_is_a_live_page_under_home_linked_from_the_home_page(client):
    home = HomePage.objects.get()
    page = FindSupportPage.objects.live().get()
    assert (page.title, page.slug) == ("Find support", "find-support")
    assert page.get_parent().pk == home.pk
    assert page.url == "/find-support/"
    text = client.get("/").content.decode()
    assert text.count('href="/find-support/"') >= 2  # the link under the intro and the ways in
    response = client.get("/find-support/?need=cognition-and-learning")
    assert response.status_code == 200
    assert "Support Service for Special Educational Needs (SSSEN)" in response.content.decode()
    assert "1 service matches your search" in response.content.decode()


def test_a_filter_value_we_cannot_use_is_named_with_status_200(client):
    response = client.get("/find-support/?need=made-up&age=%D9%A3")
    text = response.content.decode()
    assert response.status_code == 200
    summary = text.split("govuk-error-summary__list", 1)[1].split("</ul>", 1)[0]
    assert "area of need" in summary and "Enter an age as a whole number" in summary
    assert "Support Service for Special Educational Needs (SSSEN)" in text  # the rest still lists


def test_the_open_data_publishes_the_shipped_service(client):
    sssen = ServicePage.objects.get(slug="sssen")
    body = client.get("/api/openreferral/services").json()
    assert [item["id"] for item in body["contents"]] == [str(sssen.oruk_id)]
    service = client.get(f"/api/openreferral/services/{sssen.oruk_id}").json()
    assert service["organization"]["name"] == "Derbyshire County Council"
    assert client.get("/api/openreferral/services?page=x").status_code == 400
