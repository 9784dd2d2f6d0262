"""Real-browser tests: Python Playwright driving Debian's Chromium against pytest-django's
live server, with axe-core from npm checking WCAG 2.2 A and AA.

One browser for the whole session; a fresh browser context (cookies, JavaScript setting) per
test. Every test gets the shipped content rebuilt (`site` fixture), because live-server tests
are transactional and the database is emptied after each one. After that flush, the teardown
hook below puts back what migrations made (the root page, the default site, the editors' groups
and workflow), so the tests that run after a browser test find the database as they expect,
whatever the order.
"""

import json
import os
import re
import sqlite3
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from playwright.sync_api import sync_playwright
from pytest_django.plugin import blocking_manager_key

from localoffer.tests.conftest import rebuild_site

BASE_DIR = Path(settings.BASE_DIR)
# Debian's chromium-headless-shell (.ci/run installs it): the same engine in the old headless
# mode, which Playwright uses for headless runs; it took about 30% less CPU than the full
# browser here. CHROMIUM_PATH picks another (for example /usr/bin/chromium).
CHROMIUM = os.environ.get(
    "CHROMIUM_PATH",
    "/usr/bin/chromium-headless-shell" if Path("/usr/bin/chromium-headless-shell").exists() else "/usr/bin/chromium",
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = BASE_DIR / "test-artifacts" / "screenshots"
# Screenshots are for people to look at, not assertions: taken only when asked for
# (`make screenshots`, or TEST_SCREENSHOTS=1), because they are a tenth of the browser tests' time.
TAKE_SCREENSHOTS = os.environ.get("TEST_SCREENSHOTS") == "1"
NARROW, WIDE = 320, 1280


def pytest_collection_modifyitems(items):
    for item in items:
        if "/tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium is not at {CHROMIUM}: install Debian's 'chromium-headless-shell' package (.ci/run does)."
        )
    if not AXE_JS.exists():
        pytest.fail("axe-core is missing: run `npm ci`.")
    if not (BASE_DIR / "static_build" / "css" / "main.css").exists():
        pytest.fail("The CSS is not built: run `npm run build` (make test does).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


_migration_state = {}


@pytest.fixture(scope="session")
def _migration_data(django_db_setup, django_db_blocker):
    """What migrations made (root page, default site, locale, groups, workflow), serialized once
    when the first browser test starts: every earlier test has rolled its changes back."""
    with django_db_blocker.unblock():
        rows = json.loads(connection.creation.serialize_db_to_string())
    # Content types first: rows are loaded back in this order, and saving some of the others
    # looks up (and, if missing, creates) their content type, which would then clash with the
    # serialized row of the same name.
    rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
    _migration_state["data"] = json.dumps(rows)
    if connection.vendor == "sqlite":
        with django_db_blocker.unblock():
            _migration_state["snapshot"] = _snapshot()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """After a browser test's flush (the last step of its teardown), load back what migrations
    made, so the tests after it find the database as they expect, in any order."""
    data = _migration_state.get("data")
    # After the last test the test database is already gone, and nothing needs it.
    marker = item.get_closest_marker("django_db") if hasattr(item, "get_closest_marker") else None
    transactional = "transactional_db" in getattr(item, "fixturenames", ()) or bool(
        marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0]))
    )
    if data is not None and nextitem is not None and transactional:
        with item.config.stash[blocking_manager_key].unblock():
            if connection.vendor == "sqlite":
                # The whole database as it was, copied back in one step (SQLite's backup API).
                _restore(_migration_state["snapshot"])
                return
            # The test's flush ran post_migrate handlers that remade some rows (groups) with new
            # ids: empty the tables again without them, then load the serialized rows.
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            connection.creation.deserialize_db_from_string(data)
            # The flush's post_migrate remade content types with other ids, and Django keeps
            # them in a cache: forget it, or pages would be read as the wrong model.
            ContentType.objects.clear_cache()
            # PostgreSQL's id sequences do not follow rows loaded with their ids: move them on.
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                    cursor.execute(sql)


def _snapshot():
    """On SQLite (an in-memory test database, shared with the live server's thread): a copy of
    the whole database, made with SQLite's backup API."""
    connection.ensure_connection()
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    connection.connection.backup(copy)
    return copy


def _restore(copy):
    connection.ensure_connection()
    copy.backup(connection.connection)
    # Ids may differ from what Django and Wagtail remember: forget it.
    ContentType.objects.clear_cache()
    cache.clear()


