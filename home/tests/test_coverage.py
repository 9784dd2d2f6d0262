"""The Local Offer duties (Schedule 2 and regulations 53 to 57): the shipped list and its honest
'checked' marks, tags on the shipped pages, no deleting, the public 'What our Local Offer
covers' page (every duty, an honest 'not yet', a fixed number of queries, the page cache) and
the editors' 'Local Offer coverage' report with its CSV export and dashboard count."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.db.models import ProtectedError
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from home.coverage import GAP, OVERDUE_ONLY, coverage_map, coverage_report, taxonomy_terms
from home.models import CheckStatus, CoveragePage, PageCoverage, Schedule2Item

from .helpers import make_user

COVERAGE_URL = "/what-our-local-offer-covers/"
# What research could check against the text of the regulations on legislation.gov.uk.
CHECKED = {
    "schedule-2-1-provision-in-the-area",
    "schedule-2-2-provision-outside-the-area",
    "schedule-2-3a-mainstream",
    "schedule-2-3b-special-schools",
    "schedule-2-3c-secured-by-the-council",
    "schedule-2-3d-funding",
    "regulation-53-include-schedule-2",
    "regulation-54-consultation",
}


def tagged_page(slug):
    """A live page of the starter site that covers the duty `slug`."""
    return Page.objects.live().filter(covers__item__slug=slug).first()


# --- The list -------------------------------------------------------------------------------


def test_the_shipped_list_marks_only_what_was_checked_against_the_law(starter_site):
    items = list(Schedule2Item.objects.all())
    assert len(items) == 34
    checked = {item.slug for item in items if item.check_status == CheckStatus.PRIMARY}
    paragraph_5 = {item.slug for item in items if item.slug.startswith("schedule-2-5")}
    assert len(paragraph_5) == 10
    assert checked == CHECKED | paragraph_5
    for item in items:
        assert item.name and item.gist and item.reference and item.source_note
        if not item.is_checked:
            assert "Not checked" in item.source_note or "not checked" in item.source_note.lower()
    # An item whose paragraph number is unknown does not claim one.
    travel = Schedule2Item.objects.get(slug="schedule-2-travel")
    assert "not checked" in travel.reference
    assert [entry["id"] for entry in taxonomy_terms()] == [item.slug for item in items]


def test_the_shipped_pages_are_tagged(starter_site):
    assert tagged_page("regulation-56-comments").specific_class.__name__ == "YouSaidWeDidPage"
    assert tagged_page("schedule-2-3c-secured-by-the-council").slug == "sssen"
    assert tagged_page("schedule-2-travel") is None  # nothing shipped covers travel: it must say 'not yet'
    assert PageCoverage.objects.count() == 20


# --- Nobody deletes a duty -------------------------------------------------------------------------


def test_nobody_can_delete_a_duty(client, starter_site):
    item = Schedule2Item.objects.get(slug="schedule-2-travel")
    client.force_login(make_user("boss", superuser=True))
    delete_url = reverse("wagtailsnippets_home_schedule2item:delete", args=[item.pk])
    for response in (client.get(delete_url), client.post(delete_url)):
        # Wagtail's answer to a permission it refuses: back to the dashboard with a message.
        assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    edit = client.get(reverse("wagtailsnippets_home_schedule2item:edit", args=[item.pk]))
    assert edit.status_code == 200
    assert delete_url not in edit.content.decode()
    listing = client.get(reverse("wagtailsnippets_home_schedule2item:list")).content.decode()
    assert delete_url not in listing
    assert Schedule2Item.objects.filter(pk=item.pk).exists()
    # A tagged duty is protected in the database too.
    with pytest.raises(ProtectedError):
        Schedule2Item.objects.get(slug="regulation-56-comments").delete()


def test_editors_can_reword_a_duty(client, starter_site):
    item = Schedule2Item.objects.get(slug="schedule-2-travel")
    client.force_login(make_user("ed", group="Editors"))
    url = reverse("wagtailsnippets_home_schedule2item:edit", args=[item.pk])
    response = client.post(
        url,
        {
            "reference": item.reference,
            "name": "Getting to school or college",
            "gist": item.gist,
            "check_status": item.check_status,
            "source_note": item.source_note,
            "sort_order": item.sort_order,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.name == "Getting to school or college"
    assert client.post(reverse("wagtailsnippets_home_schedule2item:delete", args=[item.pk])).status_code == 302
    assert Schedule2Item.objects.filter(pk=item.pk).exists()


# --- The public page ---------------------------------------------------------------------------------


def test_the_coverage_page_lists_every_duty_and_an_honest_not_yet(client, starter_site):
    response = client.get(COVERAGE_URL)
    assert response.status_code == 200
    html = response.content.decode()
    for item in Schedule2Item.objects.all():
        assert f'id="{item.slug}"' in html
    travel = html[html.index('id="schedule-2-travel"') :]
    travel = travel[: travel.index("</section>")]
    assert "Not yet." in travel and 'href="/contacts/"' in travel and reverse("home:feedback_comment") in travel
    sssen = html[html.index('id="schedule-2-3c-secured-by-the-council"') :]
    sssen = sssen[: sssen.index("</section>")]
    assert "/services/sssen/" in sssen and "Not yet." not in sssen
    # Only a checked duty shows where it is in the law.
    assert "In the law: Schedule 2, paragraph 3(c)" in html
    assert "In the law: Schedule 2 (paragraph number not checked)" not in html
    # Linked from the home page and the footer.
    home = client.get("/").content.decode()
    assert home.count(f'href="{COVERAGE_URL}"') >= 2


def test_the_coverage_page_reads_a_fixed_number_of_queries(client, starter_site):
    from django.db import connection

    from home.cache import bump_generation

    def queries():
        bump_generation()
        with CaptureQueriesContext(connection) as context:
            assert client.get(COVERAGE_URL).status_code == 200
        return len(context)

    queries()  # the first render fills process-wide caches (content types)
    before = queries()
    page = Page.objects.get(url_path__endswith="/glossary/")
    for n in range(5):
        item = Schedule2Item.objects.create(slug=f"extra-{n}", reference="Test", name=f"Extra duty {n}", gist="A test.")
        PageCoverage.objects.create(page=page, item=item)
    assert queries() == before


def test_publishing_a_tagged_page_refreshes_the_cached_coverage_page(client, starter_site):
    client.get(COVERAGE_URL)
    cached = client.get(COVERAGE_URL)
    assert cached.headers.get("X-Page-Cache") == "hit"
    html = cached.content.decode()
    travel = html[html.index('id="schedule-2-travel"') :]
    assert "Glossary" not in travel[: travel.index("</section>")]

    glossary = Page.objects.get(url_path__endswith="/glossary/").specific
    glossary.covers.add(PageCoverage(item=Schedule2Item.objects.get(slug="schedule-2-travel")))
    glossary.save_revision().publish()

    html = client.get(COVERAGE_URL).content.decode()
    travel = html[html.index('id="schedule-2-travel"') :]
    assert "Glossary" in travel[: travel.index("</section>")]


def test_drafts_and_unpublished_pages_do_not_count(starter_site):
    page = tagged_page("schedule-2-3c-secured-by-the-council")
    page.specific.unpublish()
    entry = next(e for e in coverage_map() if e.item.slug == "schedule-2-3c-secured-by-the-council")
    assert not entry.covered


# --- The editors' report -------------------------------------------------------------------------


def test_the_report_finds_a_gap_made_in_a_test(client, starter_site):
    slug = "regulation-56-comments"
    row = next(r for r in coverage_report() if r.item.slug == slug)
    assert row.status != GAP
    tagged_page(slug).specific.unpublish()
    row = next(r for r in coverage_report() if r.item.slug == slug)
    assert row.status == GAP

    client.force_login(make_user("ed", group="Editors"))
    response = client.get(reverse("home_coverage_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your comments and our response" in html and "No live content" in html
    assert "not checked against the text of the regulations" in html


def test_the_report_names_the_owners_of_overdue_content(starter_site):
    owner = make_user("owner", first_name="Sam", last_name="Owner")
    slug = "schedule-2-3c-secured-by-the-council"
    for page in Page.objects.live().filter(covers__item__slug=slug).specific():
        type(page).objects.filter(pk=page.pk).update(review_by=date.today() - timedelta(days=3), content_owner=owner)
    row = next(r for r in coverage_report() if r.item.slug == slug)
    assert row.status == OVERDUE_ONLY
    assert row.owners == ["Sam Owner"]


def test_the_report_exports_csv_and_counts_on_the_dashboard(client, starter_site):
    tagged_page("regulation-56-comments").specific.unpublish()
    client.force_login(make_user("ed", group="Editors"))
    response = client.get(reverse("home_coverage_report") + "?export=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 34
    comments = next(r for r in rows if r["Duty"] == "Your comments and our response")
    assert comments["Coverage"] == "No live content"
    assert {r["Checked against the law?"] for r in rows} == {
        CheckStatus.PRIMARY.label,
        CheckStatus.SECONDARY.label,
        CheckStatus.UNCHECKED.label,
    }
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Local Offer coverage" in dashboard and "have no live content" in dashboard


def test_the_report_needs_the_review_permission(client, starter_site):
    client.force_login(make_user("nobody"))
    assert client.get(reverse("home_coverage_report")).status_code in (302, 403)


def test_a_coverage_page_can_only_be_made_once_under_the_home_page(starter_site):
    assert CoveragePage.objects.count() == 1
    assert not CoveragePage.can_create_at(Page.objects.get(depth=2))


def test_a_page_form_posted_without_the_duties_keeps_the_pages_tags(starter_site):
    from django.http import QueryDict

    from home.admin_forms import keep_coverage_tags

    page = tagged_page("regulation-56-comments").specific
    data = keep_coverage_tags(QueryDict("title=Changed"), page)
    item = Schedule2Item.objects.get(slug="regulation-56-comments")
    assert (data["covers-TOTAL_FORMS"], data["covers-0-item"], data["title"]) == ("1", str(item.pk), "Changed")
    form_class = page.get_edit_handler().get_form_class()
    formset = form_class(data, instance=page, for_user=None).formsets["covers"]
    assert formset.is_valid() and [f.cleaned_data["item"] for f in formset.forms] == [item]
    # A form that sends the inline is left alone.
    sent = QueryDict("covers-TOTAL_FORMS=0&covers-INITIAL_FORMS=0")
    assert keep_coverage_tags(sent, page) is sent
