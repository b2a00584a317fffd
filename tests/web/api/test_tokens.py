"""Personal API tokens: made and revoked on a page, shown once, stored hashed, scoped,
throttled; the browser's session works too, with its CSRF check."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from stuurknop.web.api.models import ApiToken, TokenScope
from stuurknop.web.projects.models import Project

from ..conftest import People
from .conftest import ApiFor, url

SECRET = re.compile(r"sk_[A-Za-z0-9_-]{40,}")


def _signed_in(people: People) -> Client:
    client = Client()
    client.force_login(people.anna)
    return client


def test_a_new_token_is_shown_once_and_only_its_hash_is_kept(people: People) -> None:
    client = _signed_in(people)
    made = client.post(reverse("api_tokens"), {"name": "rapportage", "scope": TokenScope.READ})
    assert made.status_code == 200
    secret = SECRET.search(made.content.decode())
    assert secret is not None
    token = ApiToken.objects.get(user=people.anna)
    assert token.digest != secret.group(0) and secret.group(0) not in token.digest
    assert token.prefix == secret.group(0)[: len(token.prefix)]
    again = client.get(reverse("api_tokens")).content.decode()
    assert "rapportage" in again and secret.group(0) not in again


def test_a_token_without_a_name_is_refused_with_a_dutch_message(people: People) -> None:
    refused = _signed_in(people).post(reverse("api_tokens"), {"name": "", "scope": "lezen"})
    assert refused.status_code == 400
    assert "niet gemaakt" in refused.content.decode()
    assert not ApiToken.objects.exists()


def test_a_revoked_token_stops_working_and_only_its_owner_can_revoke_it(
    people: People, api_for: ApiFor
) -> None:
    client = api_for(people.anna)
    assert client.get(url("project_list")).status_code == 200
    token = ApiToken.objects.get(user=people.anna)
    other = Client()
    other.force_login(people.olaf)
    other.post(reverse("api_tokens"), {"revoke": str(token.pk)})
    assert client.get(url("project_list")).status_code == 200
    _signed_in(people).post(reverse("api_tokens"), {"revoke": str(token.pk)})
    refused = client.get(url("project_list"))
    assert refused.status_code == 401
    assert "ingetrokken" in refused.json()["detail"]


def test_a_token_notes_when_it_was_last_used(people: People, api_for: ApiFor) -> None:
    client = api_for(people.anna)
    assert ApiToken.objects.get().last_used_at is None
    client.get(url("project_list"))
    assert ApiToken.objects.get().last_used_at is not None


def test_an_unknown_token_and_no_token_are_401(people: People) -> None:
    client = APIClient()
    assert client.get(url("project_list")).status_code == 401
    client.credentials(HTTP_AUTHORIZATION="Bearer sk_not-a-real-token")
    assert client.get(url("project_list")).status_code == 401


def test_a_read_token_reads_but_may_not_write(
    people: People, project: Project, api_for: ApiFor, document_data: Any
) -> None:
    client = api_for(people.anna, TokenScope.READ)
    assert client.get(url("project_detail", project_id=project.pk)).status_code == 200
    refused = client.post(url("project_list"), document_data(), format="json")
    assert refused.status_code == 403
    assert "alleen lezen" in refused.json()["detail"]
    assert Project.objects.count() == 1


def test_the_session_works_and_its_writes_need_the_csrf_token(
    people: People, project: Project
) -> None:
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(people.anna)
    assert client.get(url("project_detail", project_id=project.pk)).status_code == 200
    refused = client.post(
        url("scenario_list", project_id=project.pk), {"name": "Zonder CSRF"}, format="json"
    )
    assert refused.status_code == 403
    assert not project.scenarios.filter(name="Zonder CSRF").exists()


def test_calls_beyond_the_rate_are_throttled_per_token(
    people: People, api_for: ApiFor, settings: Any
) -> None:
    settings.STUURKNOP_API_RATE = "3/minute"
    first, second = api_for(people.anna), api_for(people.anna)
    answers = [first.get(url("project_list")).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    assert second.get(url("project_list")).status_code == 200
