"""The loader and the exporter: the starter files load and export back byte for byte, a second
run creates nothing, and a bad file is refused with its name and field, with nothing loaded."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from guidance.models import GlossaryTerm, GuidancePage
from home.models import HomePage, SiteSettings
from localoffer.content import STARTER
from services.models import Contact


def files_of(directory):
    directory = Path(directory)
    return {str(path.relative_to(directory)): path.read_bytes() for path in sorted(directory.rglob("*.yaml"))}


def load(directory=None, **options):
    out = StringIO()
    args = [str(directory)] if directory else []
    call_command("load_local_offer", *args, verbosity=0, no_index=True, stdout=out, **options)
    return out.getvalue()


def write(directory, name, text):
    path = Path(directory) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_starter_site_exports_back_to_the_starter_files(starter_site, tmp_path):
    call_command("export_local_offer", str(tmp_path / "out"), stdout=StringIO())
    exported = files_of(tmp_path / "out")
    assert len(exported) >= 20
    assert exported == files_of(STARTER)


def test_a_second_run_creates_nothing(starter_site):
    pages, terms = Page.objects.count(), GlossaryTerm.objects.count()
    assert "0 new item(s)" in load()
    assert (Page.objects.count(), GlossaryTerm.objects.count()) == (pages, terms)


def test_export_refuses_a_folder_that_is_not_empty(starter_site, tmp_path):
    write(tmp_path, "notes.txt", "mine")
    with pytest.raises(CommandError, match="not empty"):
        call_command("export_local_offer", str(tmp_path), stdout=StringIO())
    call_command("export_local_offer", str(tmp_path), "--replace", stdout=StringIO())
    assert (tmp_path / "notes.txt").exists() and (tmp_path / "settings.yaml").exists()


def test_the_starter_pages_and_terms_carry_the_words_parents_search_with(starter_site):
    page = GuidancePage.objects.get(slug="when-sen-support-is-not-enough")
    assert "sen support not working" in page.also_searched_as
    assert "sen support not working" in page.live_revision.content["also_searched_as"]
    assert "expelled" in GlossaryTerm.objects.get(slug="exclusion").other_words


def test_words_added_since_a_site_was_loaded_are_filled_in_once_without_a_revision(starter_site, django_user_model):
    # A site loaded before the field existed: the words are empty in the page and its revision.
    shipped = GuidancePage.objects.get(slug="when-sen-support-is-not-enough")
    edited = GuidancePage.objects.get(slug="what-is-sen-support")
    for page in (shipped, edited):
        GuidancePage.objects.filter(pk=page.pk).update(also_searched_as="")
        revision = page.live_revision
        revision.content["also_searched_as"] = ""
        revision.save(update_fields=["content"])
    editor = django_user_model.objects.create_user("editor", password="x")
    edited.refresh_from_db()
    edited.save_revision(user=editor).publish()
    revisions = shipped.revisions.count()

    assert "0 new item(s)" in load()

    shipped.refresh_from_db()
    assert "sen support not working" in shipped.also_searched_as
    assert shipped.live_revision.content["also_searched_as"] == shipped.also_searched_as
    assert shipped.revisions.count() == revisions
    edited.refresh_from_db()
    assert edited.also_searched_as == ""  # a person has saved it: their page is left alone
    # An editor's words are never overwritten.
    GuidancePage.objects.filter(pk=shipped.pk).update(also_searched_as="my words")
    load()
    shipped.refresh_from_db()
    assert shipped.also_searched_as == "my words"


# --- A small site of its own, in an empty database --------------------------------------------

HOME = """\
type: home.HomePage
title: Families' help in Testshire
intro: |-
  <p>Start with <a linktype="page" key="/help/">the help pages</a>.</p>
  <p>Second paragraph.</p>
parents_links:
- link:
    page: /help/first/
    description: The first page.
"""

INDEX = """\
type: guidance.GuidanceIndexPage
title: Help
summary: Help for families.
"""

FIRST = """\
type: guidance.GuidancePage
order: 1
title: First page
audience: parents
body:
- section:
    heading: A heading
    body: <p>See <a linktype="page" key="/help/second/">the second page</a>.</p>
related_pages:
- page: /help/second/
"""

SECOND = """\
type: guidance.GuidancePage
order: 2
title: Second page
body:
- text: <p>Back to <a linktype="page" key="/help/first/">the first</a>.</p>
"""

SETTINGS = """\
site:
  hostname: localhost
  port: 80
  site_name: Testshire Local Offer
settings:
  home.SiteSettings:
    council_name: Testshire Council
    service_name: Families' help
"""

CONTACTS = """\
type: services.Contact
items:
- name: Testshire help line
  slug: help-line
  kind: service
