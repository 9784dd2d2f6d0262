"""Security headers, production settings, cookies and the templates' lack of inline script."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from .conftest import live_pages

BASE_DIR = Path(settings.BASE_DIR)


# The test suite allows Django's ORM in Playwright's event loop; production must not.
NOT_IN_PRODUCTION = ("DJANGO_ALLOW_ASYNC_UNSAFE",)


def run_manage(*args, env_overrides=None, drop=()):
    env = {k: v for k, v in os.environ.items() if k not in drop + NOT_IN_PRODUCTION}
    env.update(env_overrides or {})
    return subprocess.run(  # noqa: S603 - fixed arguments, our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "localoffer.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "localoffer.example.org",
    "REDIS_URL": "redis://127.0.0.1:6379/15",  # `check` does not connect to it
    "WAGTAILADMIN_BASE_URL": "https://localoffer.example.org",
}


# --- Headers ----------------------------------------------------------------------------------
def csp_directives(response):
    header = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_send_the_security_headers(client, loaded_site):
    for url in ["/", "/search/?q=support", "/no-such-page/"]:
        response = client.get(url)
        directives = csp_directives(response)
        assert directives["default-src"] == ["'none'"], url
        assert directives["script-src"] == ["'self'"], url
        assert directives["style-src"] == ["'self'"], url
        assert directives["frame-ancestors"] == ["'none'"], url
        assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
        assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
        assert "camera=()" in response.headers["Permissions-Policy"]
        assert "geolocation=()" in response.headers["Permissions-Policy"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert response.headers["X-Frame-Options"] == "DENY"


def test_the_admin_is_left_out_of_the_content_security_policy(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response.headers
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("method", ["put", "delete", "patch", "options"])
def test_wrong_methods_on_public_urls_get_405(client, db, method):
    for url in ["/", "/search/", "/no-such-page/"]:
        response = getattr(client, method)(url)
        assert response.status_code == 405, (method, url)
        assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "POST"}


# --- No inline script --------------------------------------------------------------------------
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.IGNORECASE)


def inline_script_problems(html):
    """What a strict Content-Security-Policy would block: inline script, handlers, styles."""
    problems = []
    for match in SCRIPT_TAG.finditer(html):
        attributes = match.group(1)
        if "src=" not in attributes and "application/ld+json" not in attributes:
            problems.append(match.group(0))
    problems += EVENT_HANDLER.findall(html) + STYLE_ATTRIBUTE.findall(html) + JAVASCRIPT_URL.findall(html)
    return problems


def test_the_checker_for_inline_script_finds_it():
    assert inline_script_problems("<script>alert(1)</script>")
    assert inline_script_problems('<button onclick="x()">')
    assert inline_script_problems('<p style="color:red">')
    assert not inline_script_problems('<script type="module" src="/static/js/app.mjs"></script>')
    assert not inline_script_problems('<script type="application/ld+json">{}</script>')


def our_templates():
    roots = [BASE_DIR / "templates"] + [
        BASE_DIR / app / "templates" for app in ("home", "guidance", "services", "search")
    ]
    # Templates for the Wagtail admin (in admin/ or panels/ folders) are outside the policy.
    return [
        path
        for root in roots
        if root.exists()
        for path in root.rglob("*.html")
        if not {"admin", "panels"} & set(path.relative_to(root).parts[:-1])
    ]


def test_no_template_has_inline_script_or_style():
    templates = our_templates()
    assert len(templates) > 10
    problems = {str(path.relative_to(BASE_DIR)): inline_script_problems(path.read_text()) for path in templates}
    assert {path: found for path, found in problems.items() if found} == {}


def test_no_rendered_page_has_inline_script_or_style(client, loaded_site):
    pages = live_pages()
    assert len(pages) > 5
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert inline_script_problems(response.content.decode()) == [], page.url


# --- Cookies -----------------------------------------------------------------------------------
def test_visitors_get_only_the_csrf_cookie_and_only_where_there_is_a_form(loaded_site):
    client = Client()
    names = {}
    urls = [page.url for page in live_pages()] + ["/search/?q=support", "/search/?q=zzzzqqq", "/no-such-page/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        cookies = set(response.cookies.keys())
        names[url] = cookies
        if "csrftoken" in cookies:
            assert 'method="post"' in response.content.decode().lower(), f"{url} sets csrftoken without a form"
        client.cookies.clear()
    every_name = set().union(*names.values())
    assert every_name <= {"csrftoken"}, names
    assert "sessionid" not in every_name


def test_answering_the_feedback_form_sets_no_other_cookie(loaded_site):
    from home.models import HomePage

    client = Client()
    names = set()
    home = HomePage.objects.get()
    for response in [
        client.get(home.url),
        more := client.post("/feedback/", {"page": home.pk, "useful": "no", "website": ""}),
        client.get(more["Location"]),
        thanks := client.post(more["Location"], {"comment": "The phone number", "website": ""}),
        client.get(thanks["Location"]),
    ]:
        assert response.status_code in (200, 302)
        names |= set(response.cookies.keys())
    assert names <= {"csrftoken"}, names


def test_the_cookies_page_lists_the_visitors_cookie(client, loaded_site):
    from home.models import SiteSettings

    cookies_page = SiteSettings.objects.get().cookies_page
    html = client.get(cookies_page.url).content.decode()
    assert "csrftoken" in html
    assert "strictly necessary" in html


# --- Production settings -----------------------------------------------------------------------
def test_check_deploy_passes_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_are_strict():
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps(["
        "s.DEBUG, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
        "s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE, s.AXES_ENABLED]))"
    )
    env = {**{k: v for k, v in os.environ.items() if k not in NOT_IN_PRODUCTION}, **PRODUCTION}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    debug, ssl_redirect, hsts, subdomains, session_secure, session_httponly, csrf_secure, axes = json.loads(
        result.stdout.strip().splitlines()[-1]
    )
    assert debug is False
    assert ssl_redirect is True
    assert hsts >= 31536000
    assert subdomains is True
    assert session_secure and session_httponly and csrf_secure
    assert axes is True


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "REDIS_URL", "WAGTAILADMIN_BASE_URL"])
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = run_manage("check", env_overrides=env, drop=(missing,))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"will not start in production without {missing}" in result.stderr


def test_the_embedded_default_needs_no_redis():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        env_overrides={"DJANGO_SETTINGS_MODULE": "localoffer.settings.dev"},
        drop=("REDIS_URL",),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "django.core.cache.backends.locmem.LocMemCache"
