"""A party's money is committed only by that party, in Chromium with two organisations: bram
(care organisation) proposes the municipality's money as committed on the worksheet, which
asks the municipality; gert (municipality) finds it under "Te bevestigen" and confirms it;
bram changes the amount and the line falls back to a request; anna (beheerder) records a
fund's commitment on its behalf with its letter. Every page passes axe-core and fits a phone."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from stuurknop.web.projects.entities import FUNDING_LINE, row_data
from stuurknop.web.projects.models import FundingLine, ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import project_import
from stuurknop.web.projects.services.money import funding_line_create, funding_line_update
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import page_width, sign_in
from tests.browser.routes import url_of
from tests.conftest import PARTIES
from tests.web.conftest import People, make_user

pytestmark = pytest.mark.browser


def _fits_a_phone(page: Page, what: str) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    wide = page_width(page)
    assert wide <= 320, f"{what} scrolls sideways on a phone ({wide} px)"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_proposal_is_confirmed_falls_back_on_change_and_a_fund_is_recorded_on_behalf(
    page: Page, people: People, make_document: Any, settings: Any, tmp_path: Any
) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    document = make_document(
        parties={**PARTIES, "fonds": "fonds"},
        not_at_table=["fonds"],
        knobs={4: 2},
        costs=[{"id": "k1", "knob": 4, "description": "Activiteitenbegeleider", "amount": "20000"}],
        chosen=True,
    )
    project = project_import(document=document, by=people.anna, organisation=people.woco)
    ProjectMember.objects.create(project=project, user=people.bram, role=Role.BEWERKER)
    gert = make_user("gert", people.elders)  # the municipality's
    ProjectMember.objects.create(project=project, user=gert, role=Role.BEWERKER)
    scenario = project.scenarios.get()

    # bram proposes the municipality's money as committed: it becomes a request.
    sign_in(page, "bram")
    page.goto(url_of("knob_page", project_id=project.pk, scenario_id=scenario.pk, knob=4))
    details = page.locator("details.add-form", has_text="Financieringsregel toevoegen")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    funding = details.locator("form")
    funding.get_by_label("Voor kostenpost").select_option(label="Activiteitenbegeleider")
    funding.get_by_label("Wie betaalt?").select_option(label="Gemeente")
    funding.get_by_label("Bedrag in euro").fill("5000")
    funding.get_by_label("Hoe zeker is dit geld?").select_option(value="toegezegd")
    expect(funding.get_by_label("Hoe zeker is dit geld?")).to_contain_text("Vraag bevestiging")
    funding.get_by_role("button", name="Financieringsregel toevoegen").click()
    expect(page.locator("#knob-money table").last).to_contain_text("Gemeente")
    line = FundingLine.objects.get(scenario=scenario, party__key="gemeente")
    assert line.status == "in_gesprek" and line.request["state"] == "open"

    # gert finds it across his projects and confirms it.
    sign_in(page, "gert")
    page.goto(url_of("project_list"))
    page.get_by_role("link", name=re.compile("^Te bevestigen")).click()
    assert_accessible(page, "Te bevestigen across projects")
    page.get_by_role("link", name=re.compile("Activiteitenbegeleider")).click()
    page.get_by_label("Opmerking (mag leeg)").fill("Raadsbesluit 2025-14")
    page.get_by_role("button", name=re.compile("^Bevestigen")).click()
    toegezegd = page.locator("section", has=page.get_by_role("heading", name="Toegezegd"))
    expect(toegezegd).to_contain_text("bevestigd door de partij")
    expect(toegezegd).to_contain_text("Gert")
    assert_accessible(page, "the commitments page after confirming")
    _fits_a_phone(page, "the commitments page")

    # bram changes the amount: the confirmation falls back to a request.
    line.refresh_from_db()
    data = {**row_data(FUNDING_LINE, line), "amount": "6000.00"}
    del data["id"]
    funding_line_update(funding_line=line, by=people.bram, expected_version=line.version, **data)
    page.reload()
    waiting = page.locator("section", has=page.get_by_role("heading", name="Wacht op bevestiging"))
    expect(waiting).to_contain_text("Activiteitenbegeleider")
    expect(waiting.get_by_role("button", name=re.compile("^Bevestigen"))).to_be_visible()

    # anna records the fund's commitment on its behalf, with its letter.
    funding_line_create(
        scenario=scenario, by=people.anna, cost_item="k1", party="fonds", source="III",
        amount="4000", years=2, status="in_gesprek",
    )  # fmt: skip
    sign_in(page, "anna")
    page.goto(url_of("commitments_page", project_id=project.pk))
    form = page.locator("form", has=page.get_by_role("button", name="Vastleggen namens Fonds"))
    form.get_by_label("Kenmerk van de brief").fill("FZ-2025-0312")
    form.get_by_label("Datum van de brief").fill("2025-03-14")
    form.get_by_label(re.compile("^De brief")).set_input_files(
        files=[{"name": "brief.pdf", "mimeType": "application/pdf",
                "buffer": b"%PDF-1.4\n% brief van het fonds\n"}]
    )  # fmt: skip
    form.get_by_role("button", name="Vastleggen namens Fonds").click()
    expect(toegezegd).to_contain_text("vastgelegd namens de partij")
    expect(toegezegd).to_contain_text("FZ-2025-0312")
    expect(toegezegd.get_by_role("link", name=re.compile("brief.pdf"))).to_be_visible()
    assert_accessible(page, "the commitments page with a commitment on behalf")
    _fits_a_phone(page, "the commitments page with a letter")
    fund = FundingLine.objects.get(scenario=scenario, party__key="fonds")
    assert fund.commitment["how"] == "namens" and fund.commitment["evidence_file"]

    # The money page says committed money split.
    page.goto(url_of("money_page", project_id=project.pk, scenario_id=scenario.pk))
    expect(page.locator("main")).to_contain_text("vastgelegd namens de partij")
