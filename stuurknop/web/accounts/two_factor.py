"""Two-factor sign-in (TOTP, django-otp): who must use it, and the writes that set it up.

Staff always need a second step (they reach the admin, with every project in it); beheerders of
a project too when the installation says so (``STUURKNOP_TWO_FACTOR_FOR_BEHEERDERS``). A
person who needs it and has no app paired yet is sent to pair one; one who has an app is asked
for a code once per session. Ten single-use recovery codes are made when the app is paired.
"""

from __future__ import annotations

from base64 import b32encode

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_NAME = "Authenticator-app"
RECOVERY_NAME = "Herstelcodes"
RECOVERY_CODES = 10
# The value of projects.roles.Role.BEHEERDER: the accounts app sits below the projects app and
# does not import it (tests/web/test_two_factor.py holds the two in step).
BEHEERDER = "beheerder"


def two_factor_required(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Whether ``user`` must pass a second step before using the site."""
    if not isinstance(user, User):
        return False
    if user.is_staff:
        return True
    if not settings.TWO_FACTOR_FOR_BEHEERDERS:
        return False
    return user.project_memberships.filter(role=BEHEERDER).exists()


def has_app(user: User) -> bool:
    """Whether ``user`` has paired an authenticator app."""
    paired: bool = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    return paired


def app_for_pairing(user: User) -> TOTPDevice:
    """The not yet confirmed app of ``user`` (its secret stays the same until it is paired)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_NAME, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret as an app asks for it when typed by hand: base32, in groups of four."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@transaction.atomic
def app_pair(*, user: User, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm ``device`` with a code from the app; the new recovery codes, or None when the
    code is wrong (nothing changes then). A previously paired app stops working."""
    if device.user_id != user.pk or not device.verify_token(token.replace(" ", "")):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_renew(user=user)


@transaction.atomic
def recovery_codes_renew(*, user: User) -> list[str]:
    """Ten new single-use codes for when the phone is lost; the old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=c) for c in codes])
    return codes


def otpauth_uri(device: TOTPDevice) -> str:
    """The otpauth:// link an app reads from the QR code (issuer: ``OTP_TOTP_ISSUER``)."""
    url: str = device.config_url
    return url
