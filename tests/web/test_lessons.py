"""Lessons learned and the scale-up verdict in the web app: stored as rows (and the verdict as the
project's data), carried losslessly by the project file, logged, guarded; a shared lesson shows
beside its knob in the projects of the organisations at its table, and nowhere else."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from stuurknop.projectfile import DocumentInvalid, ProjectDocument, dump_document, parse_json
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.lesson_sharing import shared_lessons
from stuurknop.web.projects.models import LogEntry, Project, ProjectMember
from stuurknop.web.projects.project_file import project_data
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import project_import
from stuurknop.web.projects.services.lessons import (
    lesson_create,
    lesson_delete,
    lesson_update,
    scale_up_save,
    scale_up_version,
)

if TYPE_CHECKING:
    from tests.web.conftest import People


def _lesson(project: Project, by: User, **given: object) -> object:
    fields = {
        "title": "Begin klein met de ontmoetingsruimte",
        "happened": "Eerst kwamen er vijf bewoners, na een jaar dertig.",
        "learned": "Geef een ruimte tijd; tel niet na drie maanden.",
        "knobs": [2, 6],
        "themes": ["ontmoetingsruimte", "participatie"],
        "date": dt.date(2026, 11, 1),
        "shared": True,
        **given,
    }
    return lesson_create(project=project, by=by, **fields)


def test_a_lesson_and_the_verdict_go_into_the_project_file_and_come_back_unchanged(
    project: Project, people: People
) -> None:
    _lesson(project, people.bram)
    scale_up_save(
        project=project,
        by=people.bram,
        expected_version=0,
        elsewhere="Een gemeente die vijf jaar meebetaalt.",
        verdict="met_aanpassingen",
        reasons="Het werkt, maar de financiering na het fonds is nog niet rond.",
        date=dt.date(2026, 12, 1),
        decided_by=["woco", "zorg"],
    )
    document = project_document(project)
    assert document.lessons[0].knobs == [2, 6]
    assert [t.value for t in document.lessons[0].themes] == ["ontmoetingsruimte", "participatie"]
    assert document.scale_up is not None
    assert document.scale_up.verdict is not None
    assert document.scale_up.verdict.value == "met_aanpassingen"

    again = project_import(
        document=parse_json(dump_document(document)), by=people.anna, organisation=people.woco
    )
    first, second = project_data(project), project_data(again)
    assert second["lessons"] == first["lessons"]
    assert second["scale_up"] == first["scale_up"]


def test_each_write_is_logged_and_the_log_says_it_in_words(
    project: Project, people: People
) -> None:
    lesson = _lesson(project, people.bram)
    lesson_update(
        lesson=lesson,  # type: ignore[arg-type]
        by=people.bram,
        expected_version=lesson.version,  # type: ignore[attr-defined]
        shared=False,
    )
    entry = LogEntry.objects.filter(project=project).order_by("-id").first()
    assert entry is not None
    assert "gewijzigd" in entry.what
    assert entry.changes[0]["field"] == "shared"
    scale_up_save(project=project, by=people.bram, expected_version=0, verdict="niet")
    entry = LogEntry.objects.filter(project=project).order_by("-id").first()
    assert entry is not None and entry.changes[0]["entity"] == "scale_up"


def test_a_stale_edit_is_a_conflict_and_stores_nothing(project: Project, people: People) -> None:
    lesson = _lesson(project, people.bram)
    version = lesson.version  # type: ignore[attr-defined]
    lesson_update(lesson=lesson, by=people.bram, expected_version=version, title="Eerste")  # type: ignore[arg-type]
    with pytest.raises(Conflict):
        lesson_update(lesson=lesson, by=people.anna, expected_version=version, title="Tweede")  # type: ignore[arg-type]
    saved = scale_up_save(project=project, by=people.bram, expected_version=0, verdict="niet")
    with pytest.raises(Conflict):
        scale_up_save(project=project, by=people.anna, expected_version=0, verdict="op_te_schalen")
    project.refresh_from_db()
    assert project.scale_up == saved
    assert scale_up_version(saved) != 0


def test_bad_input_is_a_dutch_error_and_nothing_is_stored(project: Project, people: People) -> None:
    with pytest.raises(DocumentInvalid) as caught:
        _lesson(project, people.bram, knobs=[11])
    assert project.lessons.count() == 0
    assert caught.value.errors
    with pytest.raises(DocumentInvalid) as caught:
        scale_up_save(project=project, by=people.bram, expected_version=0, decided_by=["niemand"])
    assert "niemand" in caught.value.errors[0].message
    project.refresh_from_db()
    assert project.scale_up is None


def test_a_reader_cannot_write_lessons_or_the_verdict(project: Project, people: People) -> None:
    with pytest.raises(PermissionDenied):
        _lesson(project, people.carla)
    lesson = _lesson(project, people.bram)
    with pytest.raises(PermissionDenied):
        lesson_delete(lesson=lesson, by=people.carla, expected_version=1)  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        scale_up_save(project=project, by=people.carla, expected_version=0, verdict="niet")


# --- sharing across organisations -------------------------------------------------------------


def _linked(
    make_document: Callable[..., ProjectDocument],
    by: User,
    name: str,
    links: dict[str, object],
    **kwargs: object,
) -> Project:
    document = make_document(**kwargs)
    document = document.model_copy(
        update={"project": document.project.model_copy(update={"name": name})}
    )
    return project_import(document=document, by=by, party_organisations=links)  # type: ignore[arg-type]


def test_a_shared_lesson_shows_beside_its_knob_in_projects_of_the_organisations_at_its_table(
    people: People, make_document: Callable[..., ProjectDocument], client: Client
) -> None:
    origin = _linked(
        make_document, people.anna, "De Linde", {"woco": people.woco, "zorg": people.zorg}
    )
    _lesson(origin, people.anna, title="Een gedeelde les over knop 6", knobs=[6])
    _lesson(origin, people.anna, title="Een les die binnen blijft", knobs=[6], shared=False)
    # Another project of the housing corporation: it sees the shared lesson, with its origin.
    sibling = _linked(make_document, people.anna, "De Esch", {"woco": people.woco})
    # A project of an organisation not at De Linde's table: it never sees it.
    outsider = _linked(make_document, people.olaf, "Elders", {"gemeente": people.elders})
    # The housing corporation is named only as paying here, not at the table: no lesson.
    aside = _linked(
        make_document, people.anna, "Ernaast", {"woco": people.woco}, not_at_table=["woco"]
    )

    seen = shared_lessons(sibling, 6)
    assert [(x.title, x.project, x.organisations) for x in seen] == [
        ("Een gedeelde les over knop 6", "De Linde", ("Woonstichting Het Anker",))
    ]
    assert shared_lessons(sibling, 2) == []
    assert shared_lessons(outsider) == []
    assert shared_lessons(aside) == []
    assert shared_lessons(origin) == []  # a project does not share with itself

    client.force_login(people.anna)
    scenario = sibling.scenarios.get()
    page = client.get(reverse("knob_page", args=[sibling.pk, scenario.pk, 6]))
    text = page.content.decode()
    assert "Een gedeelde les over knop 6" in text
    assert "De Linde (Woonstichting Het Anker)" in text
    assert "Een les die binnen blijft" not in text
    # Nothing else of De Linde: anna has no role there through De Esch's page.
    assert f"/projecten/{origin.pk}/" not in text

    client.force_login(people.olaf)
    outsider_scenario = outsider.scenarios.get()
    page = client.get(reverse("knob_page", args=[outsider.pk, outsider_scenario.pk, 6]))
    assert page.status_code == 200
    assert "Een gedeelde les over knop 6" not in page.content.decode()


def test_unsharing_a_lesson_takes_it_off_the_other_projects_knob_page_at_once(
    people: People, make_document: Callable[..., ProjectDocument], client: Client
) -> None:
    origin = _linked(make_document, people.anna, "De Linde", {"woco": people.woco})
    lesson = _lesson(origin, people.anna, title="Even gedeeld", knobs=[6])
    sibling = _linked(make_document, people.anna, "De Esch", {"woco": people.woco})
    client.force_login(people.anna)
    url = reverse("knob_page", args=[sibling.pk, sibling.scenarios.get().pk, 6])
    assert "Even gedeeld" in client.get(url).content.decode()
    lesson_update(lesson=lesson, by=people.anna, expected_version=lesson.version, shared=False)  # type: ignore[arg-type,attr-defined]
    assert "Even gedeeld" not in client.get(url).content.decode()  # not served from the cache


# --- pages ------------------------------------------------------------------------------------


def test_an_editor_adds_edits_and_deletes_a_lesson_on_its_page(
    project: Project, people: People, client: Client
) -> None:
    client.force_login(people.bram)
    url = reverse("lessons_page", args=[project.pk])
    refused = client.post(url, {"title": "", "knobs": ["6"]})
    assert refused.status_code == 400
    assert project.lessons.count() == 0
    made = client.post(
        url,
        {
            "title": "Vraag bewoners eerst",
            "happened": "Het plan lag klaar; niemand kwam.",
            "learned": "Vraag eerst wat bewoners willen.",
            "knobs": ["6"],
            "themes": ["participatie"],
            "date": "2026-10-01",
            "shared": "on",
        },
    )
    assert made.status_code == 302
    lesson = project.lessons.get()
    assert lesson.shared and lesson.knobs == [6]
    page = client.get(url).content.decode()
    assert "Vraag bewoners eerst" in page and "gedeeld" in page

    edit = reverse("lesson_edit", args=[project.pk, lesson.pk])
    assert client.get(edit).status_code == 200
    saved = client.post(
        edit, {"title": "Vraag bewoners altijd eerst", "version": lesson.version, "knobs": ["5"]}
    )
    assert saved.status_code == 302
    lesson.refresh_from_db()
    assert lesson.title == "Vraag bewoners altijd eerst" and lesson.knobs == [5]
    gone = client.post(
        reverse("lesson_delete", args=[project.pk, lesson.pk]), {"version": lesson.version}
    )
    assert gone.status_code == 302
    assert project.lessons.count() == 0


def test_a_reader_sees_the_lessons_but_no_form_and_cannot_post(
    project: Project, people: People, client: Client
) -> None:
    _lesson(project, people.bram)
    client.force_login(people.carla)
    page = client.get(reverse("lessons_page", args=[project.pk]))
    assert page.status_code == 200
    assert "Begin klein met de ontmoetingsruimte" in page.content.decode()
    assert "Les vastleggen" not in page.content.decode()
    assert (
        client.post(reverse("lessons_page", args=[project.pk]), {"title": "x"}).status_code == 403
    )


def test_the_partners_record_the_verdict_beside_the_conditions_the_project_shows(
    project: Project, people: People, client: Client
) -> None:
    client.force_login(people.bram)
    url = reverse("scale_up_page", args=[project.pk])
    page = client.get(url).content.decode()
    assert "Stuurknoppen die aan staan" in page
    assert "Tijdelijk geld dat stopt of stopte" in page
    assert "nog geen oordeel" in page
    saved = client.post(
        url,
        {
            "verdict": "op_te_schalen",
            "reasons": "Bewoners doen mee en het geld blijft.",
            "elsewhere": "Een ruimte in het complex.",
            "date": "2026-12-01",
            "decided_by": ["woco", "zorg"],
            "version": "0",
        },
    )
    assert saved.status_code == 302
    page = client.get(url).content.decode()
    assert "op te schalen concept" in page
    assert "Bewoners doen mee en het geld blijft." in page
    # A second save from the same (stale) page is a conflict, said on the page.
    stale = client.post(url, {"verdict": "niet", "version": "0"})
    assert stale.status_code == 400
    project.refresh_from_db()
    assert project.scale_up is not None and project.scale_up["verdict"] == "op_te_schalen"


def test_a_reader_sees_the_verdict_but_cannot_record_one(
    project: Project, people: People, client: Client
) -> None:
    ProjectMember.objects.filter(project=project, user=people.carla).update(role=Role.LEZER)
    client.force_login(people.carla)
    url = reverse("scale_up_page", args=[project.pk])
    assert "Oordeel vastleggen" not in client.get(url).content.decode()
    assert client.post(url, {"verdict": "niet", "version": "0"}).status_code == 403


def test_the_demo_shows_the_running_project_and_its_shared_lessons_elsewhere(
    db: None, client: Client
) -> None:
    from stuurknop.web.demo.loader import load_demo

    load_demo()
    esch = Project.objects.get(name="Ontmoetingsruimte De Esch")
    assert esch.phase == "evaluatie"
    assert esch.lessons.count() == 3 and esch.scale_up is not None
    other = Project.objects.get(name__contains="Thuisflat")
    titles = [x.title for x in shared_lessons(other, 6)]
    assert "Spreek vooraf af wie betaalt als het fonds stopt" in titles
    assert "Het signalenoverleg werkt als iedereen komt" not in titles  # not shared
    client.force_login(User.objects.get(username="carla"))  # a reader in every demo project
    page = client.get(reverse("decisions_page", args=[esch.pk])).content.decode()
    assert "Herzieningen: wat de indicatoren zeggen" in page
    assert "Zo stonden de indicatoren op de herzieningsdatum 1 december 2025" in page
    report = client.get(
        reverse("documents_page", args=[esch.pk, esch.scenarios.get().pk])
    ).content.decode()
    assert "Evaluatie (PDF)" in report and "Evaluatie (Word)" in report


def test_the_history_says_each_lesson_and_verdict_change_in_words(
    project: Project, people: People, client: Client
) -> None:
    lesson = _lesson(project, people.bram, title="Een les voor het logboek")
    lesson_update(lesson=lesson, by=people.bram, expected_version=lesson.version, shared=False)  # type: ignore[arg-type,attr-defined]
    scale_up_save(project=project, by=people.bram, expected_version=0, verdict="niet")
    scale_up_save(
        project=project,
        by=people.bram,
        expected_version=scale_up_version(project.scale_up),
        verdict="op_te_schalen",
    )
    client.force_login(people.carla)
    page = client.get(reverse("project_history", args=[project.pk])).content.decode()
    assert "Een les voor het logboek" in page
    assert "Oordeel over opschalen" in page
    assert "niet op te schalen" in page and "op te schalen concept" in page  # the words, not keys
    assert "op_te_schalen" not in page
