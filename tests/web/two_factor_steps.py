"""The second step of signing in, for tests whose subject is something else (an admin page)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def paired_app(user: User) -> TOTPDevice:
    """An authenticator app already paired with ``user``'s account."""
    device: TOTPDevice = TOTPDevice.objects.create(user=user, name="Test-app", confirmed=True)
    return device


def current_code(device: TOTPDevice) -> str:
    """The code the app shows now."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:0{device.digits}d}"


def second_step_passed(client: Client, user: User) -> Client:
    """``client`` signed in as ``user`` and past the second step, as after typing a code."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = paired_app(user).persistent_id
    session.save()
    return client
