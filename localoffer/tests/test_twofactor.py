"""Two-factor sign-in for the admin (localoffer/twofactor/): who needs it, setting it up, codes,
recovery codes and the lockout. The browser test is in browser/test_twofactor.py."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client, override_settings
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from localoffer.twofactor import policy

PASSWORD = "a-long-correct-password-42"
SETUP, VERIFY = "/admin/two-factor/setup/", "/admin/two-factor/verify/"

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_factor_on(settings):
    settings.TWO_FACTOR_REQUIRED = True


# Through pytest-django's `settings` (not one shared override_settings), so a test that changes
# other settings with `settings` too gets them all undone in order: mixing the two undid
# TWO_FACTOR_REQUIRED out of order and left it on for the tests that came after.
on = pytest.mark.usefixtures("two_factor_on")


def code_for(device, drift=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def make_user(username="admin", superuser=True, groups=()):
    users = get_user_model().objects
    if superuser:
        user = users.create_superuser(username, f"{username}@example.org", PASSWORD)
    else:
        user = users.create_user(username, f"{username}@example.org", PASSWORD)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def with_authenticator(user):
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


# --- Who needs it ------------------------------------------------------------------------------
@on
@pytest.mark.parametrize(
    ("superuser", "groups", "editors_setting", "required"),
    [
        (True, (), True, True),
        (True, (), False, True),
        (False, ("Moderators",), False, True),
        (False, ("Editors", "Moderators"), False, True),
        (False, ("Editors",), True, True),
        (False, ("Editors",), False, False),
    ],
)
def test_who_must_use_a_second_factor(settings, superuser, groups, editors_setting, required):
    settings.TWO_FACTOR_FOR_EDITORS = editors_setting
    assert policy.is_required(make_user(superuser=superuser, groups=groups)) is required


@on
@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/admin/snippets/", "/admin/users/", "/admin/account/"])
def test_an_account_without_a_second_factor_is_sent_to_set_one_up(url):
    response = signed_in(make_user()).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)


@on
def test_the_admin_icons_and_translations_still_load_on_the_two_factor_pages():
    client = signed_in(make_user())
    assert client.get("/admin/sprite/").status_code == 200
    assert client.get("/admin/jsi18n/").status_code == 200


@on
def test_an_account_with_an_authenticator_is_asked_for_its_code():
    user = make_user()
    with_authenticator(user)
    response = signed_in(user).get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == VERIFY + "?next=%2Fadmin%2Fpages%2F"


@on
def test_posts_to_the_admin_are_stopped_too():
    user = make_user()
    with_authenticator(user)
    response = signed_in(user).post("/admin/pages/add/home/homepage/1/", {"title": "False information"})
    assert response.status_code == 302
    assert response["Location"] == VERIFY


@on
def test_an_editor_can_be_let_off_by_the_setting(settings):
    settings.TWO_FACTOR_FOR_EDITORS = False
    editor = make_user("editor", superuser=False, groups=("Editors",))
    assert signed_in(editor).get("/admin/").status_code == 200


def test_the_public_site_is_not_affected():
    user = make_user()
    with override_settings(TWO_FACTOR_REQUIRED=True):
        response = signed_in(user).get("/admin/login/")
    assert response.status_code in (200, 302)


# --- Setting it up -----------------------------------------------------------------------------
@on
def test_setting_up_an_authenticator_shows_the_key_and_then_ten_recovery_codes():
    user = make_user()
    client = signed_in(user)
    page = client.get(SETUP)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'src="data:image/svg+xml' in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = re.search(r'id="twofactor-secret">([A-Z2-7 ]+)<', html).group(1)
    assert len(secret.replace(" ", "")) == 32

    wrong = client.post(SETUP, {"code": "000000" if code_for(device) != "000000" else "111111"})
    assert wrong.status_code == 400
    assert "That code is not right" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302

    # django-otp also slows guessing down: after a wrong code the next try must wait a moment.
    assert client.post(SETUP, {"code": code_for(device)}).status_code == 400
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    done = client.post(SETUP, {"code": code_for(device)})
    assert done.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True)) == set(codes)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


@on
def test_setup_is_not_offered_again_once_there_is_an_authenticator():
    user = make_user()
    with_authenticator(user)
    response = signed_in(user).get(SETUP)
    assert response["Location"] == "/admin/two-factor/verify/"
    assert TOTPDevice.objects.filter(user=user).count() == 1


@on
def test_the_code_page_can_sign_out():
    user = make_user()
    with_authenticator(user)
    client = signed_in(user)
    assert 'action="/admin/logout/" method="post"' in client.get(VERIFY).content.decode()
    assert client.post("/admin/logout/").status_code == 302
    assert client.get(VERIFY)["Location"].startswith("/admin/login/")


def test_the_two_factor_pages_need_a_password_first(client):
    for url in (SETUP, VERIFY, "/admin/two-factor/recovery-codes/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


# --- Giving the code ---------------------------------------------------------------------------
@on
def test_the_right_code_opens_the_admin_and_goes_where_the_editor_was_going():
    user = make_user()
    device = with_authenticator(user)
    client = signed_in(user)
    response = client.post(VERIFY, {"code": code_for(device), "next": "/admin/pages/"})
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


@on
def test_a_code_can_not_be_used_twice():
    user = make_user()
    device = with_authenticator(user)
    code = code_for(device)
    assert signed_in(user).post(VERIFY, {"code": code}).status_code == 302
    replay = signed_in(user).post(VERIFY, {"code": code})
    assert replay.status_code == 400


@on
def test_next_can_not_send_the_editor_to_another_site():
    user = make_user()
    device = with_authenticator(user)
    response = signed_in(user).post(VERIFY, {"code": code_for(device), "next": "https://evil.example/admin/"})
    assert response["Location"] == "/admin/"


@on
@pytest.mark.parametrize("code", ["", "abc", "<script>alert(1)</script>", "9" * 40, "\x00"])
def test_bad_codes_get_a_message_and_a_400(code):
    user = make_user()
    with_authenticator(user)
    client = signed_in(user)
    response = client.post(VERIFY, {"code": code})
    assert response.status_code == 400
    assert "<script>alert(1)" not in response.content.decode()
    assert client.get("/admin/").status_code == 302


@on
def test_a_recovery_code_works_once():
    user = make_user()
    with_authenticator(user)
    codes = policy.new_recovery_codes(user)
    client = signed_in(user)
    assert client.post(VERIFY, {"code": codes[0].upper()}).status_code == 302
    assert client.get("/admin/").status_code == 200
    again = signed_in(user).post(VERIFY, {"code": codes[0]})
    assert again.status_code == 400
    assert StaticToken.objects.filter(device__user=user).count() == 9


@on
def test_new_recovery_codes_replace_the_old_ones():
    user = make_user()
    device = with_authenticator(user)
    old = policy.new_recovery_codes(user)
    client = signed_in(user)
    client.post(VERIFY, {"code": code_for(device)})
    response = client.post("/admin/two-factor/recovery-codes/")
    new = re.findall(r"<li><code>([a-z0-9]+)</code></li>", response.content.decode())
    assert len(new) == 10
    assert not set(old) & set(new)
    assert set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True)) == set(new)


@on
def test_reset_two_factor_makes_the_account_set_up_again():
    user = make_user()
    with_authenticator(user)
    policy.new_recovery_codes(user)
    call_command("reset_two_factor", "admin", stdout=None)
    assert not policy.has_second_factor(user)
    assert signed_in(user).get("/admin/")["Location"].startswith(SETUP)


# --- The lockout -------------------------------------------------------------------------------
def password_then(client, username="admin"):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    return response


@override_settings(TWO_FACTOR_REQUIRED=True, AXES_ENABLED=True)
def test_five_wrong_codes_sign_the_account_out_and_lock_it():
    user = make_user()
    device = with_authenticator(user)
    client = Client()
    assert password_then(client).status_code == 302
    for _ in range(4):
        assert client.post(VERIFY, {"code": "000001"}).status_code == 400
    locked = client.post(VERIFY, {"code": "000001"})
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.content.decode()
    # Signed out: the admin asks for the password again, and the right password is refused.
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
    assert password_then(Client()).status_code == 429
    assert client.post(VERIFY, {"code": code_for(device)})["Location"].startswith("/admin/login/")


@override_settings(TWO_FACTOR_REQUIRED=True, AXES_ENABLED=True)
def test_signing_in_again_with_the_password_does_not_reset_the_count_of_wrong_codes():
    user = make_user()
    with_authenticator(user)
    first = Client()
    password_then(first)
    for _ in range(3):
        first.post(VERIFY, {"code": "000001"})
    second = Client()
    assert password_then(second).status_code == 302
    assert second.post(VERIFY, {"code": "000001"}).status_code == 400
    assert second.post(VERIFY, {"code": "000001"}).status_code == 429


@override_settings(TWO_FACTOR_REQUIRED=True, AXES_ENABLED=True)
def test_the_right_code_clears_the_failures():
    user = make_user()
    device = with_authenticator(user)
    client = Client()
    password_then(client)
    for _ in range(4):
        client.post(VERIFY, {"code": "000001"})
    device.throttle_reset()  # django-otp's own wait after a wrong code, not what this tests
    assert client.post(VERIFY, {"code": code_for(device)}).status_code == 302
    later = Client()
    password_then(later)
    for _ in range(4):
        assert later.post(VERIFY, {"code": "000001"}).status_code == 400
