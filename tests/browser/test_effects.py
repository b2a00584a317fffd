"""Effects in money in Chromium: a bewerker enters an effect estimate through the form (the
0/25/50/75/100 % scale offered), sees each party's present values, its P10/P50/P90 and chance of
coming out ahead and the redistribution; every state passes axe-core and fits 320 px."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from stuurknop.projectfile import ProjectDocument
from stuurknop.web.projects.models import ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import project_import
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import page_width, sign_in
from tests.browser.routes import url_of
from tests.web.conftest import People

pytestmark = pytest.mark.browser

WIDER = """(w) => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > w + 1)
  .slice(0, 5).map(e => e.tagName + '#' + e.id + ' ' + (e.textContent || '').slice(0, 30))"""


def _fits(page: Page, what: str) -> None:
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        wide = page_width(page)
        wider = page.evaluate(WIDER, width)
        assert wide <= width, f"{what} scrolls sideways at {width} px ({wide} px): {wider}"
    assert_accessible(page, what)


def test_enter_an_effect_and_see_each_partys_result_and_its_uncertainty(
    page: Page, people: People, shared_document: ProjectDocument
) -> None:
    project = project_import(document=shared_document, by=people.anna)
    ProjectMember.objects.create(project=project, user=people.bram, role=Role.BEWERKER)
    scenario = project.scenarios.get()
    sign_in(page, "bram")
    page.goto(url_of("effects_page", project_id=project.pk, scenario_id=scenario.pk))
    expect(page.locator("main")).to_contain_text("nog geen effectschattingen in geld")
    _fits(page, "the effects page without estimates")
    page.get_by_role("link", name="Effectschatting toevoegen").click()
    page.wait_for_url("**/effecten/nieuw/")
    page.wait_for_load_state("load")
    _fits(page, "the effect form")
    assert page.locator("datalist#effect-percentages option").count() == 5
    page.get_by_label("Korte naam").fill("wmo-uitstel")
    page.get_by_label("Waarde").select_option("minder_zorgvraag")
    page.get_by_label("Route").select_option("beter_zien")
    page.get_by_label("Ontvanger").select_option("gemeente")
    page.get_by_label("Laag").fill("0")
    page.get_by_label("Verwacht").fill("30.000")
    page.get_by_label("Hoog").fill("60.000")
    page.get_by_label("Was toch gebeurd").fill("25")
    page.get_by_role("button", name="Opslaan").click()
    main = page.locator("main")
    expect(main).to_contain_text("Effectschatting opgeslagen.")
    expect(main).to_contain_text("Kans op winst")
    expect(main).to_contain_text("P10")
    expect(main).to_contain_text("Project als geheel")
    expect(main).to_contain_text("Gemeente")
    expect(main).to_contain_text(
        re.compile("herverdelen is niet nodig|Herverdelen lukt niet|startpunt voor het")
    )
    expect(main).to_contain_text("Kosten waar nog niemand voor betaalt")  # after the fund
    # the gemeente's own tornado: its net result with the estimate at its low and high end
    expect(main).to_contain_text("Gevoeligheid per partij")
    expect(
        main.get_by_role("table", name=re.compile("het netto resultaat van Gemeente"))
    ).to_be_visible()
    _fits(page, "the effects page with an estimate")


def test_an_effect_priced_with_a_proxy_says_it_in_words_and_the_library_is_a_page(
    page: Page, people: People, shared_document: ProjectDocument
) -> None:
    from stuurknop.gespreksmodel import load_model
    from stuurknop.presentation.proxies import model_library

    library = model_library(load_model().version)
    assert library is not None
    nursing = library.proxy("verpleging_thuis_uur")
    assert nursing is not None
    project = project_import(document=shared_document, by=people.anna)
    scenario = project.scenarios.get()
    sign_in(page, "anna")
    page.goto(url_of("effect_add", project_id=project.pk, scenario_id=scenario.pk))
    page.get_by_label("Korte naam").fill("thuiszorg")
    page.get_by_label("Waarde").select_option("minder_zorgvraag")
    page.get_by_label("Route").select_option("beter_zien")
    page.get_by_label("Ontvanger").select_option("gemeente")
    page.get_by_label("Kengetal").select_option(nursing.id)
    page.get_by_label("Laag").fill("100")
    page.get_by_label("Verwacht").fill("200")
    page.get_by_label("Hoog").fill("300")
    page.get_by_role("button", name="Opslaan").click()
    main = page.locator("main")
    expect(main).to_contain_text("Effectschatting opgeslagen.")
    expect(main).to_contain_text(f"100 / 200 / 300 uur × {nursing.name} (")
    expect(main).not_to_contain_text("× kengetal")
    page.get_by_role("link", name="Kengetallen en discontovoet, met hun bronnen").click()
    page.wait_for_url("**/effecten/kengetallen/")
    page.wait_for_load_state("load")
    table = page.get_by_role("table", name="Kengetallen uit het model")
    expect(table.get_by_role("row")).to_have_count(len(library.proxies) + 1)
    url = str(library.citations[0].url)
    expect(main.get_by_role("link", name=url, exact=True)).to_be_visible()
    _fits(page, "the proxy library page")
