"""Editing a party's interests in place on the values page, as a person does it in Chromium:
the form opens where the party's weights were, with the keyboard focus in it, passes axe-core,
and after saving the party's weights and the value per party change without a page load.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect

from stuurknop.web.projects.models import Interest, Project
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import sign_in
from tests.browser.routes import url_of

pytestmark = pytest.mark.browser


def test_a_bewerker_changes_a_partys_weights_in_place(page: Page, project: Project) -> None:
    cache.clear()  # figures are cached by project id, which the next database hands out again
    scenario = project.scenarios.get()
    woco = project.parties.get(key="woco")
    path = url_of("values_page", project_id=project.pk, scenario_id=scenario.pk)
    sign_in(page, "bram")
    page.goto(path)
    party_values = page.locator("#waarde-per-partij")
    expect(party_values).to_contain_text("3 × 0,10 (Goed wonen) = 0,31")

    page.get_by_role("link", name="Belangen van Woco wijzigen").click()
    weight = page.get_by_label("Hoe belangrijk is Werkplezier voor deze partij?")
    expect(weight).to_be_visible()
    expect(page.get_by_label("Hoe belangrijk is Goed wonen voor deze partij?")).to_be_focused()
    assert page.url.endswith(path), "the form opens in place"
    assert_accessible(page, "values page with the interests form open")

    weight.select_option("2")
    page.locator(f"#belang-{woco.pk}").get_by_label("Waarom?").nth(3).fill("Vaste gezichten")
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_role("status")).to_have_text("Belang van Woco opgeslagen.")
    section = page.locator(f"#belang-{woco.pk}")
    expect(section.get_by_role("row", name=re.compile("Werkplezier"))).to_contain_text(
        "2 – belangrijk"
    )
    expect(party_values).to_contain_text("(Werkplezier)")
    assert page.url.endswith(path), "saved without leaving the page"
    stored = Interest.objects.get(scenario=scenario, party=woco, value="werkplezier")
    assert (stored.weight, stored.reason) == (2, "Vaste gezichten")
    assert_accessible(page, "values page after saving in place")
