"""The starter contacts (seeds 000 and 001) and the contact directory page."""

from django.core.management import call_command

from services.models import Area, Contact, ContactDirectoryPage, ServicePage
from services.tests.test_contacts import json_ld


def test_shipped_contacts_come_from_the_seeds_and_load_twice_safely(client, starter_site):
    sssen = Contact.objects.get(slug="sssen")
    assert sssen.phone == "01629 532722"
    assert sssen.email == "belinda.james@derbyshire.gov.uk"
    assert sssen.postcode == "S41 8LQ"
    assert sssen.contact_person == "Belinda James"
    for slug in ["senco", "sendiass", "sensory-impairment-service"]:
        role = Contact.objects.get(slug=slug)
        assert (role.phone, role.email, role.address_lines, role.postcode) == ("", "", "", "")
    assert Area.objects.count() == 0  # the seeds name no areas, so none are made
    sssen_page = ServicePage.objects.get(slug="sssen")
    assert [c.slug for c in sssen_page.get_contacts()] == ["sssen"]

    sssen.phone = "01629 000000"  # an editor's change survives a second run
    sssen.save()
    call_command("load_local_offer", verbosity=0, no_index=True)
    assert Contact.objects.get(slug="sssen").phone == "01629 000000"
    assert Contact.objects.count() == 4
    html = client.get("/contacts/").content.decode()
    assert "Belinda James" in html and "S41 8LQ" in html


def test_full_content_loader_ships_the_directory_and_the_sssen_contact(client, starter_site):
    call_command("load_local_offer", verbosity=0, no_index=True)  # safe to run twice
    assert Contact.objects.count() == 4
    assert ContactDirectoryPage.objects.count() == 1
    sssen_page = ServicePage.objects.get(contact_links__contact__slug="sssen")
    assert sssen_page.contact_links.count() == 1
    html = client.get(sssen_page.url).content.decode()
    assert "Belinda James" in html and 'href="tel:01629532722"' in html and "S41 8LQ" in html
    assert 'href="mailto:belinda.james@derbyshire.gov.uk"' in html
    response = client.get("/contacts/")
    assert response.status_code == 200
    assert "4 contacts" in response.content.decode()
    graph = {item["name"]: item for item in json_ld(response)["@graph"]}
    sssen = graph["Support Service for Special Educational Needs (SSSEN)"]
    assert sssen["contactPoint"]["telephone"] == "01629 532722"
    assert sssen["address"]["postalCode"] == "S41 8LQ"
    assert "contactPoint" not in graph["SEND information, advice and support service (SENDIASS)"]
