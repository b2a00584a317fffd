"""The explorer's page and a new scenario from a design: the front with its chart and table,
the constraints as a GET form (bad input said in Dutch), and the one-click scenario through the
scenario and knob services (validated, logged, nothing stored from a refused design).

The shared project (conftest): knobs 2 (stand 2) and 4 (stand 1) on, a € 20.000 yearly cost
item at knob 4 of which the gemeente pays two years.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from stuurknop.engine.explorer import explore
from stuurknop.engine.routes import opening_of
from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.projects.models import LogEntry, Project, Scenario
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services.designs import scenario_from_design
from tests.web.conftest import People


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def scenario(project: Project) -> Scenario:
    return project.scenarios.get()


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page_url(project: Project, scenario: Scenario) -> str:
    return reverse("explorer_page", args=[project.pk, scenario.pk])


def test_the_page_shows_the_front_of_the_engine(project, scenario, people: People) -> None:
    response = signed_in(people.carla).get(page_url(project, scenario))
    assert response.status_code == 200
    html = response.content.decode()
    doc = project_document(project)
    exploration = explore(load_model(doc.model_version), doc, doc.scenario())
    assert "Alle 1.048.576 standen doorgerekend" in html
    assert html.count('<th scope="row">') >= 2 * len(exploration.front)  # table and figure table
    assert "<svg" in html and "Dichtbij en beter" in html
    assert "Maak scenario" not in html  # a reader cannot make one


def test_constraints_narrow_the_front_and_bad_input_is_said(project, scenario, people) -> None:
    client = signed_in(people.bram)
    every = client.get(page_url(project, scenario)).content.decode()
    fixed = client.get(page_url(project, scenario), {"knop_4": "0", "budget": "0"})
    assert fixed.status_code == 200
    html = fixed.content.decode()
    assert "Alle 1.048.576 standen doorgerekend; 262.144 voldoen" not in every
    assert "voldoen aan de voorwaarden" in html and html != every
    bad = client.get(page_url(project, scenario), {"budget": "veel", "minimum_goed_wonen": "2"})
    assert bad.status_code == 400
    assert "Vul een getal in" in bad.content.decode() or "getal" in bad.content.decode()


def test_a_scenario_from_a_design_copies_and_sets_the_knobs(project, scenario, people) -> None:
    openings = [3, 0, 0, 2, 0, 0, 0, 0, 0, 1]
    response = signed_in(people.bram).post(
        reverse("explorer_design", args=[project.pk, scenario.pk]),
        {"standen": ",".join(map(str, openings)), "naam": "Uit de verkenner"},
    )
    created = project.scenarios.get(name="Uit de verkenner")
    assert response.status_code == 302
    assert response["Location"] == reverse("values_page", args=[project.pk, created.pk])
    doc = project_document(project).scenario("Uit de verkenner")

    assert [opening_of(doc, k) for k in range(1, 11)] == openings
    assert doc.setting(2).status.value == "uit"  # was on, now deliberately off
    assert doc.setting(5).status.value == "niet_besproken"  # was not discussed, stays so
    assert len(doc.costs) == 1 and len(doc.interests) == 2  # the rest is copied
    whats = list(LogEntry.objects.order_by("-id").values_list("what", flat=True)[:6])
    assert any("kopie van" in w for w in whats) and any("Stuurknop 1" in w for w in whats)


def test_a_refused_design_stores_nothing(project, scenario, people) -> None:
    before = LogEntry.objects.count()
    with pytest.raises(DocumentInvalid):
        scenario_from_design(source=scenario, by=people.bram, name="Fout", openings=[4] * 10)
    with pytest.raises(DocumentInvalid):
        scenario_from_design(source=scenario, by=people.bram, name="Basis", openings=[1] * 10)
    assert project.scenarios.count() == 1 and LogEntry.objects.count() == before
    response = signed_in(people.bram).post(
        reverse("explorer_design", args=[project.pk, scenario.pk]),
        {"standen": "9,9", "naam": "Fout"},
        follow=True,
    )
    assert "Geen scenario gemaakt" in response.content.decode()
    assert project.scenarios.count() == 1


def test_cost_scaling_per_knob_changes_the_effort(project, scenario, people) -> None:
    client = signed_in(people.carla)
    linear = client.get(page_url(project, scenario), {"knop_4": "3"}).content.decode()
    fixed = client.get(page_url(project, scenario), {"knop_4": "3", "schaal_4": "0"})
    html = fixed.content.decode()
    # knob 4 costs € 20.000 a year at stand 1: linear × 3 at stand 3, fixed (power 0) stays
    assert "€ 60.000" in linear and "€ 60.000" not in html and "€ 20.000" in html
    assert "tot de macht 0" in html


def test_each_design_says_per_party_its_share_and_what_it_pays(project, scenario, people) -> None:
    html = signed_in(people.carla).get(page_url(project, scenario), {"knop_4": "1"}).content
    text = html.decode()
    # knob 4 at 1 costs € 20.000 a year; the gemeente pays 2 of the 5 years (€ 8.000 a year on
    # average), the rest no one (the item names no party and the knob no lead party)
    assert "Gemeente: " in text and "betaalt € 8.000 per jaar" in text
