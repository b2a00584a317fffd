"""Invitations by e-mail: the beheerder ticks the box, the invitee gets a Dutch mail (plain text
and HTML) with the one link that works, from the page that also shows it to copy. The mail is
sent after the response, once the invitation is committed: these tests commit their rows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from stuurknop.web.accounts.background import wait_for_background_jobs
from stuurknop.web.projects.models import ProjectMember

pytestmark = pytest.mark.usefixtures("transactional_db")  # the mail goes out after the commit

if TYPE_CHECKING:
    from stuurknop.web.projects.models import Project
    from tests.web.conftest import People


def _invite(project: Project, people: People, **extra: Any) -> str:
    client = Client()
    client.force_login(people.anna)
    data = {"email": "gerda@zwolle.nl", "role": "bewerker", "party": "gemeente", **extra}
    response = client.post(reverse("invitation_create", args=[project.pk]), data)
    assert response.status_code == 200
    wait_for_background_jobs()
    return response.content.decode()


def test_the_invitee_gets_a_dutch_mail_with_the_link_shown_on_the_page(
    project: Project, people: People, settings: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    people.anna.email = "anna@anker.example"
    people.anna.save()
    page = _invite(project, people, send_mail="on")
    link = re.search(r'id="uitnodigingslink"[^>]*value="([^"]+)"', page)
    assert link and "De link gaat ook per e-mail naar gerda@zwolle.nl." in page

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["gerda@zwolle.nl"] and message.reply_to == ["anna@anker.example"]
    assert message.subject == f"Uitnodiging voor het project {project.name} in Stuurknop"
    assert "Anna nodigt je uit voor het project" in message.body
    assert "als bewerker" in message.body and "namens Gemeente" in message.body
    assert link.group(1) in message.body
    html, kind = message.alternatives[0]  # type: ignore[attr-defined]
    assert kind == "text/html" and f'<a href="{link.group(1)}">' in html

    # The mailed link is the invitation: it signs the invitee up once.
    mailed = re.search(r"http://testserver(/uitnodiging/\S+/)", message.body)
    assert mailed
    response = Client().post(
        mailed.group(1),
        {
            "username": "gerda",
            "first_name": "Gerda",
            "email": "gerda@zwolle.nl",
            "password": "vier woorden op een rij",
            "password_again": "vier woorden op een rij",
        },
    )
    assert response.status_code == 302
    assert ProjectMember.objects.filter(project=project, user__username="gerda").exists()


def test_without_the_box_ticked_no_mail_goes_out(
    project: Project, people: People, settings: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    page = _invite(project, people)
    assert mail.outbox == []
    assert "per e-mail" not in page[page.index('id="nieuwe-link"') :][:600]


def test_a_project_name_with_markup_is_escaped_in_the_html_mail_and_plain_in_the_subject(
    project: Project, people: People, settings: Any
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    project.name = "Hof & <b>Tuin</b>"
    project.save()
    _invite(project, people, send_mail="on")
    message = mail.outbox[0]
    assert message.subject == "Uitnodiging voor het project Hof & <b>Tuin</b> in Stuurknop"
    html = message.alternatives[0][0]  # type: ignore[attr-defined]
    assert "Hof &amp; &lt;b&gt;Tuin&lt;/b&gt;" in html and "<b>Tuin</b>" not in html
