"""`manage.py import_oruk`: the validator's mock feed imports as drafts; a second run creates
nothing; bad records are each named and nothing from a failed import is written."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from services import oruk_import
from services.models import Location, Organisation, ServicePage, TaxonomyTerm

from .factories import make_site

FEED = Path(__file__).parent / "oruk_feed"
MOCK_ID = "ac148810-d857-441c-9679-408f346de14b"


def run(path):
    out = StringIO()
    call_command("import_oruk", str(path), stdout=out)
    return out.getvalue()


def counts():
    return (
        ServicePage.objects.count(),
        Organisation.objects.count(),
        Location.objects.count(),
        TaxonomyTerm.objects.count(),
    )


@pytest.fixture
def site(db):
    return make_site()


def write(tmp_path, data, name="feed.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


def test_the_mock_feed_imports_as_a_draft_with_its_records(site):
    before = counts()
    output = run(FEED / "service_full.json")
    assert "Imported 1 service(s) as drafts, 1 organisation(s), 1 location(s) and 1 taxonomy term(s)" in output
    assert "latitude 100 is not a possible latitude" in output
    service = ServicePage.objects.get(oruk_id=MOCK_ID)
    assert not service.live
    assert service.get_parent().specific == site[1]
    assert service.title == "Community Counselling"
    assert (service.minimum_age, service.maximum_age) == (12, None)  # 100 is above 25: no upper limit
    assert service.cost == "paid"
    assert service.cost_options.get().amount == 35
    assert service.organisation.name == "Example Organization Inc."
    assert [s.day for s in service.schedules.all()] == ["TH", "FR"]
    location = service.location_links.get().location
    assert (location.postcode, location.latitude) == ("ABC 1234", None)
    assert service.taxonomy_terms.get().oruk_id.hex == "3f7b145d84af42d78faeeaca714b02b2"
    assert counts() == (before[0] + 1, before[1] + 1, before[2] + 1, before[3] + 1)


def test_running_it_twice_creates_nothing_new(site):
    run(FEED / "service_full.json")
    after_first = counts()
    output = run(FEED / "service_full.json")
    assert "Already imported, left as it is: Community Counselling" in output
    output = run(FEED / "service_list.json")  # the same service, as a page of services
    assert counts() == after_first


def test_each_bad_record_is_named_and_nothing_is_written(site, tmp_path):
    good = json.loads((FEED / "service_full.json").read_text())
    bad_status = {**good, "id": "11111111-1111-4111-8111-111111111111", "name": "Bad status", "status": "open"}
    bad_id = {**good, "id": "not-a-uuid", "name": "Bad id"}
    bad_age = {
        **good,
        "id": "22222222-2222-4222-8222-222222222222",
        "name": "Bad age",
        "minimum_age": "twelve",
        "cost_options": [{"id": good["cost_options"][0]["id"], "amount": "lots"}],
    }
    path = write(tmp_path, {"contents": [good, bad_status, bad_id, bad_age]})
    before = counts()
    with pytest.raises(CommandError) as error:
        run(path)
    message = str(error.value)
    assert "Nothing was imported" in message
    assert "Service 2 ‘Bad status’ (11111111-1111-4111-8111-111111111111): status 'open' is not one of" in message
    assert "Service 3 ‘Bad id’ (not-a-uuid): id must be a UUID" in message
    assert "Service 4 ‘Bad age’" in message and "minimum_age must be a number" in message
    assert "cost_options[1].amount must be a number" in message
    assert "Service 1 " not in message
    assert counts() == before


def test_a_failure_while_writing_leaves_nothing_half_written(site, tmp_path, monkeypatch):
    good = json.loads((FEED / "service_full.json").read_text())
    second = {**good, "id": "33333333-3333-4333-8333-333333333333", "name": "Second"}
    path = write(tmp_path, [good, second])
    real_write = oruk_import.Importer.write
    calls = []

    def failing_write(self, parent, data, taken):
        calls.append(data["title"])
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real_write(self, parent, data, taken)

    monkeypatch.setattr(oruk_import.Importer, "write", failing_write)
    before = counts()
    with pytest.raises(CommandError, match="Service 2 ‘Second’: could not be saved: disk full"):
        run(path)
    assert counts() == before


def test_files_that_are_not_a_service_feed(site, tmp_path):
    with pytest.raises(CommandError, match="status is missing"):
        run(FEED / "taxonomy.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(CommandError, match="is not valid JSON"):
        run(broken)
    with pytest.raises(CommandError, match="Cannot read"):
        run(tmp_path / "missing.json")
    with pytest.raises(CommandError, match="not an Open Referral service"):
        run(write(tmp_path, "a string"))
