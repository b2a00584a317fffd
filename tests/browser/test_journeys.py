"""What people do in the browser, start to finish: a new user sets a project up and finds the
gap that temporary money leaves; an invited partner gets in, an outsider does not."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from stuurknop.web.projects.models import CostItem, FundingLine, KnobSetting, Project
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import sign_in
from tests.browser.routes import url_of
from tests.web.conftest import People, make_user

pytestmark = pytest.mark.browser

PROJECT_NAME = "Buurtkamer De Esch"


def add_party(page: Page, name: str, party_type: str) -> None:
    form = page.locator("form", has=page.get_by_role("button", name="Partij toevoegen"))
    form.get_by_label("Naam van de partij").fill(name)
    form.get_by_label("Soort partij").select_option(label=party_type)
    form.get_by_label("Ja, aan tafel").check()
    form.get_by_role("button", name="Partij toevoegen").click()
    expect(page.locator("table.party-table")).to_contain_text(name)


def switch_knob_on(page: Page, opening: str) -> None:
    form = page.locator("form.setting-form")
    form.get_by_label("aan", exact=True).check()
    form.get_by_label(opening).check()
    form.get_by_role("button", name="Keuze opslaan").click()
    expect(page.locator(".knob-state")).to_contain_text("aan")


def add_form(page: Page, summary: str) -> Locator:
    """The add form in the knob page's money part, opened (it sits in a <details>)."""
    details = page.locator("details.add-form", has_text=summary)
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details.locator("form")


