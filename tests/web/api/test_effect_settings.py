"""The project's discount rate and own proxies through the API: the effects page's service,
the project's version as ETag, a stale or bad write storing nothing."""

from __future__ import annotations

from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services.effects import effect_settings

from ..conftest import People
from .conftest import ApiFor, url

PROXY = {
    "id": "eigen_uur",
    "name": "Uur begeleiding (eigen tarief)",
    "unit": "per uur",
    "amount": "61.50",
    "price_year": 2025,
    "source": "Eigen tarievenlijst 2025",
}


def test_the_discount_rate_and_an_own_proxy_are_saved_with_the_projects_version(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    settings_url = url("effect_settings", project_id=project.pk)
    read = client.get(settings_url)
    assert read.status_code == 200
    changed = {**read.json(), "discount_rate": "4", "proxies": [PROXY]}
    saved = client.put(settings_url, changed, format="json", HTTP_IF_MATCH=read["ETag"])
    assert saved.status_code == 200, saved.content
    stored = effect_settings(Project.objects.get(pk=project.pk))
    assert str(stored.discount_rate) in {"4", "4.0", "4.00"}
    assert [p.id for p in stored.proxies] == ["eigen_uur"]
    assert saved["ETag"] != read["ETag"]


def test_a_stale_or_bad_settings_write_stores_nothing(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    settings_url = url("effect_settings", project_id=project.pk)
    read = client.get(settings_url)
    before = effect_settings(project).model_dump(mode="json")
    bad = client.put(
        settings_url, {"discount_rate": "-80"}, format="json", HTTP_IF_MATCH=read["ETag"]
    )
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["path"]
    version = int(read["ETag"].strip('"'))
    stale = client.put(
        settings_url, {"discount_rate": "3"}, format="json", HTTP_IF_MATCH=f'"{version - 1}"'
    )
    assert stale.status_code == 412
    assert stale.json()["current"] == before
    assert effect_settings(Project.objects.get(pk=project.pk)).model_dump(mode="json") == before
    by_carla = api_for(people.carla).put(
        settings_url, before, format="json", HTTP_IF_MATCH=read["ETag"]
    )
    assert by_carla.status_code == 403