"""


@pytest.fixture
def small_site(tmp_path):
    directory = tmp_path / "site"
    write(directory, "pages/home.yaml", HOME)
    write(directory, "pages/home/help.yaml", INDEX)
    write(directory, "pages/home/help/first.yaml", FIRST)
    write(directory, "pages/home/help/second.yaml", SECOND)
    write(directory, "settings.yaml", SETTINGS)
    write(directory, "snippets/contacts.yaml", CONTACTS)
    return directory


def test_a_small_site_loads_with_links_by_key_and_round_trips(client, db, small_site, tmp_path):
    assert "5 new item(s)" in load(small_site)
    home = HomePage.objects.get()
    first, second = GuidancePage.objects.order_by("path")
    assert (first.slug, second.slug) == ("first", "second")
    assert f'<a linktype="page" id="{second.get_parent().pk}">' in home.intro
    assert home.intro.startswith("<p>Start with") and "</p><p>Second" in home.intro
    assert home.parents_links[0].value["page"].pk == first.pk
    assert f'id="{second.pk}"' in first.body[0].value["body"].source
    assert [link.page_id for link in first.related_pages.all()] == [second.pk]
    assert first.live and not first.has_unpublished_changes and first.revisions.count() == 1
    assert home.get_children().count() == 1 and client.get("/help/first/").status_code == 200
    assert SiteSettings.objects.get().council_name == "Testshire Council"
    assert Contact.objects.get().live

    call_command("export_local_offer", str(tmp_path / "one"), stdout=StringIO())
    assert "0 new item(s)" in load(tmp_path / "one")
    HomePage.objects.get().delete()  # with every page under it, and the site
    Contact.objects.all().delete()
    assert Page.objects.count() == 1 and not SiteSettings.objects.exists()
    assert "5 new item(s)" in load(tmp_path / "one")  # an empty database again
    call_command("export_local_offer", str(tmp_path / "two"), stdout=StringIO())
    assert files_of(tmp_path / "one") == files_of(tmp_path / "two")
    assert "<p>Second paragraph.</p>" in (tmp_path / "one" / "pages" / "home.yaml").read_text()


def test_settings_are_filled_only_while_empty(db, small_site):
    load(small_site)
    settings = SiteSettings.objects.get()
    settings.council_name = "Changed by an editor"
    settings.contact_phone = ""
    settings.save()
    write(small_site, "settings.yaml", SETTINGS + "    contact_phone: 01234 567890\n")
    load(small_site)
    settings = SiteSettings.objects.get()
    assert settings.council_name == "Changed by an editor"
    assert settings.contact_phone == "01234 567890"


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("pages/home/help/first.yaml", "title: [unclosed", "pages/home/help/first.yaml: is not valid YAML"),
        ("pages/home/help/first.yaml", FIRST + "colour: red\n", "pages/home/help/first.yaml, field 'colour'"),
        ("pages/home/help/first.yaml", FIRST.replace("/help/second/", "/nowhere/"), "no page has the key '/nowhere/'"),
        ("pages/home/help/first.yaml", FIRST.replace("- section:", "- sectoin:"), "unknown block type 'sectoin'"),
        ("pages/home/help/first.yaml", FIRST.replace("audience: parents", "audience: aliens"), "field 'audience'"),
        ("pages/home/help/first.yaml", FIRST.replace("guidance.GuidancePage", "guidance.Nope"), "field 'type'"),
        (
            "snippets/contacts.yaml",
            CONTACTS.replace("kind: service", "kind: service\n  email: nope"),
            "field 'items[1].email'",
        ),
        ("snippets/contacts.yaml", CONTACTS.replace("slug: help-line", "slug: ''"), "field 'items[1].slug'"),
        ("settings.yaml", SETTINGS.replace("council_name", "council_nmae"), "field 'settings.home.SiteSettings.c"),
    ],
)
def test_a_bad_file_is_named_and_nothing_is_loaded(db, small_site, name, text, message):
    write(small_site, name, text)
    pages = Page.objects.count()
    with pytest.raises(CommandError) as error:
        load(small_site)
    assert message in str(error.value)
    assert "Nothing was loaded" in str(error.value)
    assert Page.objects.count() == pages
    assert not Contact.objects.exists()
    assert not SiteSettings.objects.exists()


def test_a_folder_without_its_page_file_is_an_error(db, small_site):
    shutil.move(small_site / "pages/home/help.yaml", small_site / "help.yaml.bak")
    with pytest.raises(CommandError, match="pages/home/help: is a folder with no page file"):
        load(small_site)


def test_loading_gives_shipped_content_to_the_content_owner_role(starter_site):
    from home.owners import default_content_owner

    owner = default_content_owner()
    guidance = GuidancePage.objects.all()
    assert guidance.exists()
    assert not guidance.exclude(content_owner=owner).exists()
    assert not Contact.objects.exclude(content_owner=owner).exists()


def test_a_pages_items_keep_the_order_of_the_file(starter_site):
    """Orderable items (related pages, a service's contacts...) get the file's order as their
    sort_order: without one, PostgreSQL may give them back in another order, and the export
    then differs from the file."""
    from guidance.models import GuidanceRelatedPage

    related = list(
        GuidanceRelatedPage.objects.filter(source__slug="what-is-sen-support")
        .order_by("sort_order")
        .values_list("sort_order", "page__slug")
    )
    assert len(related) >= 2
    assert [order for order, _slug in related] == list(range(len(related)))
    assert related[0][1] == "four-stages-of-sen-support"
