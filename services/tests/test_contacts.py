"""The contact directory: contact snippets, the directory page and its filters, contact pages,
contact cards (vCard), JSON-LD, the service page's contacts, bad input and query counts."""

import json
import re

import pytest
import vobject
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home.models import HomePage
from home.tests.helpers import fresh, kept_for_several_tests
from services.directory import clean_search_text, escape_vcard_text, fold_line, make_vcard
from services.models import Area, Contact, ContactDirectoryPage, ServiceIndexPage, ServicePage
from services.models.pages import ServicePageContact

# --- Helpers ----------------------------------------------------------------------------------


def publish_page(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_contact(slug, live=True, services=(), areas=(), **fields):
    fields.setdefault("name", slug.replace("-", " ").title())
    contact = Contact(slug=slug, **fields)
    contact.save()
    if areas:
        contact.areas.set(areas)
        contact.save()
    if live:
        contact.save_revision().publish()
    else:
        contact.live = False
        contact.save()
        contact.save_revision()
    for service in services:
        ServicePageContact.objects.create(page=service, contact=contact)
    return contact


def build_tree():
    root = Page.get_first_root_node()
    home = publish_page(root, HomePage(title="Test home", slug="test-home"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    index = publish_page(home, ServiceIndexPage(title="Services", slug="services"))
    alpha = publish_page(index, ServicePage(title="Alpha service", slug="alpha"))
    beta = publish_page(index, ServicePage(title="Beta service", slug="beta"))
    directory = publish_page(home, ContactDirectoryPage(title="Contact directory", slug="contacts"))
    north = Area.objects.create(name="North area", slug="north")
    south = Area.objects.create(name="South area", slug="south")
    return {"home": home, "alpha": alpha, "beta": beta, "directory": directory, "north": north, "south": south}


def build_people(tree):
    """Four live contacts and one draft, spread across services, audiences and areas."""
    return {
        "team": make_contact(
            "alpha-team",
            name="Alpha team",
            phone="01234 000001",
            email="alpha@example.org",
            audience="schools",
            services=[tree["alpha"]],
            areas=[tree["north"]],
        ),
        "parents": make_contact(
            "parent-line",
            name="Parent line",
            role="Adviser",
            audience="parents",
            phone="01234 000002",
            services=[tree["alpha"], tree["beta"]],
            areas=[tree["south"]],
        ),
        "everyone": make_contact("beta-desk", name="Beta desk", audience="everyone", services=[tree["beta"]]),
        "role": make_contact("school-senco", name="School SENCO", kind="role", audience="parents"),
        "draft": make_contact("secret-draft", name="Secret draft", live=False, services=[tree["alpha"]]),
    }


# The tree and the people are built once for this module (home/tests/helpers.py,
# kept_for_several_tests); each test's changes are rolled back after it. The tests that use the
# tree alone run first (services/tests/conftest.py), before the people are added.


@pytest.fixture(scope="module")
def _kept_tree(django_db_setup, django_db_blocker):
    with kept_for_several_tests(django_db_blocker) as build:
        yield build(build_tree)


@pytest.fixture(scope="module")
def _kept_people(_kept_tree, django_db_blocker):
    with kept_for_several_tests(django_db_blocker) as build:
        yield build(lambda: build_people(_kept_tree))


@pytest.fixture
def tree(_kept_tree, db):
    return fresh(_kept_tree)


@pytest.fixture
def people(_kept_people, tree):
    return fresh(_kept_people)


def names_in(response):
    """The names of the contacts listed, from the headings that link to their pages."""
    html = response.content.decode()
    return set(re.findall(r'<h3 class="govuk-heading-m">\s*<a class="govuk-link" href="[^"]+">([^<]+)</a>', html))


def json_ld(response):
    html = response.content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD script"
    return json.loads(match.group(1))


# --- The directory and its filters --------------------------------------------------------------


def test_directory_lists_live_contacts_grouped_by_service(client, people):
    response = client.get("/contacts/")
    assert response.status_code == 200
    assert names_in(response) == {"Alpha team", "Parent line", "Beta desk", "School SENCO"}
    html = response.content.decode()
    assert "4 contacts" in html
    assert "Secret draft" not in html
    # A contact for two services is shown under both; one with no service under 'Other'.
    assert html.count(">Parent line</a>") == 2
    assert html.index("Alpha service") < html.index("Beta service") < html.index("Other contacts and roles")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("service={alpha}", {"Alpha team", "Parent line"}),
        ("service={beta}", {"Parent line", "Beta desk"}),
        ("audience=parents", {"Parent line", "Beta desk", "School SENCO"}),
        ("audience=schools", {"Alpha team", "Beta desk"}),
        ("audience=parents&audience=schools", {"Alpha team", "Parent line", "Beta desk", "School SENCO"}),
        ("area=north", {"Alpha team"}),
        ("area=south", {"Parent line"}),
        ("q=line", {"Parent line"}),
        ("q=ADVISER", {"Parent line"}),
        ("q=senco", {"School SENCO"}),
        ("service={alpha}&audience=parents", {"Parent line"}),
        ("service={beta}&area=south&q=parent", {"Parent line"}),
        ("service={alpha}&area=south&audience=schools", set()),
    ],
)
def test_filters_narrow_the_list(client, tree, people, query, expected):
    url = "/contacts/?" + query.format(alpha=tree["alpha"].pk, beta=tree["beta"].pk)
    response = client.get(url)
    assert response.status_code == 200
    assert names_in(response) == expected
    count = len(expected)
    if count:
        assert f"{count} contact{'s' if count != 1 else ''} match" in response.content.decode()
    else:
        assert "No contacts match" in response.content.decode()


ALL_LIVE = {"Alpha team", "Parent line", "Beta desk", "School SENCO"}


@pytest.mark.parametrize(
    "query",
    [
        "q=nobody-by-this-name",
        "q=" + "x" * 5000,
        "q=%00%00null",
        "q=%3Cscript%3Ealert(1)%3C/script%3E",
        "q=%F0%9F%A6%84%20caf%C3%A9",
        "q=%22unbalanced",
    ],
)
def test_odd_search_text_gives_an_empty_state(client, people, query):
    response = client.get("/contacts/?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "No contacts match" in html
    assert "0 contacts match" in html
    assert names_in(response) == set()
    assert "<script>alert(1)</script>" not in html
    assert "There is a problem" not in html


@pytest.mark.parametrize(
    ("query", "message", "anchor"),
    [
        ("service=abc", "The service must be a whole number", "contacts-service"),
        ("service=999999", "We do not recognise that service", "contacts-service"),
        ("service=-1", "The service must be between 1", "contacts-service"),
        ("service=%00", "The service must be a whole number", "contacts-service"),
        ("audience=pirates", "We do not recognise who the contact should be for", "contacts-audience-parents"),
        ("audience=parents&audience=bogus", "We do not recognise who the contact", "contacts-audience-parents"),
        ("area=nowhere", "We do not recognise that area", "contacts-area"),
        ("area=%00", "We do not recognise that area", "contacts-area"),
    ],
)
def test_unknown_filter_values_are_dropped_with_a_govuk_error(client, people, query, message, anchor):
    """A value we cannot use is named in a GOV.UK error summary that links to its input, and
    the list is shown without that filter (never a 500, never a silent empty list)."""
    response = client.get("/contacts/?" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    assert f'href="#{anchor}"' in html
    assert f'id="{anchor}"' in html
    assert names_in(response) == ALL_LIVE


def test_markup_in_search_text_is_escaped_in_the_page(client, people):
    html = client.get("/contacts/?q=%3Cb%3Ebold%3C/b%3E").content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<b>bold</b>" not in html


def test_clean_search_text_drops_control_characters_and_is_short():
    assert clean_search_text("a\x00b\n c") == "a b c"
    assert len(clean_search_text("y" * 5000)) == 100


def test_filter_form_works_without_javascript(client, tree, people):
    html = client.get("/contacts/").content.decode()
    form = re.search(r'<form class="lo-filters" method="get" action="([^"]+)"', html)
    assert form and form.group(1) == "/contacts/"
    assert '<button class="govuk-button" type="submit"' in html
    assert f'<option value="{tree["alpha"].pk}">Alpha service</option>' in html
    assert 'name="audience" type="checkbox" value="parents"' in html
    assert '<option value="north">North area</option>' in html


# --- Contact pages, 404s and drafts -----------------------------------------------------------


def test_contact_page_shows_links_and_postcode(client, tree):
    make_contact(
        "full",
        name="Full details team",
        contact_person="Ann Example",
        role="Head of Service",
        phone="+44 (0)1234 000 009",
        email="full@example.org",
        organisation="Example Council",
        address_lines="Unit 1\nSome Road",
        town="Sometown",
        postcode="AB1 2CD",
        services=[tree["alpha"]],
    )
    response = client.get("/contacts/full/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="tel:+4401234000009"' in html
    assert 'href="mailto:full@example.org"' in html
    assert "AB1 2CD" in html
    assert "Ann Example" in html
    assert 'href="/contacts/full/vcard/"' in html
    assert ">Alpha service</a>" in html


def test_unknown_or_draft_contact_is_404(client, people):
    assert client.get("/contacts/no-such-contact/").status_code == 404
    assert client.get("/contacts/no-such-contact/vcard/").status_code == 404
    assert client.get("/contacts/secret-draft/").status_code == 404
    assert client.get("/contacts/secret-draft/vcard/").status_code == 404
    assert client.get("/contacts/alpha-team/nope/").status_code == 404


def test_role_without_details_has_no_card_and_says_how_to_reach_it(client, tree):
    make_contact("teacher", name="Class teacher", kind="role", how_to_contact="Ask at the school gate.")
    response = client.get("/contacts/teacher/")
    assert response.status_code == 200
    assert "Ask at the school gate." in response.content.decode()
    assert "Download contact card" not in response.content.decode()
    assert client.get("/contacts/teacher/vcard/").status_code == 404


def test_draft_contacts_are_not_on_service_pages(client, tree, people):
    html = client.get(tree["alpha"].url).content.decode()
    assert "Alpha team" in html
    assert "Secret draft" not in html


# --- vCards -----------------------------------------------------------------------------------


def test_vcard_escapes_commas_semicolons_and_backslashes():
    assert escape_vcard_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_fold_line_keeps_lines_within_75_octets_and_never_splits_a_character():
    line = "NOTE:" + "é" * 100 + "x" * 100
    folded = fold_line(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if i else part for i, part in enumerate(parts)) == line


def test_vcard_download_is_valid_and_opens_in_a_real_parser(client, tree):
    make_contact(
        "tricky",
        name="Team A, B; and C\\D",
        contact_person="Ann Example",
        role="Head of Service, North; South",
        description=" ".join(["A very long description"] * 8),
        phone="01234 000003",
        email="tricky@example.org",
        organisation="Example Council",
        address_lines="Floor 2, Block B\nLong Road; East",
        town="Sometown",
        postcode="AB1 2CD",
    )
    response = client.get("/contacts/tricky/vcard/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vcard")
    assert 'filename="tricky.vcf"' in response["Content-Disposition"]
    raw = response.content
    assert raw.endswith(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    text = raw.decode("utf-8")
    assert "ORG:Example Council;Team A\\, B\\; and C\\\\D" in text.replace("\r\n ", "")
    card = vobject.readOne(text)
    assert card.fn.value == "Ann Example"
    assert card.title.value == "Head of Service, North; South"
    assert card.tel.value == "01234 000003"
    assert card.email.value == "tricky@example.org"
    assert card.org.value == ["Example Council", "Team A, B; and C\\D"]
    assert card.adr.value.code == "AB1 2CD"
    assert card.adr.value.street == "Floor 2, Block B\nLong Road; East"
    assert card.note.value == " ".join(["A very long description"] * 8)
    assert card.url.value == "http://testserver/contacts/tricky/"


def test_make_vcard_for_a_team_without_a_person():
    contact = Contact(name="Only a team", slug="t", phone="01234 000004")
    card = vobject.readOne(make_vcard(contact))
    assert card.fn.value == "Only a team"
    assert card.version.value == "3.0"


# --- JSON-LD ----------------------------------------------------------------------------------


def test_contact_page_json_ld_names_the_telephone(client, tree):
    make_contact(
        "ld",
        name="LD team </script><script>alert(1)</script>",
        role="Head of Service",
        phone="01234 000005",
        email="ld@example.org",
        address_lines="Some Road",
        town="Sometown",
        postcode="AB1 2CD",
    )
    response = client.get("/contacts/ld/")
    html = response.content.decode()
    assert "</script><script>alert(1)" not in html
    data = json_ld(response)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"].startswith("LD team </script>")
    assert data["contactPoint"] == {
        "@type": "ContactPoint",
        "contactType": "Head of Service",
        "telephone": "01234 000005",
        "email": "ld@example.org",
    }
    assert data["address"]["postalCode"] == "AB1 2CD"
    assert data["address"]["@type"] == "PostalAddress"


def test_directory_json_ld_lists_contacts_with_details(client, people):
    data = json_ld(client.get("/contacts/"))
    graph = {item["name"]: item for item in data["@graph"]}
    assert graph["Alpha team"]["contactPoint"]["telephone"] == "01234 000001"
    assert graph["Parent line"]["contactPoint"]["telephone"] == "01234 000002"
    assert "School SENCO" not in graph  # a role with no details is not an organisation
    assert "Secret draft" not in graph


# --- A changed snippet shows everywhere ---------------------------------------------------------


def test_published_change_shows_on_every_page_that_uses_the_contact(client, tree, people):
    contact = Contact.objects.get(slug="alpha-team")
    pages = [tree["alpha"].url, "/contacts/", "/contacts/alpha-team/"]
    for url in pages:
        assert "01234 000001" in client.get(url).content.decode()

    # A saved draft is not public yet...
    draft = contact.get_latest_revision_as_object()
    draft.phone = "01234 999999"
    revision = draft.save_revision()
    for url in pages:
        html = client.get(url).content.decode()
        assert "01234 000001" in html and "01234 999999" not in html

    # ...and once published, every page shows the new number, and no page the old one.
    revision.publish()
    for url in pages:
        html = client.get(url).content.decode()
        assert "01234 999999" in html and 'href="tel:01234999999"' in html
        assert "01234 000001" not in html
    assert json_ld(client.get("/contacts/alpha-team/"))["contactPoint"]["telephone"] == "01234 999999"


def test_unpublished_contact_disappears_from_every_page(client, tree, people):
    people["team"].unpublish()
    for url in [tree["alpha"].url, "/contacts/"]:
        assert "Alpha team" not in client.get(url).content.decode()
    assert client.get("/contacts/alpha-team/").status_code == 404


def test_service_page_shows_its_contacts_in_the_editors_order(client, tree, people):
    html = client.get(tree["beta"].url).content.decode()
    assert 'id="contacts"' in html
    assert html.index("Parent line") < html.index("Beta desk")
    assert 'href="/contacts/parent-line/"' in html
    assert 'href="tel:01234000002"' in html


# --- Query counts -----------------------------------------------------------------------------


@override_settings(PAGE_CACHE_ENABLED=False)  # the render's own queries, not the page cache's
def count_queries(client, url):
    """The queries of the first render after a change: everything kept until the next change
    (settings, footer, the page found for the path with its contacts) is worked out again."""
    from home.cache import bump_generation

    client.get(url)
    bump_generation()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_contacts(tree, start, count):
    for i in range(start, start + count):
        make_contact(
            f"bulk-{i}",
            name=f"Bulk contact {i}",
            phone="01234 000000",
            services=[tree["alpha"] if i % 2 else tree["beta"]],
            areas=[tree["north"]],
        )


@pytest.mark.parametrize("url", ["/contacts/", "/contacts/?audience=parents&area=north&q=bulk"])
def test_directory_queries_do_not_grow_with_the_number_of_contacts(client, tree, url):
    add_contacts(tree, 0, 3)
    few = count_queries(client, url)
    add_contacts(tree, 3, 27)
    many = count_queries(client, url)
    assert 0 < few == many
    assert "30 contacts" in client.get("/contacts/").content.decode()


def test_service_page_contact_queries_do_not_grow(client, tree):
    add_contacts(tree, 0, 3)
    few = count_queries(client, tree["alpha"].url)
    add_contacts(tree, 3, 27)
    many = count_queries(client, tree["alpha"].url)
    assert 0 < few == many


# --- Admin ------------------------------------------------------------------------------------


def test_admin_snippet_listings_work_for_a_superuser(client, people):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "a-long-test-password")
    client.force_login(user)
    response = client.get("/admin/snippets/services/contact/")
    assert response.status_code == 200
    assert "Alpha team" in response.content.decode()
    assert client.get("/admin/snippets/services/contact/?kind=role&live=true").status_code == 200
    assert client.get("/admin/snippets/services/area/").status_code == 200
    edit = client.get(f"/admin/snippets/services/contact/edit/{people['team'].pk}/")
    assert edit.status_code == 200
    page_edit = client.get(f"/admin/pages/{people['team'].service_links.first().page_id}/edit/")
    assert page_edit.status_code == 200
    assert "contact_links-TOTAL_FORMS" in page_edit.content.decode()


def test_editors_can_preview_a_contact(people):
    contact = people["team"]
    contact.phone = "01234 555555"  # an unsaved change, as in the editor's form
    response = contact.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Alpha team" in html and 'href="tel:01234555555"' in html


def test_anonymous_user_cannot_see_the_admin_listing(client, people):
    response = client.get("/admin/snippets/services/contact/")
    assert response.status_code == 302


def test_site_search_backend_finds_live_contacts_by_name_role_and_description(tree):
    from wagtail.search.backends import get_search_backend

    make_contact("finder", name="Hearing team", role="Teacher of the deaf", description="Visits nurseries.")
    make_contact("hidden", name="Hearing draft", live=False)
    backend = get_search_backend()
    for words in ["Hearing", "deaf", "nurseries"]:
        found = {c.slug for c in backend.search(words, Contact.objects.live())}
        assert found == {"finder"}, words
