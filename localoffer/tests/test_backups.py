"""The backup drill: back up, wipe the database and the uploaded files, restore, and every
page, revision, snippet, document, image, feedback answer and account is back (the same counts
and the same content checksums). It runs on PostgreSQL (pg_dump/pg_restore); CI runs the suite
on SQLite too, where it is skipped with the reason shown."""

import hashlib
from io import BytesIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision

from .conftest import rebuild_site


def png_bytes():
    buffer = BytesIO()
    PILImage.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return buffer.getvalue()


on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="The backup drill needs PostgreSQL (pg_dump and pg_restore); set DATABASE_URL to run it.",
)


def table_checksums():
    """Every model's row count and a SHA-256 of its rows serialised in primary-key order."""
    checksums = {}
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        rows = model._base_manager.order_by("pk")
        checksums[model._meta.label] = (
            rows.count(),
            hashlib.sha256(serializers.serialize("json", rows).encode()).hexdigest(),
        )
    return checksums


def media_checksums(root):
    root = Path(root)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


@pytest.fixture
def media_on_disk(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
    }
    return settings.MEDIA_ROOT


def make_site_worth_restoring():
    rebuild_site()
    root = Collection.get_first_root_node()
    document = get_document_model()(title="Example leaflet", collection=root)
    document.file.save("leaflet.pdf", ContentFile(b"%PDF-1.4 example leaflet"), save=True)
    image = get_image_model()(
        title="Example photo", collection=root, file=ImageFile(BytesIO(png_bytes()), name="photo.png")
    )
    image.save()
    image.get_rendition("fill-10x10")
    get_user_model().objects.create_superuser("restorer", "restorer@example.org", "a-long-correct-password-42")
    from home.models import Feedback, HomePage

    home = HomePage.objects.get()
    Feedback.objects.create(page=home, useful=False, comment="Example: the phone number was missing")
    home.save_revision().publish()


def wipe_database():
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")


@on_postgres
def test_backup_wipe_restore_brings_everything_back(transactional_db, media_on_disk, tmp_path):
    make_site_worth_restoring()
    before, files_before = table_checksums(), media_checksums(media_on_disk)
    for label in ("wagtailcore.Page", "wagtailcore.Revision", "guidance.GlossaryTerm", "services.Contact",
                  "wagtaildocs.Document", "wagtailimages.Image", "wagtailimages.Rendition", "home.Feedback",
                  "auth.User"):  # fmt: skip
        assert before[label][0] > 0, label
    assert len(files_before) >= 3  # the document, the image and its rendition

    call_command("backup", str(tmp_path / "backup"))
    wipe_database()
    import shutil

    shutil.rmtree(media_on_disk)
    with pytest.raises(Exception):  # noqa: B017 - the tables are gone
        Page.objects.count()
    try:
        call_command("restore", str(tmp_path / "backup"), interactive=False)
    except BaseException:
        call_command("migrate", verbosity=0)  # leave a usable database for the tests after this one
        raise

    assert table_checksums() == before
    assert media_checksums(media_on_disk) == files_before
    assert Revision.objects.count() == before["wagtailcore.Revision"][0]
    assert get_user_model().objects.get(username="restorer").check_password("a-long-correct-password-42")


@on_postgres
def test_a_damaged_backup_is_refused_before_anything_changes(transactional_db, media_on_disk, tmp_path):
    rebuild_site()
    call_command("backup", str(tmp_path / "backup"))
    pages = Page.objects.count()
    with open(tmp_path / "backup" / "database.dump", "ab") as dump:
        dump.write(b"damage")
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(tmp_path / "backup"), interactive=False)
    assert Page.objects.count() == pages


def test_restore_refuses_a_folder_that_is_not_a_backup(db, tmp_path):
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", str(tmp_path), interactive=False)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="Checks the SQLite message; PostgreSQL has the drill.")
def test_an_in_memory_sqlite_database_says_why_it_can_not_be_backed_up(db, tmp_path):
    with pytest.raises(CommandError, match="in memory"):
        call_command("backup", str(tmp_path / "backup"))
