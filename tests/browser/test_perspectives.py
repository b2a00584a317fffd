"""Perspectives as the people at the table use them in Chromium: two parties fill in their own
view without seeing each other's, the beheerder reveals the answers, the divergence page shows
the largest difference first with its heat map, and a bewerker puts it on the agenda. Every
page passes axe-core.
"""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import Page, expect

from stuurknop.web.projects.models import LogEntry, Project
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import sign_in
from tests.browser.routes import url_of

pytestmark = pytest.mark.browser


def fill_in(page: Page, project: Project, knobs: dict[str, str], values: dict[str, str]) -> None:
    page.goto(url_of("perspectives_page", project_id=project.pk))
    page.get_by_role("link", name="Perspectief invullen").first.click()
    for label, choice in knobs.items():
        page.get_by_label(label, exact=True).select_option(choice)
    for label, choice in values.items():
        page.get_by_label(label, exact=True).select_option(choice)


def test_two_parties_answer_apart_and_the_beheerder_reveals_the_differences(
    page: Page, project: Project
) -> None:
    cache.clear()  # pages are cached by project id, which the next database hands out again
    divergence_path = url_of("divergence_page", project_id=project.pk)

    # Bram (care organisation) gives the view of his party.
    sign_in(page, "bram")
    fill_in(
        page,
        project,
        {"3. Financiering ontmoetingsruimte": "0", "6. Gemeenschapsvorming": "1"},
        {"Goed wonen": "1"},
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Perspectief van Zorg")
    assert_accessible(page, "the form of a party's own view")
    page.get_by_label("Opmerkingen").fill("Wij willen de ruimte zonder vergoeding gebruiken.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Het perspectief van Zorg is opgeslagen.")
    expect(
        page.get_by_role("row", name=re.compile("Financiering ontmoetingsruimte"))
    ).to_contain_text("0 – uit")
    assert_accessible(page, "the perspectives page with the own view")
    page.context.clear_cookies()

    # Anna (housing corporation, beheerder) gives hers and sees nothing of Bram's answers.
    sign_in(page, "anna")
    fill_in(
        page,
        project,
        {"3. Financiering ontmoetingsruimte": "3", "6. Gemeenschapsvorming": "2"},
        {"Goed wonen": "3"},
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("Perspectief van Woco")
    page.get_by_role("button", name="Opslaan").click()
    page.goto(divergence_path)
    expect(page.get_by_text("2 van de 5 partijen aan tafel hebben")).to_contain_text("Woco, Zorg")
    expect(page.locator("svg")).to_have_count(0)
    expect(page.get_by_text("zonder vergoeding")).to_have_count(0)
    assert_accessible(page, "the divergence page before the reveal")

    page.get_by_role("button", name="Toon de antwoorden").click()
    expect(page.get_by_role("status")).to_contain_text("nu voor iedereen te zien")
    ranking = page.get_by_role("table", name=re.compile("Spreiding, mediaan"))
    first = ranking.get_by_role("row").nth(1)
    expect(first).to_contain_text("Financiering ontmoetingsruimte")
    expect(first).to_contain_text("0 (Zorg)")
    expect(first).to_contain_text("3 (Woco)")
    expect(page.get_by_role("img", name=re.compile("Warmtekaart"))).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Scores per partij"))).to_be_visible()
    expect(page.get_by_text("zonder vergoeding")).to_be_visible()
    assert_accessible(page, "the divergence page after the reveal")
    page.context.clear_cookies()

    # Bram puts the largest difference on the agenda of the next meeting; the log has it.
    sign_in(page, "bram")
    page.goto(divergence_path)
    page.get_by_role(
        "button", name="Zet op de agenda: Stuurknop 3: Financiering ontmoetingsruimte"
    ).click()
    expect(page.get_by_role("status")).to_contain_text("Op de agenda gezet")
    expect(page.get_by_role("link", name="Bekijk de agenda")).to_be_visible()
    assert_accessible(page, "the divergence page after putting a point on the agenda")
    latest = LogEntry.objects.filter(project=project).latest("id")
    assert latest.what.startswith("Agendapunt 'Verschil over Stuurknop 3")
