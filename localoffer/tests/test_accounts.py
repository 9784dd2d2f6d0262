"""Editors' accounts and what editors upload: sign-in lockout, document types, rich text links."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection

PASSWORD = "a-long-correct-password-42"
LOGIN_URL = "/admin/login/"


# --- Sign-in lockout (django-axes) -------------------------------------------------------------
@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def sign_in(client, username, password):
    return client.post(LOGIN_URL, {"username": username, "password": password})


def visible_text(response):
    """The page without the parts that differ on every response (CSRF tokens)."""
    html = re.sub(r"[A-Za-z0-9]{64}", "TOKEN", response.content.decode())
    return re.sub(r"\s+", " ", html)


def is_signed_in(client):
    return client.get("/admin/").status_code == 200


@override_settings(AXES_ENABLED=True)
def test_five_wrong_passwords_lock_the_sign_in_even_for_the_right_password(editor):
    client = Client()
    for _ in range(4):
        response = sign_in(client, "editor", "wrong password")
        assert response.status_code == 200
        assert not is_signed_in(client)
    response = sign_in(client, "editor", "wrong password")
    assert response.status_code == 429
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    assert not is_signed_in(client)


@override_settings(AXES_ENABLED=True)
def test_the_right_password_works_before_the_limit(editor):
    client = Client()
    for _ in range(4):
        sign_in(client, "editor", "wrong password")
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 302
    assert is_signed_in(client)


@override_settings(AXES_ENABLED=True)
def test_messages_do_not_reveal_whether_an_account_exists(editor):
    existing, missing = Client(), Client()
    for attempt in range(1, 6):
        wrong_existing = sign_in(existing, "editor", "wrong password")
        wrong_missing = sign_in(missing, "nobody-by-this-name", "wrong password")
        assert wrong_existing.status_code == wrong_missing.status_code == (429 if attempt == 5 else 200)
        if attempt == 1:
            # Wagtail's own message for a wrong password is the same for both.
            assert visible_text(wrong_existing).replace('value="editor"', "") == visible_text(wrong_missing).replace(
                'value="nobody-by-this-name"', ""
            )
    locked_existing = sign_in(existing, "editor", PASSWORD)
    locked_missing = sign_in(missing, "nobody-by-this-name", PASSWORD)
    assert locked_existing.status_code == locked_missing.status_code == 429
    assert visible_text(locked_existing) == visible_text(locked_missing)
    assert "nobody-by-this-name" not in visible_text(locked_missing)


# --- Documents ---------------------------------------------------------------------------------
def document_form(filename, content=b"x"):
    form_class = get_document_form(get_document_model())
    return form_class(
        data={"title": filename, "collection": Collection.get_first_root_node().pk},
        files={"file": SimpleUploadedFile(filename, content)},
    )


@pytest.mark.parametrize(
    "filename", ["page.html", "page.htm", "drawing.svg", "page.xhtml", "script.js", "archive.zip", "noextension"]
)
def test_unsafe_document_types_are_refused(db, filename):
    form = document_form(filename, b"<svg onload=alert(1)></svg>")
    assert not form.is_valid()
    assert "file" in form.errors


@pytest.mark.parametrize("filename", ["leaflet.pdf", "form.docx", "figures.csv", "notes.txt"])
def test_safe_document_types_upload(db, filename):
    form = document_form(filename, b"content")
    assert form.is_valid(), form.errors


def make_document(filename, content):
    document = get_document_model()(title=filename, collection=Collection.get_first_root_node())
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    ("filename", "disposition"),
    [("leaflet.pdf", "inline"), ("form.docx", "attachment"), ("figures.csv", "attachment"), ("old.html", "attachment")],
)
def test_documents_are_served_by_wagtail_with_a_safe_disposition(client, db, settings, tmp_path, filename, disposition):
    # 'old.html' stands for a file uploaded before the list of types was narrowed. Files go to
    # disk here, as in production (the test settings keep them in memory, which Wagtail's
    # serve view cannot send).
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": tmp_path}},
    }
    document = make_document(filename, b"<script>alert(1)</script>")
    assert document.url.startswith("/documents/")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith(disposition)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]


# --- Rich text links ---------------------------------------------------------------------------
HOSTILE_URLS = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
]


def contentstate_with_link(url):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a1b2c",
                    "type": "unstyled",
                    "depth": 0,
                    "text": "Click here",
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 10, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_the_rich_text_editor_drops_script_links(url):
    # What an editor's browser sends from the rich text editor, converted as Wagtail saves it.
    widget = DraftailRichTextArea(features=["bold", "italic", "link"])
    html = widget.value_from_datadict({"body": contentstate_with_link(url)}, {}, "body")
    assert "Click here" in html
    assert "script:" not in html.lower()
    assert "data:" not in html.lower()


def test_the_rich_text_editor_keeps_safe_links():
    widget = DraftailRichTextArea(features=["bold", "italic", "link"])
    html = widget.value_from_datadict({"body": contentstate_with_link("https://www.gov.uk/")}, {}, "body")
    assert 'href="https://www.gov.uk/"' in html


@pytest.mark.parametrize("url", [*HOSTILE_URLS, "jav&#x09;ascript:alert(1)", "&#106;avascript:alert(1)"])
def test_script_links_pasted_as_html_are_dropped(url):
    converter = ContentstateConverter(features=["link"])
    contentstate = converter.from_database_format(f'<p><a href="{url}">Click here</a></p>')
    saved = converter.to_database_format(contentstate)
    assert "Click here" in saved
    assert "script:" not in saved.lower()