@pytest.fixture
def site(_migration_data, live_server, transactional_db):
    """The live server's address, with the shipped content loaded.

    On SQLite the content is loaded once, for the first browser test, and copied back for each
    later one with SQLite's backup API (a few milliseconds instead of a full load). On
    PostgreSQL it is loaded for each test."""
    if connection.vendor != "sqlite":
        rebuild_site()
    elif "site" in _migration_state:
        _restore(_migration_state["site"])
    else:
        rebuild_site()
        _migration_state["site"] = _snapshot()
    return live_server.url


class Visitor:
    """A browser page with the checks every test uses."""

    def __init__(self, page, base_url, browser=None, javascript=True):
        self.page = page
        self.base_url = base_url
        self.browser = browser
        self.javascript = javascript
        self.csp_violations = []
        page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.csp_violations.append(message.text)

    def goto(self, path, status=200):
        response = self.page.goto(path if path.startswith("http") else self.base_url + path)
        assert response.status == status, f"{path}: {response.status}"
        return response

    def check_accessibility(self, label=""):
        """Run axe-core on the page as it is now; fail on any WCAG 2.x A/AA violation.

        axe goes in through DevTools evaluation, so the site's own Content-Security-Policy
        stays on (a script tag would be refused by it, as it should be).

        With JavaScript off, axe cannot run in the page (its timers never fire, and the call
        would wait for ever): the same address is opened in a page where JavaScript runs only
        for DevTools, because the site's own scripts are blocked, so axe sees the page as a
        visitor without JavaScript does."""
        if self.javascript:
            result = self._run_axe(self.page)
        else:
            context = self.browser.new_context(viewport=self.page.viewport_size)
            context.add_cookies(self.page.context.cookies())
            page = context.new_page()
            page.set_default_timeout(15_000)
            page.route(re.compile(r"\.m?js(\?.*)?$"), lambda route: route.abort())
            try:
                page.goto(self.page.url)
                result = self._run_axe(page)
            finally:
                context.close()
        violations = [
            {
                "rule": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [node["target"] for node in v["nodes"]][:5],
            }
            for v in result["violations"]
        ]
        assert violations == [], f"{label or self.page.url}: {json.dumps(violations, indent=1)}"
        assert self.csp_violations == [], self.csp_violations

    @staticmethod
    def _run_axe(page):
        assert page.evaluate("() => getComputedStyle(document.body).margin") == "0px", "CSS not loaded"
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.evaluate(AXE_JS.read_text())
        # resultTypes: only violations are read, so axe does not gather the details of every
        # pass (about a quarter of its time); every rule still runs.
        return page.evaluate(
            "async (tags) => await axe.run(document,"
            " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            AXE_TAGS,
        )

    def check_no_horizontal_scroll(self):
        self.page.set_viewport_size({"width": NARROW, "height": 800})
        width = self.page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= NARROW, f"{self.page.url} scrolls sideways at {NARROW}px: {width}px wide"

    def screenshot(self, name):
        """Full-page screenshots at 320 and 1280 px, kept under test-artifacts/screenshots/
        (only with TEST_SCREENSHOTS=1)."""
        if not TAKE_SCREENSHOTS:
            return
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-")
        for width in (NARROW, WIDE):
            self.page.set_viewport_size({"width": width, "height": 800})
            self.page.screenshot(path=SCREENSHOTS / f"{safe}-{width}.png", full_page=True)
        self.page.set_viewport_size({"width": WIDE, "height": 800})

    def focused(self):
        """What has keyboard focus: its tag, id, name, text and href."""
        return self.page.evaluate(
            """() => { const e = document.activeElement; return {tag: e.tagName.toLowerCase(), id: e.id,
            name: e.getAttribute('name'), text: (e.innerText || e.value || '').trim(),
            href: e.getAttribute('href'), type: e.getAttribute('type'), value: e.value}; }"""
        )

    def tab_to(self, predicate, limit=80, key="Tab"):
        """Press Tab until `predicate(focused)` is true; return what has focus."""
        for _ in range(limit):
            self.page.keyboard.press(key)
            focused = self.focused()
            if predicate(focused):
                return focused
        raise AssertionError(f"Tab never reached the element on {self.page.url}")


def _visitor(browser, base_url, **options):
    context = browser.new_context(viewport={"width": WIDE, "height": 800}, **options)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, Visitor(page, base_url, browser=browser, javascript=options.get("java_script_enabled", True))


@pytest.fixture
def visitor(browser, site):
    context, visitor = _visitor(browser, site)
    yield visitor
    context.close()


@pytest.fixture
def visitor_without_js(browser, site):
    context, visitor = _visitor(browser, site, java_script_enabled=False)
    yield visitor
    context.close()
