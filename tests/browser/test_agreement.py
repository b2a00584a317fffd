"""The partners' agreement in Chromium with two organisations: anna (housing corporation,
beheerder) draws up a version from the chosen scenario with the partners' texts and confirms
it for her party; bram (care organisation) confirms it for his; the version is then fixed and
downloaded as a PDF listing both confirmations; a change to the money afterwards is flagged
on the agreement page and the overview. Every state passes axe-core and fits a phone."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from stuurknop.web.projects.entities import FUNDING_LINE, row_data
from stuurknop.web.projects.models import ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import project_import
from stuurknop.web.projects.services.money import funding_line_update
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import page_width, sign_in
from tests.browser.routes import url_of
from tests.reports.printed import pages_text
from tests.web.conftest import People

# The PDF downloads are made by a worker beside the live server.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("job_worker")]


def _fits_a_phone(page: Page, what: str) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    wide = page_width(page)
    assert wide <= 320, f"{what} scrolls sideways on a phone ({wide} px)"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_every_party_at_the_table_confirms_the_agreement_and_a_change_is_flagged(
    page: Page, people: People, make_document: Any
) -> None:
    document = make_document(
        parties={"woco": "woningcorporatie", "zorg": "zorgorganisatie", "fonds": "fonds"},
        not_at_table=["fonds"],
        knobs={4: {"status": "aan", "opening": 2, "lead_party": "zorg"}},
        costs=[{"id": "k1", "knob": 4, "description": "Activiteitenbegeleider", "amount": "20000"}],
        funding=[
            {"id": "f1", "party": "woco", "source": "V", "amount": "12000"},
            {"id": "f2", "party": "fonds", "source": "I", "amount": "8000", "years": 2},
        ],
        chosen=True,
    )
    project = project_import(document=document, by=people.anna, organisation=people.woco)
    ProjectMember.objects.create(project=project, user=people.bram, role=Role.BEWERKER)
    agreement = url_of("agreement_page", project_id=project.pk)

    # anna draws up the first version with the partners' texts, and confirms for her party.
    sign_in(page, "anna")
    page.goto(agreement)
    expect(page.get_by_text("Er is nog geen versie van de afspraak.")).to_be_visible()
    assert_accessible(page, "agreement page before a version")
    page.get_by_label("Hoe we besluiten over wijzigingen").fill(
        "Een wijziging bespreken we in de stuurgroep."
    )
    page.get_by_label("Zorg: uren per jaar").fill("80")
    page.get_by_role("button", name="Versie opstellen").click()
    expect(page.get_by_role("heading", name="Versie 1")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Concept: 0 van 2 partijen aan tafel")
    expect(page.locator("main")).to_contain_text("80 uur")
    page.get_by_role("button", name="Bevestigen voor Woco").click()
    expect(page.locator("main")).to_contain_text("Concept: 1 van 2 partijen aan tafel")
    expect(page.get_by_role("button", name=re.compile("^Bevestigen voor"))).to_have_count(0)

    # bram confirms for the care organisation: the version is fixed.
    sign_in(page, "bram")
    page.goto(agreement)
    page.get_by_role("button", name="Bevestigen voor Zorg").click()
    main = page.locator("main")
    expect(main).to_contain_text("Vastgesteld: alle partijen aan tafel hebben bevestigd")
    expect(main).to_contain_text("Bevestigd door Anna (Woonstichting Het Anker)")
    expect(main).to_contain_text("Bevestigd door Bram (Zorggroep Zuid)")
    assert_accessible(page, "agreement page, fixed")
    _fits_a_phone(page, "agreement page, fixed")

    # downloaded: the PDF lists both confirmations and the fingerprint.
    with page.expect_download() as downloading:
        page.get_by_role("link", name="Download als PDF").click()
    download = downloading.value
    assert download.suggested_filename.startswith("samenwerkingsafspraak-de-linde-versie-1")
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF")
    text = " ".join(pages_text(content))
    assert "Anna" in text and "Bram" in text and "Vastgesteld" in text

    # a change to the money afterwards is flagged on the agreement page and the overview.
    line = project.scenarios.get().funding_lines.get(key="f1")
    data = row_data(FUNDING_LINE, line)
    del data["id"]
    funding_line_update(
        funding_line=line,
        by=people.anna,
        expected_version=line.version,
        **{**data, "amount": "15000"},
    )
    page.goto(agreement)
    flag = page.locator(".agreement-departs")
    expect(flag).to_contain_text("wijkt af van de vastgestelde afspraak")
    expect(flag).to_contain_text("Woco betaalt € 15.000 per jaar")
    assert_accessible(page, "agreement page with a departure")
    page.goto(url_of("project_detail", project_id=project.pk))
    expect(page.locator(".agreement-departs")).to_contain_text("€ 12.000")
