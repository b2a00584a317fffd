"""A project's parts through the API: the same services as the pages, with optimistic
concurrency (ETag on reads, If-Match on writes, 412 with both versions on a stale write),
validation errors that name their place, and perspectives that stay hidden until revealed."""

from __future__ import annotations

from rest_framework.test import APIClient

from stuurknop.web.projects.models import CostItem, LogEntry, Project
from stuurknop.web.projects.services.perspectives import perspective_set, perspectives_reveal

from ..conftest import People
from .conftest import ApiFor, url


def _scenario_id(project: Project) -> int:
    return project.scenarios.get(chosen=True).pk


def _cost_item_url(project: Project, key: str = "k1") -> str:
    return url("cost_item", project_id=project.pk, scenario_id=_scenario_id(project), key=key)


def test_a_cost_item_reads_with_its_version_and_saves_with_it(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    read = client.get(_cost_item_url(project))
    item = read.json()
    item["description"] = "Activiteitenbegeleider 0,5 fte"
    saved = client.put(_cost_item_url(project), item, format="json", HTTP_IF_MATCH=read["ETag"])
    assert saved.status_code == 200, saved.content
    assert saved.json()["description"] == "Activiteitenbegeleider 0,5 fte"
    assert saved["ETag"] != read["ETag"]
    assert LogEntry.objects.filter(project=project, who__icontains="bram").exists()


def test_a_stale_write_gets_412_with_both_versions_and_changes_nothing(
    people: People, project: Project, api_for: ApiFor
) -> None:
    bram, anna = api_for(people.bram), api_for(people.anna)
    seen = bram.get(_cost_item_url(project))
    theirs = {**seen.json(), "description": "Door Anna"}
    assert (
        anna.put(
            _cost_item_url(project), theirs, format="json", HTTP_IF_MATCH=seen["ETag"]
        ).status_code
        == 200
    )
    mine = {**seen.json(), "description": "Door Bram"}
    stale = bram.put(_cost_item_url(project), mine, format="json", HTTP_IF_MATCH=seen["ETag"])
    assert stale.status_code == 412
    body = stale.json()
    assert body["yours"]["description"] == "Door Bram"
    assert body["current"]["description"] == "Door Anna"
    assert body["current_version"] > body["expected_version"]
    assert "iemand anders" in body["detail"]
    assert CostItem.objects.get(scenario__project=project, key="k1").description == "Door Anna"


def test_a_write_without_if_match_is_428_and_stores_nothing(
    people: People, project: Project, api_for: ApiFor
) -> None:
    before = LogEntry.objects.filter(project=project).count()
    item = api_for(people.bram).get(_cost_item_url(project)).json()
    refused = api_for(people.bram).put(_cost_item_url(project), item, format="json")
    assert refused.status_code == 428
    assert LogEntry.objects.filter(project=project).count() == before


def test_a_bad_cost_item_is_refused_with_dutch_errors_and_nothing_stored(
    people: People, project: Project, api_for: ApiFor
) -> None:
    scenario_id = _scenario_id(project)
    listed = url("cost_item_list", project_id=project.pk, scenario_id=scenario_id)
    client = api_for(people.bram)
    before = CostItem.objects.count()
    refused = client.post(
        listed,
        {
            "knob": 4,
            "description": "Koffie",
            "kind": "jaarlijks",
            "amount": "-5",
            "first_year": 2026,
        },
        format="json",
    )
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["path"].endswith("amount")
    assert CostItem.objects.count() == before
    made = client.post(
        listed,
        {
            "knob": 4,
            "description": "Koffie",
            "kind": "jaarlijks",
            "amount": "500",
            "first_year": 2026,
        },
        format="json",
    )
    assert made.status_code == 201, made.content
    assert made.json()["id"] == "k2"
    assert client.get(made["Location"]).json() == made.json()


def test_a_cost_item_still_paid_for_is_not_deleted(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    read = client.get(_cost_item_url(project))
    refused = client.delete(_cost_item_url(project), HTTP_IF_MATCH=read["ETag"])
    assert refused.status_code == 400
    assert "financiering" in refused.json()["errors"][0]["message"]
    assert CostItem.objects.filter(scenario__project=project, key="k1").exists()


def test_a_knob_not_yet_discussed_is_version_0_and_is_set_with_it(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    knob = url("knob_setting", project_id=project.pk, scenario_id=_scenario_id(project), knob=7)
    read = client.get(knob)
    assert read["ETag"] == '"0"' and read.json()["status"] == "niet_besproken"
    saved = client.put(
        knob, {"status": "aan", "opening": 2}, format="json", HTTP_IF_MATCH=read["ETag"]
    )
    assert saved.status_code == 200, saved.content
    assert saved.json()["opening"] == 2 and saved["ETag"] == '"1"'


def test_basics_and_interests_are_written_through_the_services(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    basics = client.get(url("basics", project_id=project.pk))
    changed = {**basics.json(), "homes": 61}
    saved = client.put(
        url("basics", project_id=project.pk), changed, format="json", HTTP_IF_MATCH=basics["ETag"]
    )
    assert saved.status_code == 200 and saved.json()["homes"] == 61
    interest = url(
        "interest",
        project_id=project.pk,
        scenario_id=_scenario_id(project),
        party="woco",
        value="goed_wonen",
    )
    read = client.get(interest)
    set_ = client.put(interest, {"weight": 1}, format="json", HTTP_IF_MATCH=read["ETag"])
    assert set_.status_code == 200 and set_.json()["weight"] == 1


def _perspectives(client: APIClient, project: Project) -> set[str]:
    shown = client.get(url("perspectives_list", project_id=project.pk)).json()
    return {p["party"] for p in shown}


def test_hidden_perspectives_never_leak_until_the_beheerder_reveals_them(
    people: People, project: Project, api_for: ApiFor
) -> None:
    for who, party in ((people.anna, "woco"), (people.bram, "zorg")):
        perspective_set(
            project=project,
            by=who,
            party=party,
            knobs={4: 3},
            values={"goed_wonen": 3},
            remarks=f"geheim van {party}",
            expected_version=1,
        )
    bram, carla = api_for(people.bram), api_for(people.carla)
    assert _perspectives(bram, project) == {"zorg"}
    assert _perspectives(carla, project) == set()
    for client in (bram, carla):
        document = client.get(url("project_detail", project_id=project.pk)).content.decode()
        assert "geheim van woco" not in document
        analysis = client.get(
            url("scenario_analysis", project_id=project.pk, scenario_id=_scenario_id(project))
        ).content.decode()
        assert "geheim van woco" not in analysis
    assert (
        "geheim van" not in carla.get(url("project_detail", project_id=project.pk)).content.decode()
    )
    perspectives_reveal(project=project, by=people.anna)
    assert _perspectives(carla, project) == {"woco", "zorg"}


def test_decisions_and_actions_are_written_through_the_meeting_services(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    made = client.post(
        url("decision_list", project_id=project.pk),
        {"title": "Koffie blijft gratis", "date": "2026-12-10"},
        format="json",
    )
    assert made.status_code == 201, made.content
    decision = made.json()
    assert decision["id"] == "b1"
    action = client.post(
        url("action_list", project_id=project.pk),
        {"title": "Bewoners informeren", "decision": decision["id"]},
        format="json",
    )
    assert action.status_code == 201, action.content
    read = client.get(action["Location"])
    done = client.put(
        action["Location"],
        {**read.json(), "status": "klaar"},
        format="json",
        HTTP_IF_MATCH=read["ETag"],
    )
    assert done.status_code == 200 and done.json()["status"] == "klaar"
    listed = client.get(url("action_list", project_id=project.pk)).json()
    assert listed == [{"version": 2, "item": done.json()}]
    assert (
        "Bewoners informeren"
        in client.get(url("history", project_id=project.pk)).json()["results"][0]["what"]
    )


def test_a_party_gives_its_view_and_a_hidden_view_is_404_even_in_a_conflict(
    people: People, project: Project, api_for: ApiFor
) -> None:
    bram, carla, anna = api_for(people.bram), api_for(people.carla), api_for(people.anna)
    zorg = url("perspective", project_id=project.pk, party="zorg")
    given = bram.put(
        zorg,
        {"knobs": {"4": 3}, "remarks": "geheim van zorg"},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert given.status_code == 200, given.content
    assert given.json()["origin"] == "eigen" and given["ETag"] == '"2"'
    assert bram.get(zorg).json()["remarks"] == "geheim van zorg"
    assert carla.get(zorg).status_code == 404
    # anna (beheerder, woco) writes on zorg's behalf with a stale version: refused with 412,
    # and the answer does not show her the view she may not see yet.
    stale = anna.put(zorg, {"knobs": {"4": 1}}, format="json", HTTP_IF_MATCH='"1"')
    assert stale.status_code == 412
    assert stale.json()["current"] is None
    assert "geheim van zorg" not in stale.content.decode()
    perspectives_reveal(project=project, by=people.anna)
    assert carla.get(zorg).json()["knobs"] == {"4": 3}


def test_effect_estimates_are_written_with_the_scenarios_version(
    people: People, project: Project, api_for: ApiFor
) -> None:
    client = api_for(people.bram)
    listed = url("effect_list", project_id=project.pk, scenario_id=_scenario_id(project))
    read = client.get(listed)
    estimate = {
        "id": "wmo-uitstel",
        "value": "minder_zorgvraag",
        "route": "beter_zien",
        "knobs": [4],
        "beneficiary": "gemeente",
        "low": "0",
        "expected": "12000",
        "high": "30000",
        "first_year": 2026,
        "years": 3,
    }
    made = client.post(listed, estimate, format="json", HTTP_IF_MATCH=read["ETag"])
    assert made.status_code == 201, made.content
    stale = client.put(
        made["Location"],
        {**estimate, "expected": "9000"},
        format="json",
        HTTP_IF_MATCH=read["ETag"],
    )
    assert stale.status_code == 412 and stale.json()["current"]["expected"] == "12000"
    saved = client.put(
        made["Location"],
        {**estimate, "expected": "9000"},
        format="json",
        HTTP_IF_MATCH=made["ETag"],
    )
    assert saved.status_code == 200 and saved.json()["expected"] == "9000"
    assert [e["expected"] for e in client.get(listed).json()] == ["9000"]


def test_a_script_sends_measurements_all_or_none(
    people: People, project: Project, api_for: ApiFor
) -> None:
    import datetime as dt
    from decimal import Decimal

    from stuurknop.web.projects.services.evidence import indicator_save

    scenario = project.scenarios.get(chosen=True)
    indicator = indicator_save(
        scenario=scenario,
        by=people.bram,
        expected_version=scenario.version,
        value="minder_zorgvraag",
        indicator_id=None,
        data={
            "name": "Tevredenheid bewoners",
            "unit": "rapportcijfer",
            "direction": "hoger_beter",
            "baseline": Decimal("6"),
            "baseline_date": dt.date(2024, 1, 1),
            "target": Decimal("8"),
            "target_date": dt.date(2026, 1, 1),
            "owner": "zorg",
            "knobs": [4],
        },
    )
    client = api_for(people.bram)
    ids = {"project_id": project.pk, "scenario_id": scenario.pk}
    read = client.get(url("evidence_list", **ids))
    sent = url("measurements", **ids)
    one = {"indicator": indicator.id, "measurement": {"date": "2025-06-01", "value": "7"}}
    bad = {"indicator": "onbekend", "measurement": {"date": "2025-07-01", "value": "7"}}
    refused = client.post(sent, [one, bad], format="json", HTTP_IF_MATCH=read["ETag"])
    assert refused.status_code == 400
    assert "onbekende indicator" in refused.json()["errors"][0]["message"]
    added = client.post(sent, [one], format="json", HTTP_IF_MATCH=read["ETag"])
    assert added.status_code == 201 and added.json() == {"added": 1}
    evidence = client.get(url("evidence_list", **ids))
    assert evidence["ETag"] == added["ETag"]
    measured = evidence.json()[0]["indicators"][0]["measurements"]
    assert [(m["date"], m["value"]) for m in measured] == [("2025-06-01", "7")]
