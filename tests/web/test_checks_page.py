"""The checklist and checks page: every point and every check, each open one linked to its fix."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import resolve, reverse

from stuurknop.engine import analyse
from stuurknop.engine.checklist import ItemKind
from stuurknop.engine.checks import CHECKS
from stuurknop.engine.next_steps import Topic
from stuurknop.gespreksmodel import load_model
from stuurknop.web.projects import fix_pages
from stuurknop.web.projects.fix_pages import FIX_PAGES, FixPage, fix_link
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import knob_setting_update

if TYPE_CHECKING:
    from tests.web.conftest import People


def page_of(project: Project, user: object) -> str:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    scenario = project.scenarios.get()
    response = client.get(reverse("checks_page", args=[project.pk, scenario.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_every_check_and_checklist_item_has_a_page_where_it_is_fixed() -> None:
    assert set(CHECKS) <= set(FIX_PAGES)
    assert {kind.value for kind in ItemKind} <= set(FIX_PAGES)
    assert {topic.value for topic in Topic} <= set(FIX_PAGES)
    # Nothing else: a stale id would hide a check that was renamed.
    assert set(FIX_PAGES) == set(CHECKS) | set(ItemKind) | set(Topic)
    assert {page.url_name for page in FIX_PAGES.values()} == {
        "knob_page",
        "money_page",
        "values_page",
        "evidence_page",
        "project_parties",
        "agreement_page",
    }


def test_an_unproven_value_links_to_the_evidence_page(project: Project, people: People) -> None:
    page = page_of(project, people.carla)
    scenario = project.scenarios.get()
    assert reverse("evidence_page", args=[project.pk, scenario.pk]) in page
    assert "Naar bewijs en monitoring" in page


def test_every_check_of_the_model_has_its_logic_and_so_its_page() -> None:
    assert {text.id for text in load_model().checks} <= set(FIX_PAGES)


def test_the_page_shows_every_checklist_item_open_or_done(project: Project, people: People) -> None:
    page = page_of(project, people.carla)
    checklist = analyse(load_model(), project_document(project)).checklist
    assert page.count('class="item-open"') == len(checklist.open_points)
    assert page.count('class="item-done"') == checklist.done
    assert f"{checklist.done} van {len(checklist.items)} punten klaar" in page
    assert "Kostenpost &#x27;Activiteitenbegeleider&#x27; heeft € 60.000 zonder dekking" in page


def test_each_check_shows_severity_message_findings_knobs_and_its_source(
    project: Project, people: People
) -> None:
    page = page_of(project, people.carla)
    analysis = analyse(load_model(), project_document(project))
    assert [c.id for c in analysis.checks] == re.findall(r'data-check="([^"]+)"', page)
    warning = page[page.index('data-check="structureel_op_tijdelijk_geld"') :]
    warning = warning[: warning.index("</article>")]
    assert "Waarschuwing" in warning
    assert "Wat gebeurt er als dat geld stopt?" in warning
    assert "Vanaf 2027 stopt € 20.000 per jaar uit bron III" in warning
    assert "Gespreksmodel duurzame WWZ-projecten, “Investeringen, bronnen I en III”" in warning
    # Checks that do not fire are named too, so the reader knows they were looked at.
    assert "Gemeenschapsvorming zonder professionele inzet" in page


def test_a_check_about_knobs_names_them(project: Project, people: People) -> None:
    # Knob 5 on without knob 2: the check names knobs 2 and 5 and sends you to knob 2.
    scenario = project.scenarios.get()
    version = scenario.knob_settings.get(knob=2).version
    knob_setting_update(
        scenario=scenario, knob=2, by=people.bram, expected_version=version, status="uit"
    )
    knob_setting_update(
        scenario=scenario, knob=5, by=people.bram, expected_version=0, status="aan", opening=1
    )
    page = page_of(project, people.carla)
    article = page[page.index('data-check="activiteiten_zonder_ruimte"') :]
    article = article[: article.index("</article>")]
    assert "Stuurknoppen:" in article
    link = fix_link(project.pk, scenario.pk, "activiteiten_zonder_ruimte")
    if link:
        assert link.url.endswith("/knop/2/")
        assert f'class="fix-link" href="{link.url}"' in article


def test_every_link_on_the_page_resolves(project: Project, people: People) -> None:
    page = page_of(project, people.anna)
    links = [h for h in re.findall(r'href="([^"#][^"]*)"', page) if not h.startswith("/static/")]
    assert links
    for href in links:
        resolve(href.split("?")[0])


def test_open_points_link_to_their_page(project: Project, people: People) -> None:
    scenario = project.scenarios.get()
    page = page_of(project, people.carla)
    analysis = analyse(load_model(), project_document(project))
    for item in analysis.checklist.open_points:
        link = fix_link(project.pk, scenario.pk, item.kind, item.target.knob)
        if link is not None:
            assert f'<a href="{link.url}">{link.label}' in page


def test_a_page_not_routed_gives_no_link_rather_than_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(fix_pages.FIX_PAGES, "x", FixPage("no_such_page"))
    assert fix_link(1, 1, "x") is None
    assert fix_link(1, 1, "unknown_topic") is None
    # A knob page needs a knob.
    assert fix_link(1, 1, "stuurknop_besproken") is None


def test_the_parties_page_is_routed_by_project_only(db: None) -> None:
    link = fix_link(7, 9, "geen_bewoners")
    assert link is not None and link.url == reverse("project_parties", args=[7])
    assert link.label == "Naar de partijen"


def test_an_outsider_does_not_find_the_page(project: Project, people: People) -> None:
    client = Client()
    client.force_login(people.olaf)
    scenario = project.scenarios.get()
    response = client.get(reverse("checks_page", args=[project.pk, scenario.pk]))
    assert response.status_code == 404
