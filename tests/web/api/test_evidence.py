"""The evidence plan's parts through the API: evidence needed before the decision and the
indicators, written through the evidence page's services under the scenario's version."""

from __future__ import annotations

from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.projects.services.evidence import evidence_plans

from ..conftest import People
from .conftest import ApiFor, url


def _ids(project: Project) -> dict[str, int]:
    return {"project_id": project.pk, "scenario_id": project.scenarios.get(chosen=True).pk}


def _version(project: Project) -> str:
    return f'"{project.scenarios.get(chosen=True).version}"'


def _plan(project: Project, value: str) -> list[object]:
    scenario = project.scenarios.get(chosen=True)
    return [p for p in evidence_plans(scenario) if p.value == value]


def test_evidence_is_added_changed_and_deleted_with_the_scenarios_version(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    need = {"kind": "onderzoek", "description": "Onderzoek naar eenzaamheid"}
    added = client.post(
        url("evidence_need_list", value="goed_wonen", **_ids(project)),
        need,
        format="json",
        HTTP_IF_MATCH=_version(project),
    )
    assert added.status_code == 201, added.content
    member = added["Location"]
    read = client.get(member)
    assert read.json()["description"] == "Onderzoek naar eenzaamheid"
    changed = {**read.json(), "status": "binnen", "finding": "Minder eenzaamheid."}
    saved = client.put(member, changed, format="json", HTTP_IF_MATCH=read["ETag"])
    assert saved.status_code == 200, saved.content
    assert saved.json()["finding"] == "Minder eenzaamheid."
    stale = client.delete(member, HTTP_IF_MATCH=read["ETag"])
    assert stale.status_code == 412
    gone = client.delete(member, HTTP_IF_MATCH=saved["ETag"])
    assert gone.status_code == 204
    assert client.get(member).status_code == 404


def test_a_bad_need_or_an_unknown_value_stores_nothing(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    before = Scenario.objects.get(pk=_ids(project)["scenario_id"]).evidence
    bad = client.post(
        url("evidence_need_list", value="goed_wonen", **_ids(project)),
        {"kind": "gokje", "description": ""},
        format="json",
        HTTP_IF_MATCH=_version(project),
    )
    assert bad.status_code == 400
    assert {e["path"] for e in bad.json()["errors"]} >= {"kind"}
    unknown = client.post(
        url("evidence_need_list", value="geen_waarde", **_ids(project)),
        {"kind": "onderzoek", "description": "Iets"},
        format="json",
        HTTP_IF_MATCH=_version(project),
    )
    assert unknown.status_code == 400
    assert Scenario.objects.get(pk=_ids(project)["scenario_id"]).evidence == before


def test_an_indicator_is_added_and_changed_keeping_its_id_and_measurements(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    added = client.post(
        url("indicator_list", value="goed_wonen", **_ids(project)),
        {"name": "Tevredenheid woning", "unit": "cijfer"},
        format="json",
        HTTP_IF_MATCH=_version(project),
    )
    assert added.status_code == 201, added.content
    indicator_id = added.json()["id"]
    member = url("indicator", indicator_id=indicator_id, **_ids(project))
    assert added["Location"] == member
    measured = client.post(
        url("measurements", **_ids(project)),
        [{"indicator": indicator_id, "measurement": {"date": "2026-01-01", "value": "7"}}],
        format="json",
        HTTP_IF_MATCH=added["ETag"],
    )
    assert measured.status_code == 201, measured.content
    read = client.get(member)
    changed = {**read.json(), "id": "ander-id", "target": "8"}
    saved = client.put(member, changed, format="json", HTTP_IF_MATCH=read["ETag"])
    assert saved.status_code == 200, saved.content
    assert saved.json()["id"] == indicator_id
    assert len(saved.json()["measurements"]) == 1
    by_carla = api_for(people.carla).delete(member, HTTP_IF_MATCH=saved["ETag"])
    assert by_carla.status_code == 403
    assert client.delete(member, HTTP_IF_MATCH=saved["ETag"]).status_code == 204
    assert client.get(member).status_code == 404
