"""Writes for organisations and memberships, and the password reset mail."""

from __future__ import annotations

import logging
import time

from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify

from stuurknop.web.accounts.forms import ResetRequestForm
from stuurknop.web.accounts.models import Membership, Organisation

logger = logging.getLogger(__name__)

# Pauses before the second and third try of a reset mail: the visitor was told a mail is on its
# way, so a mail server that hiccups gets another chance rather than the mail being dropped.
MAIL_RETRY_PAUSES = (2.0, 10.0)


@transaction.atomic
def organisation_create(*, name: str, party_type: str, slug: str = "") -> Organisation:
    """A new organisation; the party type must be one the model knows."""
    organisation = Organisation(
        name=name.strip(), party_type=party_type, slug=slug or _free_slug(name)
    )
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def membership_add(*, user: User, organisation: Organisation) -> Membership:
    """Record that ``user`` works at ``organisation`` (idempotent)."""
    membership, _created = Membership.objects.get_or_create(user=user, organisation=organisation)
    return membership


def _free_slug(name: str) -> str:
    base = slugify(name)[:50] or "organisatie"
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def password_reset_mails_send(*, email: str, domain: str, use_https: bool, language: str) -> int:
    """Mail a one-time link to choose a new password to every active account with ``email``
    (none for an unknown address); the number of mails sent.

    Runs after the response (see :mod:`stuurknop.web.accounts.background`), so it gets what
    it needs from the request as plain values: the host the link points at, the scheme and
    the visitor's language. The mail is Django's, from the same templates and with the same
    token as ``PasswordResetForm.save`` makes; a failed send is retried, then logged.
    """
    form = ResetRequestForm({"email": email})
    if not form.is_valid():
        return 0
    sent = 0
    with translation.override(language):
        for user in form.get_users(form.cleaned_data["email"]):
            context = {
                "email": user.email,
                "domain": domain,
                "site_name": domain,
                "uid": urlsafe_base64_encode(force_bytes(user.pk)),
                "user": user,
                "token": default_token_generator.make_token(user),
                "protocol": "https" if use_https else "http",
            }
            subject = render_to_string("registration/password_reset_subject.txt", context)
            body = render_to_string("registration/password_reset_email.html", context)
            message = EmailMessage("".join(subject.splitlines()), body, to=[user.email])
            sent += _send_with_retries(message, user_id=user.pk)
    return sent


def _send_with_retries(message: EmailMessage, *, user_id: int) -> int:
    for pause in (*MAIL_RETRY_PAUSES, None):
        try:
            return message.send()
        except Exception:
            if pause is None:
                # The user's id, not the address: the log is no list of who has an account.
                logger.exception("Password reset mail to user %s not sent", user_id)
                return 0
            time.sleep(pause)
    return 0