def test_a_new_user_sets_up_a_project_and_sees_the_gap_of_a_temporary_subsidy(
    page: Page, people: People, screenshot: Callable[[str], Path]
) -> None:
    make_user("nina", people.woco)  # works at the corporation, in no project yet
    sign_in(page, "nina")
    expect(page.locator("h1")).to_have_count(1)

    # Step 1: the basics.
    page.goto(url_of("project_create"))
    page.get_by_label("Naam van het project").fill(PROJECT_NAME)
    page.get_by_label("Gemeente").fill("Zwolle")
    page.get_by_label("Aantal woningen").fill("60")
    page.get_by_label("Eerste jaar").fill("2026")
    page.get_by_label("Looptijd in jaren").fill("5")
    page.get_by_role("button", name="Verder naar de partijen").click()

    # Step 2: the parties. Nina's corporation sits at the table already; two more join.
    expect(page.locator("h1")).to_contain_text("wie zitten er aan tafel")
    add_party(page, "Zorggroep Zuid", "Zorgorganisatie")
    add_party(page, "Gemeente Zwolle", "Gemeente")
    screenshot("journey-partijen")
    project = Project.objects.get(name=PROJECT_NAME)
    assert project.parties.count() == 3
    page.get_by_role("link", name="Klaar: naar het overzicht").click()
    expect(page.locator("h1")).to_have_text(PROJECT_NAME)

    # Three knobs opened: 1 and 2 by walking on, 4 from the knob tabs.
    page.get_by_role("link", name=re.compile("^Stuurknoppen")).click()
    switch_knob_on(page, "stand 2 – gemiddeld")
    page.get_by_role("link", name=re.compile("^Volgende: 2")).first.click()
    switch_knob_on(page, "stand 1 – licht")
    page.get_by_role("navigation", name="De tien stuurknoppen").get_by_role(
        "link", name=re.compile(r"^4\. ")
    ).click()
    switch_knob_on(page, "stand 3 – sterk")
    assert KnobSetting.objects.filter(scenario__project=project, status="aan").count() == 3

    # A yearly cost item on knob 4, paid for two years from a temporary municipal subsidy.
    cost = add_form(page, "Kostenpost toevoegen")
    cost.get_by_label("Omschrijving").fill("Activiteitenbegeleider")
    cost.get_by_label("Soort").select_option(label="per jaar")
    cost.get_by_label("Bedrag in euro").fill("20000")
    cost.get_by_label("Eerste jaar").fill("2026")
    cost.get_by_role("button", name="Kostenpost toevoegen").click()
    expect(page.locator("#knob-money table").first).to_contain_text("Activiteitenbegeleider")

    funding = add_form(page, "Financieringsregel toevoegen")
    funding.get_by_label("Voor kostenpost").select_option(label="Activiteitenbegeleider")
    funding.get_by_label("Wie betaalt?").select_option(label="Gemeente Zwolle")
    funding.get_by_label("Uit welke bron?").select_option(
        label="I – Lokale, gemeentelijke subsidie (tijdelijk)"
    )
    funding.get_by_label("Bedrag in euro").fill("20000")
    funding.get_by_label("Aantal jaren").fill("2")
    funding.get_by_role("button", name="Financieringsregel toevoegen").click()
    expect(page.locator("#knob-money")).to_contain_text("Gemeente Zwolle")
    screenshot("journey-stuurknop-4")
    assert CostItem.objects.filter(scenario__project=project).count() == 1
    assert FundingLine.objects.filter(scenario__project=project, source="I").count() == 1
    assert_accessible(page, "the knob page after the edits")

    # The money page shows the cliff when the subsidy stops, the checks page the check.
    page.get_by_role("link", name="Geld", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Geld")
    expect(page.get_by_text("Klif in 2028")).to_be_visible()
    screenshot("journey-geld")
    page.get_by_role("link", name="Checklist en controles").click()
    expect(
        page.locator("article.check", has_text="Doorlopende kosten op tijdelijk geld")
    ).to_be_visible()
    screenshot("journey-controles")


def test_an_invited_partner_gets_in_and_an_outsider_finds_nothing(
    page: Page, people: People, project: Project, screenshot: Callable[[str], Path]
) -> None:
    # Anna (beheerder) makes an invitation link for a colleague at the care organisation.
    sign_in(page, "anna")
    page.goto(url_of("project_members", project_id=project.pk))
    invite = page.locator("form", has=page.get_by_role("button", name="Uitnodigingslink maken"))
    invite.get_by_label("E-mailadres").fill("piet@zorggroep.example")
    invite.get_by_label("Namens partij").select_option(label="Zorg")
    invite.get_by_label("Rol").select_option(label="Bewerker")
    invite.get_by_role("button", name="Uitnodigingslink maken").click()
    link = page.get_by_label("Uitnodigingslink").input_value()
    assert "/uitnodiging/" in link
    page.get_by_role("button", name="Uitloggen").click()

    # Piet opens the link without an account, makes one and is in.
    page.goto(link)
    expect(page.locator("h1")).to_contain_text(project.name)
    screenshot("uitnodiging")
    assert_accessible(page, "the invitation page")
    page.get_by_label("Gebruikersnaam").fill("piet")
    page.get_by_label("Voornaam").fill("Piet")
    page.get_by_label("Achternaam").fill("Peters")
    page.get_by_label("E-mailadres").fill("piet@zorggroep.example")
    page.get_by_label("Wachtwoord", exact=True).fill("lange-zin-voor-piet-2026")
    page.get_by_label("Wachtwoord, nog een keer").fill("lange-zin-voor-piet-2026")
    page.get_by_role("button", name="Account maken en meedoen").click()
    expect(page.locator(".project-name")).to_contain_text(project.name)
    assert project.members.filter(user__username="piet", role="bewerker").exists()
    project_url = page.url
    page.get_by_role("button", name="Uitloggen").click()

    # Olaf, who is not in the project, gets "not found" at the very same address.
    sign_in(page, "olaf")
    response = page.goto(project_url)
    assert response is not None and response.status == 404
    expect(page.locator("body")).not_to_contain_text(project.name)
    screenshot("niet-gevonden")
    # The site's own page, in Dutch, as accessible as any other.
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("h1")).to_contain_text(re.compile("niet gevonden", re.IGNORECASE))
    assert_accessible(page, "the not-found page")
