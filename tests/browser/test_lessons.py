"""Lessons and the verdict in Chromium: a bewerker records a shared lesson about knob 6, which
then shows (one click away, with its origin) on knob 6 of another project of the housing
corporation, and not in a project of an organisation that was not at the table; the partners'
verdict is recorded; the evaluation report downloads from the documents page. Every page passes
axe-core and fits a 320 px phone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from stuurknop.projectfile import ProjectDocument
from stuurknop.web.projects.models import Project, ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import project_import
from tests.browser.accessibility import assert_accessible
from tests.browser.conftest import page_width, sign_in
from tests.browser.routes import url_of
from tests.web.conftest import People

# The PDF downloads are made by a worker beside the live server.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("job_worker")]

LESSON = "Vraag bewoners eerst wat zij willen"


def _project(document: ProjectDocument, people: People, name: str, links: dict) -> Project:
    renamed = document.model_copy(
        update={"project": document.project.model_copy(update={"name": name})}
    )
    project = project_import(document=renamed, by=people.anna, party_organisations=links)
    ProjectMember.objects.create(project=project, user=people.bram, role=Role.BEWERKER)
    return project


def _fits_a_phone(page: Page, what: str) -> None:
    page.set_viewport_size({"width": 320, "height": 800})
    wide = page_width(page)
    assert wide <= 320, f"{what} scrolls sideways on a phone ({wide} px)"
    page.set_viewport_size({"width": 1280, "height": 900})


def test_a_shared_lesson_travels_to_the_tables_of_its_organisations_and_the_report_downloads(
    page: Page, people: People, shared_document: ProjectDocument
) -> None:
    origin = _project(
        shared_document, people, "De Linde", {"woco": people.woco, "zorg": people.zorg}
    )
    sibling = _project(shared_document, people, "De Esch", {"woco": people.woco})
    outsider = _project(shared_document, people, "Elders", {"gemeente": people.elders})

    sign_in(page, "bram")
    page.goto(url_of("lessons_page", project_id=origin.pk))
    page.get_by_label(re.compile(r"^Onderwerp")).fill(LESSON)
    page.get_by_label(re.compile(r"^Wat we leerden")).fill("Een plan dat klaarligt, trekt niemand.")
    page.get_by_label("6. Gemeenschapsvorming").check()
    page.get_by_label("participatie").check()
    page.get_by_label(re.compile(r"^Delen")).check()
    page.get_by_role("button", name="Les vastleggen").click()
    expect(page.get_by_role("heading", name=re.compile(LESSON))).to_be_visible()
    assert_accessible(page, "lessons page")
    _fits_a_phone(page, "the lessons page")

    page.goto(url_of("scale_up_page", project_id=origin.pk))
    page.get_by_label("op te schalen met aanpassingen").check()
    page.get_by_label(re.compile(r"^Redenen")).fill(
        "Het werkt, maar het geld na het fonds is open."
    )
    page.get_by_role("button", name="Oordeel vastleggen").click()
    expect(page.locator("main")).to_contain_text("op te schalen met aanpassingen")
    assert_accessible(page, "scale-up page")
    _fits_a_phone(page, "the scale-up page")

    # Another project of the housing corporation: knob 6 shows the lesson one click away.
    sign_in(page, "anna")
    page.goto(
        url_of("knob_page", project_id=sibling.pk, scenario_id=sibling.scenarios.get().pk, knob=6)
    )
    lessons = page.locator("#lessen")
    expect(lessons.get_by_text(LESSON)).to_be_hidden()
    page.locator("#lessen-kop").click()
    expect(lessons.get_by_text(LESSON)).to_be_visible()
    expect(lessons).to_contain_text("De Linde (Woonstichting Het Anker)")
    assert_accessible(page, "knob page with a shared lesson")

    page.goto(
        url_of("knob_page", project_id=outsider.pk, scenario_id=outsider.scenarios.get().pk, knob=6)
    )
    page.locator("#lessen-kop").click()
    expect(page.locator("#lessen")).not_to_contain_text(LESSON)

    page.goto(url_of("documents_page", project_id=origin.pk, scenario_id=origin.scenarios.get().pk))
    with page.expect_download() as downloading:
        page.get_by_role("link", name=re.compile(r"^Downloaden\s*:\s*Evaluatie \(PDF\)$")).click()
    download = downloading.value
    assert download.suggested_filename.startswith("evaluatie-de-linde")
    assert Path(download.path()).read_bytes().startswith(b"%PDF")
