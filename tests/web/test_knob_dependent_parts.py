"""An edit of a knob's money updates every part of its worksheet that depends on it.

The shared project (conftest) with knob 6 (a community) turned on at stand 2 without a cost
item, so its worksheet warns that it "staat aan … zonder kostenpost" (the model's check that a
community needs a paid professional). Adding a cost item with htmx answers with the
money part and, out of band, the status text and the knob's checks, so the warning goes at
once; without JavaScript the page after the redirect shows the same.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client
from django.urls import reverse

from stuurknop.web.projects.models import Project, Scenario

if TYPE_CHECKING:
    from tests.web.conftest import People

HTMX = {"HTTP_HX_REQUEST": "true"}
KNOB = 6
WARNING = "staat aan (stand 2) zonder kostenpost"
COST = {
    "description": "Huismeester",
    "kind": "jaarlijks",
    "amount": "8000",
    "first_year": "2026",
    "years": "3",
    "party": "welzijn",
}


@pytest.fixture
def scenario(project: Project) -> Scenario:
    return project.scenarios.get()


@pytest.fixture
def bram(people: People, scenario: Scenario) -> Client:
    """bram, bewerker, who has just turned knob 6 on without a cost item."""
    client = Client()
    client.force_login(people.bram)
    save = reverse("knob_save", args=[scenario.project_id, scenario.pk, KNOB])
    response = client.post(save, {"status": "aan", "opening": "2", "version": "0"})
    assert response.status_code == 302
    return client


def checks_part(html: str) -> str:
    """The element that holds the knob's checks, as the answer has it."""
    match = re.search(r'<div id="knob-checks-part"[^>]*>.*?</div>\s*$', html, re.S)
    if match is None:
        match = re.search(r'<div id="knob-checks-part"[^>]*>.*?</ul>\s*</section>', html, re.S)
    assert match is not None, "no #knob-checks-part in the answer"
    return match[0]


def page(scenario: Scenario, knob: int) -> str:
    return reverse("knob_page", args=[scenario.project_id, scenario.pk, knob])


def create(scenario: Scenario, knob: int) -> str:
    return reverse("cost_item_create", args=[scenario.project_id, scenario.pk, knob])


def text(response: Any) -> str:
    return str(response.content.decode())


def test_the_page_warns_about_a_knob_that_is_on_without_a_cost_item(
    scenario: Scenario, bram: Client
) -> None:
    html = text(bram.get(page(scenario, KNOB)))
    assert WARNING in checks_part(html)


def test_adding_a_cost_item_with_htmx_sends_the_checks_without_the_warning(
    scenario: Scenario, bram: Client
) -> None:
    response = bram.post(create(scenario, KNOB), COST, **HTMX)
    html = text(response)
    assert response.status_code == 200 and "<html" not in html
    assert html.lstrip().startswith('<div id="knob-money"') and "Huismeester" in html
    # Out of band: the status text and the checks, which no longer warn.
    assert re.search(r'id="knob-money-status" hx-swap-oob="innerHTML">Kostenpost toegevoegd', html)
    assert re.search(r'<div id="knob-checks-part" hx-swap-oob="outerHTML">', html)
    assert WARNING not in html


def test_deleting_the_last_cost_item_with_htmx_brings_the_warning_back(
    scenario: Scenario, bram: Client
) -> None:
    bram.post(create(scenario, KNOB), COST, **HTMX)
    item = scenario.cost_items.get(description="Huismeester")
    url = reverse("cost_item_delete", args=[scenario.project_id, scenario.pk, KNOB, item.pk])
    html = text(bram.post(url, {"version": item.version}, **HTMX))
    assert '<div id="knob-checks-part" hx-swap-oob="outerHTML">' in html
    assert WARNING in html


def test_without_javascript_the_page_after_the_redirect_has_no_warning(
    scenario: Scenario, bram: Client
) -> None:
    response = bram.post(create(scenario, KNOB), COST)
    assert response.status_code == 302
    html = text(bram.get(response["Location"]))
    assert "Huismeester" in html and WARNING not in html
    # The full page never marks its parts as out of band.
    assert "hx-swap-oob" not in html.split('id="knob-checks-part"')[1][:40]
