"""Lessons and realised money through the API: rows of their own (as decisions and cost items),
written through the lessons and actuals services with If-Match, Dutch errors, nothing half."""

from __future__ import annotations

from stuurknop.web.projects.models import Actual, LogEntry, Project

from ..conftest import People
from .conftest import ApiFor, url


def test_a_lesson_is_added_changed_and_deleted_with_its_version(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    lessons = url("lesson_list", project_id=project.pk)
    added = client.post(
        lessons, {"title": "Vroeg beginnen", "learned": "Bewoners eerst."}, format="json"
    )
    assert added.status_code == 201, added.content
    member = added["Location"]
    read = client.get(member)
    saved = client.put(
        member,
        {**read.json(), "learned": "Bewoners eerst, dan de bouw."},
        format="json",
        HTTP_IF_MATCH=read["ETag"],
    )
    assert saved.status_code == 200, saved.content
    assert project.lessons.get(key=added.json()["id"]).learned == "Bewoners eerst, dan de bouw."
    assert client.delete(member, HTTP_IF_MATCH=read["ETag"]).status_code == 412
    assert client.delete(member, HTTP_IF_MATCH=saved["ETag"]).status_code == 204
    assert not project.lessons.filter(key=added.json()["id"]).exists()
    assert LogEntry.objects.filter(project=project, what__icontains="Vroeg beginnen").count() >= 3
    listed = client.get(lessons).json()
    assert all(set(entry) == {"version", "item"} for entry in listed)


def test_realised_money_is_written_on_a_cost_item_and_a_bad_one_stores_nothing(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    scenario = project.scenarios.get(chosen=True)
    ids = {"project_id": project.pk, "scenario_id": scenario.pk}
    before = Actual.objects.filter(scenario=scenario).count()
    bad = client.post(
        url("actual_list", **ids),
        {"cost_item": "bestaat-niet", "year": project.first_year, "amount": "100"},
        format="json",
    )
    assert bad.status_code == 400
    assert bad.json()["detail"] == "Ongeldige invoer; er is niets opgeslagen."
    assert Actual.objects.filter(scenario=scenario).count() == before
    added = client.post(
        url("actual_list", **ids),
        {"cost_item": "k1", "year": project.first_year, "amount": "1250"},
        format="json",
    )
    assert added.status_code == 201, added.content
    read = client.get(added["Location"])
    saved = client.put(
        added["Location"],
        {**read.json(), "amount": "1300"},
        format="json",
        HTTP_IF_MATCH=read["ETag"],
    )
    assert saved.status_code == 200, saved.content
    assert Actual.objects.get(scenario=scenario, key=added.json()["id"]).amount == 1300
    refused = api_for(people.carla).delete(added["Location"], HTTP_IF_MATCH=saved["ETag"])
    assert refused.status_code == 403
