"""Effects in money in the web app: the page per scenario (per-party present values, the
uncertainty, the redistribution), effect estimates added, changed and deleted through the form
(bad input: a Dutch error and nothing stored), the discount rate, the log, and the project file
carrying it all losslessly."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client
from django.urls import reverse

from stuurknop.engine.effect_report import effect_report
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.effects import pv
from stuurknop.projectfile import DocumentInvalid, dump_document, parse_json
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import LogEntry, Project
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import project_import
from stuurknop.web.projects.services.effects import (
    effect_delete,
    effect_estimates,
    effect_save,
    effect_settings_save,
)

if TYPE_CHECKING:
    from tests.web.conftest import People

FORM = {
    "id": "wmo-uitstel",
    "value": "minder_zorgvraag",
    "route": "beter_zien",
    "knobs": ["4"],
    "beneficiary": "gemeente",
    "proxy": "",
    "low": "0",
    "expected": "12.000",
    "high": "30000",
    "first_year": "2026",
    "years": "3",
    "drop_off": "25",
    "deadweight": "25",
    "attribution": "0",
    "displacement": "0",
    "assumption": "Twee bewoners per jaar later in de Wmo.",
    "evidence": "",
    "evidence_need": "",
}


# The same estimate as the service takes it (the form's empty choices as None).
DATA = {**FORM, "knobs": [4], "expected": "12000", "proxy": None, "evidence_need": None}


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _urls(project: Project) -> dict[str, str]:
    scenario = project.scenarios.get()
    args = [project.pk, scenario.pk]
    return {
        "page": reverse("effects_page", args=args),
        "add": reverse("effect_add", args=args),
        "settings": reverse("effect_settings", args=args),
    }


def _post(client: Client, url: str, project: Project, data: dict[str, Any]) -> Any:
    version = project.scenarios.get().version
    return client.post(url, {**data, "version": version})


def test_an_effect_entered_shows_each_partys_result_and_its_uncertainty(
    project: Project, people: People
) -> None:
    client = _client(people.bram)
    urls = _urls(project)
    assert "nog geen effectschattingen" in client.get(urls["page"]).content.decode()
    response = _post(client, urls["add"], project, FORM)
    assert response.status_code == 302, response.content.decode()[:2000]
    effect = effect_estimates(project.scenarios.get())[0]
    assert (effect.expected, effect.knobs, effect.drop_off) == (12000, [4], 25)
    page = client.get(urls["page"]).content.decode()
    document = project_document(project)
    report = effect_report(load_model(), document, document.scenarios[0])
    gemeente = report.result.of("gemeente")
    assert pv(gemeente.pv_benefits).replace(" ", "&nbsp;") in page.replace("€ ", "€&nbsp;")
    assert "Kans op winst" in page and "P10" in page
    assert "Herverdelen" in page or "startpunt" in page
    # the gemeente's own tornado: its net result with the effect at its low and high end
    assert "Gevoeligheid per partij" in page
    assert "Gevoeligheid van het netto resultaat van" in page
    (tornado,) = report.party_tornados
    assert tornado.party == "gemeente" and tornado.bars[0].key == "wmo-uitstel"
    entry = LogEntry.objects.filter(project=project).order_by("-pk").first()
    assert entry is not None and "wmo-uitstel" in entry.what


def test_bad_input_is_said_in_dutch_and_nothing_is_stored(project: Project, people: People) -> None:
    client = _client(people.bram)
    urls = _urls(project)
    bad = {**FORM, "low": "40000"}  # low above expected
    response = _post(client, urls["add"], project, bad)
    assert response.status_code == 400
    assert "laag ≤ verwacht ≤ hoog" in response.content.decode()
    response = _post(client, urls["add"], project, {**FORM, "deadweight": "120"})
    assert response.status_code == 400
    assert effect_estimates(project.scenarios.get()) == []


def test_change_and_delete_with_optimistic_locking(project: Project, people: People) -> None:
    scenario = project.scenarios.get()
    data = DATA
    effect_save(scenario=scenario, by=people.bram, expected_version=scenario.version,
                effect_id=None, data=data)  # fmt: skip
    stale = scenario.version - 1
    with pytest.raises(Conflict):
        effect_save(scenario=scenario, by=people.bram, expected_version=stale,
                    effect_id="wmo-uitstel", data=data)  # fmt: skip
    with pytest.raises(DocumentInvalid):  # an id twice
        effect_save(scenario=scenario, by=people.bram, expected_version=scenario.version,
                    effect_id=None, data=data)  # fmt: skip
    effect_save(scenario=scenario, by=people.bram, expected_version=scenario.version,
                effect_id="wmo-uitstel", data={**data, "expected": "15000"})  # fmt: skip
    assert effect_estimates(scenario)[0].expected == 15000
    effect_delete(scenario=scenario, by=people.bram, expected_version=scenario.version,
                  effect_id="wmo-uitstel")  # fmt: skip
    assert effect_estimates(scenario) == []


def test_a_reader_sees_the_page_but_cannot_add(project: Project, people: People) -> None:
    client = _client(people.carla)
    urls = _urls(project)
    assert client.get(urls["page"]).status_code == 200
    assert client.get(urls["add"]).status_code == 403


def test_the_discount_rate_is_a_project_setting_that_travels_with_the_file(
    project: Project, people: People
) -> None:
    client = _client(people.bram)
    urls = _urls(project)
    response = client.post(urls["settings"], {"discount_rate": "3,5", "version": project.version})
    assert response.status_code == 302
    project.refresh_from_db()
    effect_save(scenario=project.scenarios.get(), by=people.bram,
                expected_version=project.scenarios.get().version, effect_id=None,
                data={**DATA, "risk_free": True})  # fmt: skip
    document = project_document(project)
    assert document.effect_settings.discount_rate == Decimal("3.5")
    # export and import: the same document again, rate and effect fields included
    again = project_import(document=parse_json(dump_document(document)), by=people.anna,
                           organisation=people.woco)  # fmt: skip
    copy = project_document(again)
    assert copy.effect_settings == document.effect_settings
    assert copy.scenarios[0].effects == document.scenarios[0].effects
    with pytest.raises(DocumentInvalid):
        effect_settings_save(project=project, by=people.bram, expected_version=project.version,
                             data={"discount_rate": "99"})  # fmt: skip
    project.refresh_from_db()
    assert project_document(project).effect_settings.discount_rate == Decimal("3.5")


def test_the_worksheet_and_the_money_page_link_to_the_effects(
    project: Project, people: People
) -> None:
    client = _client(people.carla)
    scenario = project.scenarios.get()
    url = _urls(project)["page"]
    knob = client.get(reverse("knob_page", args=[project.pk, scenario.pk, 4])).content.decode()
    money = client.get(reverse("money_page", args=[project.pk, scenario.pk])).content.decode()
    assert url in knob and url in money
    assert "?stuurknop=4" not in knob  # a reader gets no link to a form she cannot use


def test_an_estimate_started_from_a_worksheet_is_tied_to_its_knob(
    project: Project, people: People
) -> None:
    client = _client(people.bram)
    scenario = project.scenarios.get()
    knob = client.get(reverse("knob_page", args=[project.pk, scenario.pk, 4])).content.decode()
    start = f"{_urls(project)['add']}?stuurknop=4"
    assert start in knob
    form = client.get(start)
    assert form.status_code == 200
    checked = form.context["form"]["knobs"].value()
    assert [int(k) for k in checked] == [4]
    # a knob the model does not have is ignored, not an error
    assert client.get(f"{_urls(project)['add']}?stuurknop=42").context["form"]["knobs"].value() in (
        None,
        [],
    )


def test_a_proxy_of_the_projects_own_needs_a_source_and_prices_an_effect(
    project: Project, people: People
) -> None:
    client = _client(people.bram)
    scenario = project.scenarios.get()
    add = reverse("effect_proxy_add", args=[project.pk, scenario.pk])
    proxy = {"id": "uur-hulp", "name": "Uur huishoudelijke hulp", "unit": "per uur",
             "amount": "32,50", "price_year": "2025", "source": "", "url": ""}  # fmt: skip
    response = client.post(add, {**proxy, "version": project.version})
    assert response.status_code == 400  # no source: refused, nothing stored
    project.refresh_from_db()
    assert project_document(project).effect_settings.proxies == []
    source = "Tarief uit de eigen Wmo-inkoop 2025"
    response = client.post(add, {**proxy, "source": source, "version": project.version})
    assert response.status_code == 302
    project.refresh_from_db()  # the scenario's project is this object
    effect_save(scenario=scenario, by=people.bram, expected_version=scenario.version,
                effect_id=None, data={**DATA, "proxy": "uur-hulp", "expected": "100",
                                      "high": "200", "years": 1})  # fmt: skip
    document = project_document(project)
    report = effect_report(load_model(), document, document.scenarios[0])
    # 100 hours × € 32,50, less 25 % deadweight, in 2026 (one year after the base year 2025)
    expected = 100 * 32.5 * 0.75 / 1.0225
    assert report.result.of("gemeente").pv_benefits == pytest.approx(expected)
    # while an effect names it, the proxy cannot be deleted
    project.refresh_from_db()
    delete = reverse("effect_proxy_delete", args=[project.pk, scenario.pk, "uur-hulp"])
    client.post(delete, {"version": project.version})
    project.refresh_from_db()
    assert [p.id for p in project_document(project).effect_settings.proxies] == ["uur-hulp"]
