"""Issue 18 in the services app: a contact's web address comes from its name, the check's
short names come from its words, and the contacts list shows each contact's status."""

import pytest
from django.urls import reverse
from wagtail.models import Workflow

from home.tests.helpers import make_user
from services.checker.flow import fill_short_names, validate_flow
from services.models import Contact

pytestmark = pytest.mark.django_db


def test_contact_web_address_is_filled_from_the_name_and_kept_unique():
    first = Contact(name="Parent Carer Forum")
    first.full_clean()
    first.save()
    second = Contact(name="Parent Carer Forum")
    second.save()
    typed = Contact(name="Something else", slug="my-choice")
    typed.save()
    assert (first.slug, second.slug, typed.slug) == ("parent-carer-forum", "parent-carer-forum-2", "my-choice")


def test_short_names_are_filled_from_the_words():
    questions = [
        {
            "slug": "",
            "question": "Is the school in Derbyshire?",
            "answers": [
                {"label": "Yes", "value": "", "leads_to": "likely"},
                {"label": "No", "value": "", "leads_to": "likely"},
            ],
        }
    ]
    results = [{"slug": "likely", "heading": "Likely"}, {"slug": "", "heading": "Likely"}]
    fill_short_names(questions, results)
    assert questions[0]["slug"] == "is-the-school-in-derbyshire"
    assert [a["value"] for a in questions[0]["answers"]] == ["yes", "no"]
    assert results[1]["slug"] == "likely-2"  # never the same as another item
    assert "Result 'likely-2' can never be reached: no answer leads to it." in validate_flow(questions, results)


def test_contacts_list_shows_status_in_one_query(client, django_assert_max_num_queries):
    admin = make_user("admin", superuser=True)
    live = Contact.objects.create(name="Live team")
    live.save_revision().publish()
    Contact.objects.create(name="Draft team", live=False)
    waiting = Contact.objects.create(name="Waiting team", live=False)
    Workflow.objects.get_or_create(name="Test approval", defaults={"active": True})
    revision = waiting.save_revision(user=admin)
    workflow = Workflow.objects.filter(active=True).first()
    if workflow and workflow.tasks.exists():
        workflow.start(waiting, admin)
        expected_waiting = "In moderation"
    else:
        expected_waiting = "Draft"
    assert revision
    client.force_login(admin)
    html = client.get(reverse("wagtailsnippets_services_contact:list")).content.decode()
    for name, status in [("Live team", "Live"), ("Draft team", "Draft"), ("Waiting team", expected_waiting)]:
        row = html[html.index(name) :]
        row = row[: row.index("</tr>")]
        assert status in row, (name, row)
    for n in range(5):
        Contact.objects.create(name=f"Extra {n}", live=False)
    with django_assert_max_num_queries(30):
        client.get(reverse("wagtailsnippets_services_contact:list"))
