"""The invitation link by e-mail: a Dutch message, as plain text and as HTML.

The link holds the invitation's secret token, which is stored nowhere (only its hash is), so
the mail is made from the link the beheerder just saw, once, right after the invitation.
It goes out after the response (:mod:`stuurknop.web.accounts.background`): a slow mail server
never holds up the page, and the page shows the link anyway, to copy should the mail not come.
"""

from __future__ import annotations

import logging

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from stuurknop.web.projects.models import Invitation
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.log import display_name

logger = logging.getLogger(__name__)


def invitation_mail(*, invitation: Invitation, link: str) -> EmailMultiAlternatives:
    """The message to the invitee: who invites them to which project, in which role, the link
    and until when it works; a reply goes to the one who invited."""
    inviter = invitation.created_by
    context = {
        "invitation": invitation,
        "project": invitation.project,
        "inviter": display_name(inviter) if inviter else "",
        "role": Role(invitation.role).label.lower(),
        "link": link,
    }
    subject = render_to_string("projects/members/invitation_email_subject.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string("projects/members/invitation_email.txt", context),
        to=[invitation.email],
        reply_to=[inviter.email] if inviter and inviter.email else None,
    )
    message.attach_alternative(
        render_to_string("projects/members/invitation_email.html", context), "text/html"
    )
    return message


def invitation_mail_send(*, invitation_id: int, link: str, language: str) -> int:
    """Send the invitation's mail (1) or log why not (0); runs after the response."""
    invitation = (
        Invitation.objects.select_related("project", "created_by").filter(pk=invitation_id).first()
    )
    if invitation is None:
        return 0
    with translation.override(language):
        message = invitation_mail(invitation=invitation, link=link)
    try:
        return message.send()
    except Exception:
        # The invitation's id, not the address; the beheerder still has the link to copy.
        logger.exception("Invitation mail %s not sent", invitation_id)
        return 0
