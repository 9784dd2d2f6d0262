"""Two-factor sign-in through the real admin sign-in pages in Chromium: set up an authenticator
app (the code is computed from the key on the page with django-otp's TOTP helper), sign in
again with a code, and the lockout after wrong codes. With UPDATE_DOC_SCREENSHOTS=1
the screenshots docs/editors.md shows are saved to docs/images/."""

import os
import re
from base64 import b32decode
from pathlib import Path

import pytest
from django.conf import settings
from django_otp.oath import totp

BASE_DIR = Path(settings.BASE_DIR)
DOC_IMAGES = BASE_DIR / "docs" / "images"
PASSWORD = "a-long-correct-password-42"


def code_from_key(secret, drift=0):
    key = b32decode(secret.replace(" ", ""))
    return f"{totp(key, drift=drift):06d}"


def sign_in_with_password(visitor, username="admin"):
    visitor.goto("/admin/login/")
    visitor.page.fill("#id_username", username)
    visitor.page.fill("#id_password", PASSWORD)
    with visitor.page.expect_navigation():
        visitor.page.click("button[type=submit]")


def give_code(visitor, code):
    visitor.page.fill("#id_code", code)
    with visitor.page.expect_navigation():
        visitor.page.click("main form button[type=submit]")


def doc_screenshot(visitor, name):
    """A screenshot for docs/editors.md (only with UPDATE_DOC_SCREENSHOTS=1, as test_editors.py)."""
    if os.environ.get("UPDATE_DOC_SCREENSHOTS") != "1":
        return
    visitor.page.set_viewport_size({"width": 1000, "height": 800})
    visitor.page.screenshot(path=DOC_IMAGES / name, full_page=True)


@pytest.fixture
def admin_user(settings, django_user_model, site):
    settings.TWO_FACTOR_REQUIRED = True
    return django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)


def test_set_up_an_authenticator_then_sign_in_with_a_code(visitor, admin_user):
    sign_in_with_password(visitor)
    # No admin page before the second factor: the dashboard sends the new account to set up.
    assert "/admin/two-factor/setup/" in visitor.page.url
    assert visitor.page.locator("main h1").inner_text() == "Set up two-factor sign-in"
    visitor.goto("/admin/pages/")
    assert "/admin/two-factor/setup/" in visitor.page.url
    assert visitor.page.locator("img[alt^='QR code']").is_visible()
    secret = visitor.page.locator("#twofactor-secret").inner_text()
    assert re.fullmatch(r"[A-Z2-7 ]+", secret)
    doc_screenshot(visitor, "admin-two-factor-setup.png")

    give_code(visitor, "000000" if code_from_key(secret) != "000000" else "111111")
    assert "That code is not right" in visitor.page.locator(".messages").inner_text()
    visitor.page.wait_for_timeout(1100)  # django-otp makes the next try wait a second
    give_code(visitor, code_from_key(secret))
    assert visitor.page.locator("main h1").inner_text() == "Your recovery codes"
    codes = visitor.page.locator("#recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    doc_screenshot(visitor, "admin-two-factor-recovery-codes.png")
    with visitor.page.expect_navigation():
        visitor.page.click("text=I have saved my recovery codes")
    assert visitor.page.url.endswith("/admin/pages/")  # where the editor was going
    assert visitor.page.locator("main h1").is_visible()

    # Sign out, then in again: password, then the code page, then the page asked for.
    visitor.page.context.clear_cookies()
    visitor.goto("/admin/pages/")
    assert "/admin/login/" in visitor.page.url
    visitor.page.fill("#id_username", "admin")
    visitor.page.fill("#id_password", PASSWORD)
    with visitor.page.expect_navigation():
        visitor.page.click("button[type=submit]")
    assert "/admin/two-factor/verify/" in visitor.page.url
    assert visitor.page.locator("main h1").inner_text() == "Enter your code"
    doc_screenshot(visitor, "admin-two-factor-code.png")
    give_code(visitor, code_from_key(secret, drift=1))  # the setup code can't be used again
    assert visitor.page.url.endswith("/admin/pages/")

    # A recovery code works too, once.
    visitor.page.context.clear_cookies()
    sign_in_with_password(visitor)
    give_code(visitor, codes[0])
    assert visitor.page.url.endswith("/admin/")


def test_wrong_codes_lock_the_account(visitor, admin_user, settings):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.AXES_ENABLED = True
    TOTPDevice.objects.create(user=admin_user, name="Authenticator app", confirmed=True)
    sign_in_with_password(visitor)
    assert "/admin/two-factor/verify/" in visitor.page.url
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        give_code(visitor, "000001")
        assert "That code is not right" in visitor.page.locator(".messages").inner_text()
    visitor.page.fill("#id_code", "000001")
    with visitor.page.expect_navigation() as navigation:
        visitor.page.click("main form button[type=submit]")
    assert navigation.value.status == 429
    assert visitor.page.locator("main h1").inner_text() == "Too many attempts to sign in"
    visitor.goto("/admin/")
    assert "/admin/login/" in visitor.page.url
