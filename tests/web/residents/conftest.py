"""Fixtures of the questionnaire tests: the shared project's questionnaire, open, and a helper
that posts an answer as a resident's phone would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from stuurknop.web.projects.models import Project
from stuurknop.web.residents.models import Questionnaire
from stuurknop.web.residents.services import questionnaire_create
from tests.web.conftest import People

Post = Callable[..., Any]


@pytest.fixture
def questionnaire(project: Project, people: People) -> Questionnaire:
    return questionnaire_create(project=project, by=people.anna)


def form_url(questionnaire: Questionnaire) -> str:
    return reverse("residents_form", args=[questionnaire.token])


@pytest.fixture
def answer(questionnaire: Questionnaire) -> Post:
    """``answer(zorgteam=3, help_organise="ja", remark="…", address="10.0.0.1")``: post one
    filled-in form from ``address`` (default 192.0.2.10) and return the response."""

    def post(address: str = "192.0.2.10", client: Client | None = None, **fields: Any) -> Any:
        data = {
            (key if key in ("help_organise", "remark", "website") else f"score_{key}"): value
            for key, value in fields.items()
        }
        return (client or Client()).post(form_url(questionnaire), data, REMOTE_ADDR=address)

    return post
