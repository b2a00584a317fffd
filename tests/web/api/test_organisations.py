"""An organisation's portfolio and positions through the API: for its own people only, the
page's figures and filters, positions replaced with If-Match like everything else."""

from __future__ import annotations

from stuurknop.web.projects.models import Project

from ..conftest import People
from .conftest import ApiFor, url


def test_a_user_sees_the_organisations_they_work_at(people: People, api_for: ApiFor) -> None:
    listed = api_for(people.anna).get(url("organisation_list")).json()
    assert listed == [
        {"slug": people.woco.slug, "name": people.woco.name, "party_type": "woningcorporatie"}
    ]


def test_the_portfolio_holds_the_organisations_projects_and_its_filters_apply(
    people: People, project: Project, api_for: ApiFor
) -> None:
    # An organisation's projects are those where one of the parties is linked to it.
    project.parties.filter(key="woco").update(organisation=people.woco)
    client = api_for(people.anna)
    portfolio = url("portfolio", organisation_slug=people.woco.slug)
    figures = client.get(portfolio).json()
    assert figures["total"] == 1
    assert [row["name"] for row in figures["projects"]] == [project.name]
    assert client.get(portfolio, {"fase": "evaluatie"}).json()["total"] == 0
    assert client.get(portfolio, {"stuurknop": "99"}).status_code == 400


def test_another_organisations_portfolio_and_positions_are_404(
    people: People, project: Project, api_for: ApiFor
) -> None:
    outsider = api_for(people.olaf)
    assert outsider.get(url("portfolio", organisation_slug=people.woco.slug)).status_code == 404
    assert outsider.get(url("positions", organisation_slug=people.woco.slug)).status_code == 404


def test_positions_are_replaced_with_the_version_read_and_a_stale_write_gets_412(
    people: People, api_for: ApiFor
) -> None:
    client = api_for(people.anna)
    positions = url("positions", organisation_slug=people.woco.slug)
    read = client.get(positions)
    assert read["ETag"] == '"0"' and read.json()["organisation"] == people.woco.name
    mine = {
        "model_version": read.json()["model_version"],
        "knobs": [{"knob": 4, "max_opening": 2, "role": "trekken"}],
        "sources": [{"source": "I", "pays": False}],
    }
    saved = client.put(positions, mine, format="json", HTTP_IF_MATCH=read["ETag"])
    assert saved.status_code == 200, saved.content
    assert saved.json()["knobs"][0]["max_opening"] == 2 and saved["ETag"] == '"1"'
    stale = client.put(positions, {**mine, "knobs": []}, format="json", HTTP_IF_MATCH='"0"')
    assert stale.status_code == 412
    assert stale.json()["current"]["knobs"][0]["knob"] == 4
    refused = client.put(
        positions, {**mine, "knobs": [{"knob": 11}]}, format="json", HTTP_IF_MATCH='"1"'
    )
    assert refused.status_code == 400 and refused.json()["errors"]
