"""Every main page in Chromium: it opens, has one h1, passes axe-core with zero violations,
asks nothing of a third party (the watch in conftest), and leaves a screenshot to look at in
``var/screenshots/``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from playwright.sync_api import Page

from stuurknop.projectfile import parse_json
from stuurknop.web.projects.models import Project, ProjectMember
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services import project_import
from tests.browser.accessibility import assert_accessible, axe_violations, describe
from tests.browser.conftest import sign_in
from tests.browser.routes import url_of
from tests.browser.test_two_factor import sign_in_with_second_step
from tests.web.conftest import People

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class MainPage:
    name: str  # of the screenshot
    route: str
    signed_in: bool = True


MAIN_PAGES = [
    MainPage("inloggen", "login", signed_in=False),
    MainPage("wachtwoord-vergeten", "password_reset", signed_in=False),
    MainPage("projecten", "project_list"),
    MainPage("project-nieuw", "project_create"),
    MainPage("project", "project_detail"),
    MainPage("partijen", "project_parties"),
    MainPage("archief", "project_archive_list"),
    MainPage("overzicht", "scenario_overview"),
    MainPage("stuurknop-4", "knob_page"),
    MainPage("waarden-en-routes", "values_page"),
    MainPage("geld", "money_page"),
    MainPage("controles", "checks_page"),
    MainPage("scenarios", "scenario_list"),
    MainPage("scenarios-vergelijken", "scenario_compare"),
    MainPage("geschiedenis", "project_history"),
    MainPage("leden", "project_members"),
    MainPage("documenten", "documents_page"),
    MainPage("perspectieven", "perspectives_page"),
    MainPage("verschillen", "divergence_page"),
    MainPage("overleg", "meetings_page"),
    MainPage("besluiten-en-acties", "decisions_page"),
    MainPage("live-sessies", "live_sessions"),
    MainPage("bewonersvragenlijst", "residents_manage"),
    MainPage("importeren", "project_import"),
]


@pytest.fixture
def example_project(people: People) -> Project:
    """The example "Ontmoetingsruimte De Linde" (two scenarios, realistic money), anna
    beheerder, bram bewerker and carla lezer."""
    text = (resources.files("stuurknop.examples") / "ontmoetingsruimte.json").read_text()
    project = project_import(
        document=parse_json(text),
        by=people.anna,
        organisation=people.woco,
        party_organisations={
            "woonstichting": people.woco,
            "zorggroep": people.zorg,
            "welzijn": people.welzijn,
        },
    )
    ProjectMember.objects.create(project=project, user=people.bram, role=Role.BEWERKER)
    ProjectMember.objects.create(project=project, user=people.carla, role=Role.LEZER)
    return project


def route_values(project: Project) -> dict[str, int]:
    scenario = project.scenarios.order_by("-chosen", "position", "id").first()
    assert scenario is not None
    return {"project_id": project.pk, "scenario_id": scenario.pk, "knob": 4}


def open_page(page: Page, path: str) -> None:
    response = page.goto(path)
    assert response is not None
    assert response.status == 200, f"{path} answered {response.status}"
    assert "/inloggen/" not in page.url or path.startswith("/inloggen/"), f"{path}: not signed in"


@pytest.mark.parametrize("main", MAIN_PAGES, ids=[m.route for m in MAIN_PAGES])
def test_a_main_page_passes_axe_and_needs_no_third_party(
    main: MainPage,
    page: Page,
    example_project: Project,
    screenshot: Callable[[str], Path],
) -> None:
    path = url_of(main.route, **route_values(example_project))
    if main.signed_in:
        sign_in(page, "anna")
    open_page(page, path)
    screenshot(main.name)
    assert page.locator("h1").count() == 1, "a page has exactly one h1"
    assert page.locator("html").get_attribute("lang") == "nl"
    assert_accessible(page, f"{main.route} ({path})")


def test_every_knob_page_passes_axe(page: Page, example_project: Project) -> None:
    values = route_values(example_project)
    sign_in(page, "anna")
    found = []
    for knob in range(1, 11):
        path = url_of("knob_page", **{**values, "knob": knob})
        open_page(page, path)
        violations = axe_violations(page)
        if violations:
            found.append(f"knob {knob} ({path}):\n{describe(violations)}")
    assert not found, "axe-core on the knob pages:\n" + "\n".join(found)


ADMIN_PAGES = {
    "beheer-projecten": "admin:projects_project_changelist",
    "beheer-model": "admin:model_content",  # the model's content, readable for staff
}


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_an_admin_page_passes_axe(
    name: str,
    page: Page,
    people: People,
    example_project: Project,
    screenshot: Callable[[str], Path],
) -> None:
    User.objects.filter(pk=people.anna.pk).update(is_staff=True, is_superuser=True)
    people.anna.refresh_from_db()
    sign_in_with_second_step(page, people.anna)  # staff sign in with two-factor
    path = reverse(ADMIN_PAGES[name])
    open_page(page, path)
    screenshot(name)
    assert_accessible(page, f"admin ({path})")
