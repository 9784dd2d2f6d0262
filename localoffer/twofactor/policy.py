"""Who must sign in with a second factor, and whether they have one."""

from django.conf import settings
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

EDITORS_GROUP = "Editors"
RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "Recovery codes"


def is_required(user):
    """True when this account must give a second factor before using the admin.

    Administrators (superusers) and Moderators always must. Editors must while
    TWO_FACTOR_FOR_EDITORS is on (the default). Any other account that can reach the admin must
    too: only an account whose every group is 'Editors' can be let off by the setting.
    """
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True) or not user.is_authenticated:
        return False
    if user.is_superuser or getattr(settings, "TWO_FACTOR_FOR_EDITORS", True):
        return True
    groups = set(user.groups.values_list("name", flat=True))
    return groups != {EDITORS_GROUP}


def authenticator(user):
    """The account's confirmed authenticator app, or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def has_second_factor(user):
    return any(True for _ in devices_for_user(user, confirmed=True))


def new_recovery_codes(user):
    """Replace the account's recovery codes with ten new single-use ones and return them."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
    device.confirmed = True
    device.save()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def remove_second_factor(user):
    """Delete every authenticator and recovery code of the account (it must set up again)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
