"""The built front end: it collects with production's storage and carries no GOV.UK-only assets."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

BUILT_CSS = Path(settings.BASE_DIR) / "static_build" / "css" / "main.css"


@pytest.fixture
def built_css():
    if not BUILT_CSS.exists():
        pytest.fail("Build the front end first: npm run build (make test does).")
    return BUILT_CSS.read_text()


def test_collectstatic_works_with_production_storage(tmp_path):
    """Production's storage hashes names and fails on a missing file that CSS refers to
    (as GOV.UK's crest once did): `make run` and deployments run exactly this."""
    production_storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=production_storages):
        call_command("collectstatic", interactive=False, verbosity=0)
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert re.search(r'"css/main\.css": "css/main\.[0-9a-f]{12}\.css"', manifest)


def test_no_gov_uk_only_assets(built_css):
    assert "GDS Transport" not in built_css  # the font is GOV.UK's alone
    assert "govuk-crest" not in built_css  # so is the royal coat of arms
    assert re.findall(r"url\(", built_css) == []  # no fonts or images are fetched at all
    assert "system-ui" in built_css
