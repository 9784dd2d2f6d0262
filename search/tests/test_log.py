"""Searches are counted in a shared store (no database write per search) and folded into the
database by a command, from any number of processes; the report shows them to editors with
permission only."""

import os
import subprocess
import sys
import time
import uuid
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from search.log import fold_search_counts, normalise_for_log, record_search
from search.models import SearchLogPosition, SearchTermCount

DAY = date(2026, 11, 2)
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture(autouse=True)
def counts_in_files(settings, tmp_path):
    """Each test counts in its own folder (the embedded default, no Redis)."""
    settings.SEARCH_COUNTS_REDIS_URL = ""
    settings.SEARCH_COUNTS_DIR = str(tmp_path / "search-counts")
    return tmp_path / "search-counts"


@pytest.fixture
def counts_in_redis(settings):
    """Counts in the machine's Redis under a prefix of this test's own, deleted afterwards."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip(f"no Redis server at {REDIS_URL}")
    prefix = f"test-searchcounts-{uuid.uuid4().hex}"
    settings.SEARCH_COUNTS_REDIS_URL = REDIS_URL
    settings.SEARCH_COUNTS_KEY_PREFIX = prefix
    yield prefix
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


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
    for days in ("abc", "²", "٣٠", "99999999999999999999", "-7", ""):
        assert client.get(REPORT, {"days": days}).status_code == 200, days
    assert client.get(REPORT, {"days": "7"}).context["days"] == 7
    assert client.get(REPORT, {"days": "²"}).context["days"] == 30


WRITER = """
import sys, django
django.setup()
from search.log import record_search
for i in range(int(sys.argv[1])):
    record_search("ehcp" if i % 2 else "zzyzx", bool(i % 2))
"""


def run_writers(env, searches, processes=2):
    """Start `processes` real Python processes that each count `searches` searches."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "localoffer.settings.test", **env}
    root = Path(settings.BASE_DIR)
    return [
        subprocess.Popen([sys.executable, "-c", WRITER, str(searches)], cwd=root, env=env)  # noqa: S603
        for _ in range(processes)
    ]


def fold_while_running(writers):
    """Fold again and again while the writers run (as cron would), then once more at the end."""
    while any(writer.poll() is None for writer in writers):
        call_command("fold_search_counts", stdout=open(os.devnull, "w"))  # noqa: SIM115
        time.sleep(0.05)
    assert all(writer.returncode == 0 for writer in writers)
    call_command("fold_search_counts", stdout=open(os.devnull, "w"))  # noqa: SIM115


def assert_all_counted(searches, processes=2):
    rows = {row.query_text: row for row in SearchTermCount.objects.all()}
    assert rows["ehcp"].searches == processes * searches // 2 and rows["ehcp"].no_result_searches == 0
    assert rows["zzyzx"].searches == rows["zzyzx"].no_result_searches == processes * searches // 2


# Not transactional: the writers never touch the database, only the fold in this process does.
# (A transactional test flushes the database, and the browser tests' conftest only restores
# what migrations made after tests that ask for `transactional_db` by name.)
@pytest.mark.django_db
def test_two_processes_and_the_fold_add_up_without_redis(counts_in_files):
    writers = run_writers({"SEARCH_COUNTS_DIR": str(counts_in_files), "SEARCH_COUNTS_REDIS_URL": ""}, 400)
    fold_while_running(writers)
    assert_all_counted(400)
    # Today's file stays (more searches will come); a day before yesterday's goes once folded.
    assert SearchLogPosition.objects.count() == 1
    record_search("ehcp", True, day=DAY)
    assert fold_search_counts() == 1
    assert [p.name for p in counts_in_files.glob("*.log")] == [SearchLogPosition.objects.get().file_name]


# Not transactional: the writers never touch the database, only the fold in this process does.
# (A transactional test flushes the database, and the browser tests' conftest only restores
# what migrations made after tests that ask for `transactional_db` by name.)
@pytest.mark.django_db
def test_two_processes_and_the_fold_add_up_with_redis(counts_in_redis):
    writers = run_writers(
        {"SEARCH_COUNTS_REDIS_URL": REDIS_URL, "SEARCH_COUNTS_KEY_PREFIX": counts_in_redis, "SEARCH_COUNTS_DIR": ""},
        400,
    )
    fold_while_running(writers)
    assert_all_counted(400)


@pytest.mark.django_db
def test_a_half_written_line_waits_for_the_next_fold(counts_in_files):
    record_search("ehcp", True, day=DAY)
    path = next(counts_in_files.glob("*.log"))
    with path.open("ab") as handle:
        handle.write(b"2026-11-02\t0\tsen sup")  # another process is writing this line now
    assert fold_search_counts() == 1
    with path.open("ab") as handle:
        handle.write(b"port\n")
    assert fold_search_counts() == 1
    assert SearchTermCount.objects.get(query_text="sen support").searches == 1


@pytest.mark.django_db
def test_a_store_that_cannot_be_written_never_breaks_a_search(settings, client):
    settings.SEARCH_COUNTS_DIR = "/proc/no-such-place/search-counts"
    assert client.get("/search/", {"q": "ehcp"}).status_code == 200
