"""The strategy pages as a member uses them: view, edit (with a conflict), history, compare,
export and import; and a project's checks page showing where it departs from a position."""

from __future__ import annotations

import json
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from stuurknop.web.projects.models import Project
from stuurknop.web.strategy.models import StrategyChange
from stuurknop.web.strategy.selectors import positions_of
from tests.web.conftest import People


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _form(client: Client, slug: str) -> dict[str, Any]:
    """The edit form's fields as the page fills them."""
    response = client.get(reverse("strategy_edit", args=[slug]))
    assert response.status_code == 200
    form = response.context["form"]
    data: dict[str, Any] = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list):
            data[name] = value
        elif value is not None:
            data[name] = str(value)
    return data


def test_a_member_edits_a_position_and_sees_it_on_the_page_and_in_the_history(
    people: People,
) -> None:
    client = _client(people.anna)
    slug = people.woco.slug
    data = _form(client, slug)
    data.update(knob_2_role="trekken", knob_2_max_opening="1")
    data.update(source_IV_pays="ja", source_IV_ceiling="50.000", source_IV_basis="per_project")
    response = client.post(reverse("strategy_edit", args=[slug]), data)
    assert response.status_code == 302
    page = client.get(reverse("strategy_page", args=[slug])).content.decode()
    assert "tot € 50.000 per project" in page
    history = client.get(reverse("strategy_history", args=[slug])).content.decode()
    assert "Bron IV, tot bedrag: niets → € 50.000" in history


def test_an_amount_with_too_many_decimals_is_refused_beside_its_field(people: People) -> None:
    client = _client(people.anna)
    data = _form(client, people.woco.slug)
    data.update(source_IV_pays="ja", source_IV_ceiling="12,345")
    response = client.post(reverse("strategy_edit", args=[people.woco.slug]), data)
    assert response.status_code == 400
    assert response.context["form"].errors["source_IV_ceiling"]
    assert positions_of(people.woco)[1] == 0


def test_a_stale_edit_shows_the_newer_change_and_overwrites_nothing(people: People) -> None:
    first, second = _client(people.anna), _client(people.anna)
    slug = people.woco.slug
    stale = _form(second, slug)
    data = _form(first, slug)
    data.update(knob_5_role="niet", knob_5_max_opening="0")
    assert first.post(reverse("strategy_edit", args=[slug]), data).status_code == 302
    stale.update(knob_5_role="trekken", knob_5_max_opening="3")
    response = second.post(reverse("strategy_edit", args=[slug]), stale)
    assert response.status_code == 409
    assert "rol: niets → niet" in response.content.decode()
    position = positions_of(people.woco)[0].knob(5)
    assert position is not None and position.role.value == "niet"


def test_a_bad_import_says_where_and_stores_nothing(people: People) -> None:
    client = _client(people.anna)
    upload = SimpleUploadedFile("s.json", b'{"format": "stuurknop-strategie"}')
    response = client.post(
        reverse("strategy_import", args=[people.woco.slug]), {"bestand": upload, "version": "0"}
    )
    assert response.status_code == 400
    assert "modelversie: ontbreekt" in response.content.decode()
    assert not StrategyChange.objects.exists()


def test_the_export_is_a_positions_file_that_imports_again(people: People) -> None:
    client = _client(people.anna)
    data = _form(client, people.woco.slug)
    data.update(knob_3_role="bijdragen", knob_3_max_opening="2", conditions="Met huurders")
    client.post(reverse("strategy_edit", args=[people.woco.slug]), data)
    exported = client.get(reverse("strategy_export", args=[people.woco.slug]))
    assert json.loads(exported.content)["format"] == "stuurknop-strategie"
    assert json.loads(exported.content)["conditions"] == "Met huurders"


def test_compare_is_only_with_an_organisation_at_a_shared_table(
    people: People, project: Project
) -> None:
    client = _client(people.anna)
    url = reverse("strategy_compare", args=[people.woco.slug, people.zorg.slug])
    assert client.get(url).status_code == 404
    project.parties.filter(key="woco").update(organisation=people.woco)
    project.parties.filter(key="zorg").update(organisation=people.zorg)
    response = client.get(url)
    assert response.status_code == 200
    assert people.zorg.name in response.content.decode()


def test_the_checks_page_shows_a_departure_from_a_position(
    people: People, project: Project
) -> None:
    project.parties.filter(key="woco").update(organisation=people.woco)
    client = _client(people.anna)
    data = _form(client, people.woco.slug)
    data.update(knob_2_role="bijdragen", knob_2_max_opening="1")
    client.post(reverse("strategy_edit", args=[people.woco.slug]), data)
    scenario = project.scenarios.get(chosen=True)
    page = client.get(reverse("checks_page", args=[project.pk, scenario.pk])).content.decode()
    assert "de strategie van Woonstichting Het Anker gaat tot stand 1" in page


def test_a_file_too_large_is_refused_unread(people: People) -> None:
    client = _client(people.anna)
    upload = SimpleUploadedFile("s.json", b" " * 300_000)
    response = client.post(
        reverse("strategy_import", args=[people.woco.slug]), {"bestand": upload, "version": "0"}
    )
    assert response.status_code == 400
    assert "groter dan 200 kB" in response.content.decode()
