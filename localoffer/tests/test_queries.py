"""The uncached render is cheap (issue 10): every public page type in at most 10 queries, the
same with 3 or 30 related pages, contacts, figures, terms or items. Measured with the page cache
off (its whole point is 0 queries), after one request has filled the small caches that every
page shares (site settings, footer links, breadcrumbs), as on a running site; and the first
render after a change, which fills them again, takes the same number of queries with 3 or 30
of everything."""

import pytest
from django.test import Client
from django.test.utils import override_settings

from guidance.models import GlossaryTerm, GuidanceIndexPage, GuidancePage, GuidanceRelatedPage
from home.models import HomePage, YouSaidWeDid
from services.models import CheckerPage, Contact, ContactDirectoryPage, ServiceIndexPage, ServicePage
from services.models.pages import ServicePageContact, ServiceReportPage

MAX_QUERIES = 10

pytestmark = pytest.mark.django_db


# --- Small factories ------------------------------------------------------------------------------


def publish(parent, page):
    """A live page (no revision: the renders measured here read only the live page)."""
    parent.add_child(instance=page)
    return page


def add_guidance(index, count, start=0):
    return [
        publish(index, GuidancePage(title=f"Extra guidance {i}", slug=f"extra-{i}"))
        for i in range(start, start + count)
    ]


def add_contacts(count, service=None, start=0):
    contacts = []
    for i in range(start, start + count):
        contact = Contact(slug=f"extra-contact-{i}", name=f"Extra contact {i}", phone="01234 000000")
        contact.save()  # live by default
        if service:
            ServicePageContact.objects.create(page=service, contact=contact, sort_order=i)
        contacts.append(contact)
    return contacts


def key_figures(count):
    figures = [{"value": f"{i}%", "label": f"Figure {i}", "year": "2018 to 2019", "source": ""} for i in range(count)]
    return [("key_figures", {"heading": "Key figures", "intro": "", "figures": figures})]


def build(count, start=0):
    """`count` more of everything on top of the shipped content (numbered from `start`, so a
    second call adds to the first). Returns the addresses to measure."""
    numbers = range(start, start + count)
    guidance_index = GuidanceIndexPage.objects.get()
    guidance = add_guidance(guidance_index, count, start)
    page = GuidancePage.objects.get(slug="what-is-sen-support")
    for i, other in zip(numbers, guidance, strict=True):
        GuidanceRelatedPage.objects.create(source=page, page=other, sort_order=i)
    page.save_revision().publish()

    services = ServiceIndexPage.objects.get()
    for i in numbers:
        publish(services, ServicePage(title=f"Extra service {i}", slug=f"extra-service-{i}"))
    service = ServicePage.objects.get(slug="sssen")
    add_contacts(count, service, start)
    for i in numbers:
        publish(service, ServiceReportPage(title=f"Report {i}", slug=f"report-{i}", body=key_figures(start + count)))
    # The last report has as many figures as there are of everything.
    report = ServiceReportPage.objects.get(slug=f"report-{start + count - 1}")

    for i in numbers:
        term = GlossaryTerm(term=f"XQ{i:02d}", full_form=f"Extra term {i}", meaning="A test term.", slug=f"xq{i}")
        term.save()  # live by default
    for i in numbers:
        item = YouSaidWeDid(you_said=f"Comment {i}", we_did=f"Answer {i}")
        item.save()  # live by default

    directory = ContactDirectoryPage.objects.get()
    contact = Contact.objects.get(slug="sssen")
    return {
        "home": HomePage.objects.get().url,
        "information": "/accessibility-statement/",
        "guidance index": guidance_index.url,
        "guidance page with related pages": page.url,
        "service index": services.url,
        "service page with contacts and child pages": service.url,
        "report with key figures": report.url,
        "eligibility check start": CheckerPage.objects.get().url,
        "contact directory": directory.url,
        "contact directory, filtered": directory.url + "?audience=parents&q=extra",
        "contact page": contact.get_url(directory),
        "contact card": contact.get_url(directory) + "vcard/",
        "glossary": "/glossary/",
        "you said, we did": "/you-said-we-did/",
        "not found": "/no-such-page/",
    }


@pytest.mark.parametrize("count", [3, 30])
def test_every_public_page_type_renders_in_at_most_10_queries(loaded_site, count, django_assert_max_num_queries):
    urls = build(count)
    client = Client()
    with override_settings(PAGE_CACHE_ENABLED=False):
        for name, url in urls.items():
            first = client.get(url)
            assert first.status_code == (404 if name == "not found" else 200), (name, url)
            with django_assert_max_num_queries(MAX_QUERIES, info=f"{name}: {url}"):
                response = client.get(url)
            assert response.content == first.content or name.startswith("contact"), name
    # The lists really hold `count` items.
    html = client.get(urls["guidance page with related pages"]).content.decode()
    assert html.count("Extra guidance") >= count
    service_html = client.get(urls["service page with contacts and child pages"]).content.decode()
    assert service_html.count("Extra contact") >= count
    assert client.get(urls["report with key figures"]).content.decode().count("Figure ") >= count


def first_render_queries(client, url):
    """The queries of the first render of `url` after a change: what is kept until the next
    change (settings, footer, the page found for the path with its contacts, child pages and
    related pages) is worked out again."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.cache import bump_generation

    bump_generation()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_the_first_render_after_a_change_takes_the_same_queries_with_3_or_30_of_everything(loaded_site):
    """What the renders above find kept is worked out, after a change, in a fixed number of
    queries too: none per related page, contact, figure, term or item."""
    client = Client()
    with override_settings(PAGE_CACHE_ENABLED=False):
        urls = build(3)
        few = {name: first_render_queries(client, url) for name, url in urls.items()}
        urls = build(27, start=3)
        many = {name: first_render_queries(client, url) for name, url in urls.items()}
    assert all(count > 0 for count in few.values()), few
    assert many == few
    html = client.get(urls["service page with contacts and child pages"]).content.decode()
    assert html.count("Extra contact") >= 30
