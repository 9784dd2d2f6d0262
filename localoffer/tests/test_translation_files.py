"""Translating with PO files, as a translation agency would (issue 12, part 3): an editor
submits a page for translation into Welsh, downloads the PO file from wagtail-localize's
translation editor, the agency fills in the `msgstr` lines, the editor uploads the file and
publishes, and the Welsh page is served at /cy/ in Welsh. No machine translation is involved."""

import polib
import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from home.tests.helpers import make_site, make_user

pytestmark = pytest.mark.django_db

WELSH = {  # test words, not shipped content
    "About this website": "Ynglŷn â'r wefan hon",
    "What this website is for.": "Beth yw pwrpas y wefan hon.",
}


def test_po_file_round_trip_publishes_the_welsh_page(client, django_capture_on_commit_callbacks):
    _home, info = make_site()
    client.force_login(make_user("translator", superuser=True))
    welsh = Locale.objects.get(language_code="cy")

    # 1. Submit the page for translation into Welsh (its parent, the home page, comes too).
    response = client.post(reverse("wagtail_localize:submit_page_translation", args=[info.pk]), {"locales": [welsh.pk]})
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=info.translation_key, target_locale=welsh)

    # 2. Download the PO file for the agency.
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    po = polib.pofile(response.content.decode())
    assert {entry.msgid for entry in po} >= set(WELSH)
    assert all(not entry.msgstr for entry in po)  # nothing was machine-translated

    # 3. The agency fills in the Welsh; the editor uploads the file.
    for entry in po:
        entry.msgstr = WELSH.get(entry.msgid, entry.msgid)
    upload = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": _po_upload(po)},
    )
    assert upload.status_code == 302

    # 4. Publish the translation (the translation editor's 'Publish in Welsh').
    translation.refresh_from_db()
    assert not info.get_translation(welsh).live  # a draft until an editor publishes it
    assert client.get("/cy/about/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(publish=True)

    # 5. The Welsh page is served in Welsh, with lang="cy", at its own address.
    page = info.get_translation(welsh)
    assert page.live and page.title == WELSH["About this website"]
    response = client.get("/cy/about/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="cy" dir="ltr"' in html
    assert "Beth yw pwrpas y wefan hon." in html
    assert 'hreflang="en-GB" href="http://localhost/about/"' in html


def _po_upload(po):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("about-cy.po", str(po).encode(), content_type="text/x-gettext-translation")
