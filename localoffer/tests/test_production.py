"""Production readiness: the public address the admin's emails use, and public pages that keep
serving when Redis is down (rate limits fail open, the error is logged)."""

import logging
import socket

import pytest
from django.core.cache import caches
from django.test import override_settings

from .conftest import live_pages
from .test_security import PRODUCTION, run_manage


# --- WAGTAILADMIN_BASE_URL ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "value", ["http://localhost:8000", "http://127.0.0.1:8000", "https://localhost", "localoffer.example.org", " "]
)
def test_production_refuses_a_local_or_malformed_base_url(value):
    result = run_manage("check", env_overrides={**PRODUCTION, "WAGTAILADMIN_BASE_URL": value})
    assert result.returncode != 0
    assert "will not start in production without WAGTAILADMIN_BASE_URL" in result.stderr


def test_production_uses_the_public_base_url_in_emails():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)",
        env_overrides={**PRODUCTION, "WAGTAILADMIN_BASE_URL": "https://localoffer.example.org/"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "https://localoffer.example.org"


# --- Redis down --------------------------------------------------------------------------------
def closed_port():
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_down(settings):
    """The cache set up as production sets it with REDIS_URL, pointing at a closed port."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
        }
    }
    yield
    caches["default"].close()


def test_the_cache_really_is_down(redis_down):
    from django_redis import get_redis_connection

    with pytest.raises(Exception):  # noqa: B017, PT011 - any connection error will do
        get_redis_connection("default").ping()


def test_public_pages_and_search_still_serve_when_redis_is_down(client, loaded_site, redis_down, caplog):
    caplog.set_level(logging.ERROR, logger="django_redis.cache")
    for page in live_pages()[:8]:
        assert client.get(page.url).status_code == 200, page.url
    # Searches are rate limited (django-ratelimit): with the count unreadable they go through
    # (fail open) rather than every visitor getting 'Too many requests'.
    for _ in range(5):
        response = client.get("/search/?q=support")
        assert response.status_code == 200
    assert any("Exception ignored" in record.getMessage() for record in caplog.records)
    assert any("Connection" in (record.exc_text or str(record.exc_info)) for record in caplog.records)


def test_the_feedback_form_still_works_when_redis_is_down(client, loaded_site, redis_down):
    from home.models import Feedback, HomePage

    home = HomePage.objects.get()
    response = client.post("/feedback/", {"page": home.pk, "useful": "yes", "website": ""})
    assert response.status_code == 302
    assert Feedback.objects.filter(page=home).count() == 1


@override_settings(RATELIMIT_FAIL_OPEN=False)
def test_without_fail_open_every_search_would_be_refused(client, loaded_site, redis_down):
    # Shows what the setting prevents, so the test above can fail.
    assert client.get("/search/?q=support").status_code == 429
