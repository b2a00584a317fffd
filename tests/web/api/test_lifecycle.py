"""Writes the pages had and the API lacked: a party changed, a scenario copied or deleted, a
project archived. Same services as the pages, If-Match where something can be overwritten,
Dutch errors and nothing stored half."""

from __future__ import annotations

from stuurknop.web.projects.models import LogEntry, Project, Scenario

from ..conftest import People
from .conftest import ApiFor, url


def _chosen(project: Project) -> Scenario:
    return project.scenarios.get(chosen=True)


def test_a_beheerder_renames_a_party_with_the_projects_revision(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.anna)
    party_url = url("party", project_id=project.pk, party="woco")
    read = client.get(party_url)
    changed = {**read.json(), "name": "Woonstichting De Linde"}
    saved = client.put(party_url, changed, format="json", HTTP_IF_MATCH=read["ETag"])
    assert saved.status_code == 200, saved.content
    assert saved.json()["id"] == "woco"
    assert project.parties.get(key="woco").name == "Woonstichting De Linde"
    assert saved["ETag"] != read["ETag"]
    assert LogEntry.objects.filter(project=project, what__icontains="gewijzigd").exists()


def test_a_party_change_after_another_change_gets_412_and_keeps_the_party(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.anna)
    party_url = url("party", project_id=project.pk, party="woco")
    read = client.get(party_url)
    basics_url = url("basics", project_id=project.pk)
    basics = client.get(basics_url)
    client.put(
        basics_url, {**basics.json(), "homes": 61}, format="json", HTTP_IF_MATCH=basics["ETag"]
    )
    stale = client.put(
        party_url, {**read.json(), "name": "Andere naam"}, format="json", HTTP_IF_MATCH=read["ETag"]
    )
    assert stale.status_code == 412
    assert stale.json()["yours"]["name"] == "Andere naam"
    assert stale.json()["current"]["name"] == read.json()["name"]
    assert project.parties.get(key="woco").name == read.json()["name"]


def test_a_bad_party_is_refused_in_dutch_and_a_bewerker_may_not_change_one(
    people: People, project: Project, api_for: ApiFor
) -> None:
    party_url = url("party", project_id=project.pk, party="woco")
    read = api_for(people.anna).get(party_url)
    bad = {**read.json(), "party_type": "geen_type", "onbekend": 1}
    refused = api_for(people.anna).put(party_url, bad, format="json", HTTP_IF_MATCH=read["ETag"])
    assert refused.status_code == 400
    assert refused.json()["detail"] == "Ongeldige invoer; er is niets opgeslagen."
    assert project.parties.get(key="woco").party_type == read.json()["party_type"]
    by_bram = api_for(people.bram).put(
        party_url, read.json(), format="json", HTTP_IF_MATCH=read["ETag"]
    )
    assert by_bram.status_code == 403


def test_a_scenario_is_copied_whole_and_a_taken_name_stores_nothing(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    source = _chosen(project)
    copy_url = url("scenario_copy", project_id=project.pk, scenario_id=source.pk)
    made = client.post(copy_url, {"name": "Kopie"}, format="json")
    assert made.status_code == 201, made.content
    copy = Scenario.objects.get(pk=made.json()["id"])
    assert not copy.chosen and copy.description == source.description
    assert copy.cost_items.count() == source.cost_items.count()
    assert made["Location"] == url("scenario", project_id=project.pk, scenario_id=copy.pk)
    count = project.scenarios.count()
    again = client.post(copy_url, {"name": "Kopie"}, format="json")
    assert again.status_code == 400
    assert "dubbel" in again.json()["errors"][0]["message"]
    assert project.scenarios.count() == count


def test_a_scenario_is_deleted_with_its_version_but_never_the_last(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    source = _chosen(project)
    copy_url = url("scenario_copy", project_id=project.pk, scenario_id=source.pk)
    made = client.post(copy_url, {"name": "Weg ermee"}, format="json")
    copy_id = made.json()["id"]
    member = url("scenario", project_id=project.pk, scenario_id=copy_id)
    stale = client.delete(member, HTTP_IF_MATCH=f'"{made.json()["version"] + 1}"')
    assert stale.status_code == 412 and stale.json()["current"]["id"] == copy_id
    assert client.delete(member).status_code == 428
    gone = client.delete(member, HTTP_IF_MATCH=made["ETag"])
    assert gone.status_code == 204
    assert not Scenario.objects.filter(pk=copy_id).exists()
    for other in project.scenarios.exclude(pk=source.pk):
        other_url = url("scenario", project_id=project.pk, scenario_id=other.pk)
        client.delete(other_url, HTTP_IF_MATCH=f'"{other.version}"')
    last = url("scenario", project_id=project.pk, scenario_id=source.pk)
    refused = client.delete(last, HTTP_IF_MATCH=f'"{_chosen(project).version}"')
    assert refused.status_code == 400
    assert "laatste scenario" in refused.json()["detail"]
    assert project.scenarios.filter(pk=source.pk).exists()


def test_an_archived_project_is_only_read_afterwards(
    people: People, project: Project, api_for: ApiFor
) -> None:
    assert (
        api_for(people.bram).post(url("project_archive", project_id=project.pk)).status_code == 403
    )
    client = api_for(people.anna)
    archived = client.post(url("project_archive", project_id=project.pk))
    assert archived.status_code == 200 and archived.json()["archived"] is True
    project.refresh_from_db()
    assert project.archived
    basics = client.get(url("basics", project_id=project.pk))
    write = client.put(
        url("basics", project_id=project.pk),
        basics.json(),
        format="json",
        HTTP_IF_MATCH=basics["ETag"],
    )
    assert write.status_code == 403
    assert client.post(url("project_archive", project_id=project.pk)).status_code == 403
