"""Searches are counted in the cache (no database write per search) and folded into the
database by a command; the report shows them to editors with permission only."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from search.log import fold_search_counts, normalise_for_log, record_search
from search.models import SearchTermCount

DAY = date(2026, 11, 2)


def test_normalised_text_has_no_personal_data():
    assert normalise_for_log("Ring ME on 01234 567890 about EHCP!") == "ring me on [number] about ehcp"
    assert normalise_for_log("jo.bloggs@example.com senco") == "[email] senco"


@pytest.mark.django_db
def test_recording_a_search_does_not_touch_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        record_search("EHCP", True, day=DAY)
        record_search("ehcp ", True, day=DAY)
        record_search("zzyzx", False, day=DAY)
    assert SearchTermCount.objects.count() == 0


@pytest.mark.django_db
def test_fold_moves_counts_into_the_database_and_adds_up():
    for _ in range(3):
        record_search("EHCP", True, day=DAY)
    record_search("zzyzx", False, day=DAY)
    record_search("zzyzx", False, day=DAY)
    call_command("fold_search_counts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    rows = {row.query_text: row for row in SearchTermCount.objects.all()}
    assert rows["ehcp"].searches == 3 and rows["ehcp"].no_result_searches == 0
    assert rows["zzyzx"].searches == 2 and rows["zzyzx"].no_result_searches == 2
    # Folding again adds nothing; new searches are added to the same row.
    assert fold_search_counts() == 0
    record_search("ehcp", True, day=DAY)
    assert fold_search_counts() == 1
    assert SearchTermCount.objects.get(query_text="ehcp").searches == 4


@pytest.mark.django_db
def test_search_page_counts_the_first_page_only(client):
    client.get("/search/", {"q": "nothing matches this"})
    client.get("/search/", {"q": "nothing matches this", "page": "2"})
    client.get("/search/", {"q": ""})
    fold_search_counts()
    row = SearchTermCount.objects.get()
    assert (row.query_text, row.searches, row.no_result_searches) == ("nothing matches this", 1, 1)


REPORT = "/admin/reports/searches/"


@pytest.mark.django_db
def test_report_permissions(client, django_user_model):
    SearchTermCount.objects.create(query_text="sendco", day=date.today(), searches=5, no_result_searches=2)
    # Anonymous: sent to sign in.
    response = client.get(REPORT)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    # An editor who can use the admin but lacks the report permission: refused.
    editor = django_user_model.objects.create_user("editor", password="x" * 12)
    group = Group.objects.create(name="Some editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    editor.groups.add(group)
    client.force_login(editor)
    assert client.get(REPORT).status_code in (302, 403)
    # With the permission: the report.
    group.permissions.add(Permission.objects.get(codename="view_search_report"))
    editor = django_user_model.objects.get(pk=editor.pk)
    client.force_login(editor)
    body = client.get(REPORT).content.decode()
    assert "sendco" in body and "Searches that found nothing" in body
    # A superuser: the report, and bad periods fall back to 30 days.
    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "y" * 12)
    client.force_login(admin)
    assert client.get(REPORT, {"days": "abc"}).status_code == 200
