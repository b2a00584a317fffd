"""Perspectives, the writes: a party's own view, hidden until the beheerder reveals the answers,
and a difference put on the agenda. The pages are in test_perspectives_pages.py.
"""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from stuurknop.projectfile import DocumentInvalid
from stuurknop.projectfile import schema as doc
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import LogEntry, Meeting, Project, ProjectMember
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import project_import
from stuurknop.web.projects.services.agenda import agenda_point_add
from stuurknop.web.projects.services.perspectives import (
    own_views,
    perspective_set,
    perspective_version,
    perspectives_add,
    perspectives_hide,
    perspectives_reveal,
    speaker_party,
    visible_document,
)

from .conftest import People


def give(project, by, party, knobs=None, values=None, remarks=""):
    return perspective_set(
        project=project,
        by=by,
        party=party,
        knobs=knobs or {},
        values=values or {},
        remarks=remarks,
        expected_version=perspective_version(project, party),
    )


def stored(project: Project) -> list[dict]:
    project.refresh_from_db()
    return project.perspectives


# --- who speaks for which party ------------------------------------------------------------


def test_people_speak_for_the_only_party_at_the_table_of_their_organisations_type(
    project: Project, people: People
) -> None:
    assert speaker_party(people.anna, project).key == "woco"
    assert speaker_party(people.bram, project).key == "zorg"
    assert speaker_party(people.carla, project).key == "welzijn"
    assert speaker_party(people.olaf, project) is None  # not a member


def test_the_party_of_the_membership_comes_first(project: Project, people: People) -> None:
    ProjectMember.objects.filter(project=project, user=people.bram).update(
        party=project.parties.get(key="gemeente")
    )
    assert speaker_party(people.bram, project).key == "gemeente"


def test_a_party_linked_to_another_organisation_is_not_claimed_by_type(
    project: Project, people: People
) -> None:
    # The care party is Zorggroep Zuid's; a colleague of another care organisation is no speaker.
    project.parties.filter(key="zorg").update(organisation=people.welzijn)
    assert speaker_party(people.bram, project) is None
    assert speaker_party(people.carla, project).key == "zorg"  # linked beats the type


def test_two_parties_of_one_type_make_the_type_no_guide(project: Project, people: People) -> None:
    project.parties.filter(key="gemeente").update(party_type="zorgorganisatie")
    assert speaker_party(people.bram, project) is None


# --- a party's own view ----------------------------------------------------------------------


def test_a_bewerker_gives_the_own_view_of_their_party(project: Project, people: People) -> None:
    give(project, people.bram, "zorg", knobs={3: 2, 8: 3}, values={"werkplezier": 3}, remarks="Ja")
    [view] = stored(project)
    assert view["party"] == "zorg"
    assert view["origin"] == "eigen"
    assert view["knobs"] == {"3": 2, "8": 3}
    assert view["values"] == {"werkplezier": 3}
    assert view["remarks"] == "Ja"
    assert perspective_version(project, "zorg") == 2
    entry = LogEntry.objects.filter(project=project).latest("id")
    assert entry.what == "Perspectief van Zorg ingevuld"
    # The log is read by every member: it names the party, never its scores.
    assert entry.changes == []


def test_a_new_own_view_replaces_the_old_one_and_leaves_session_views(
    project: Project, people: People
) -> None:
    perspectives_add(
        project=project,
        by=people.anna,
        perspectives=[doc.Perspective(party="zorg", origin="sessie", knobs={3: 1})],
        what="Live sessie gesloten",
    )
    give(project, people.bram, "zorg", knobs={3: 2})
    give(project, people.bram, "zorg", knobs={3: 3})
    views = stored(project)
    assert [(v["origin"], v["knobs"]) for v in views] == [("sessie", {"3": 1}), ("eigen", {"3": 3})]


def test_a_stale_version_is_a_conflict_and_changes_nothing(
    project: Project, people: People
) -> None:
    loaded = perspective_version(project, "woco")
    give(project, people.anna, "woco", knobs={1: 1})
    before = stored(project)
    with pytest.raises(Conflict) as caught:
        perspective_set(
            project=project,
            by=people.bram,
            party="woco",
            knobs={1: 3},
            values={},
            remarks="",
            expected_version=loaded,
        )
    assert caught.value.current_version == loaded + 1
    assert stored(project) == before


def test_a_view_for_another_party_is_given_on_its_behalf(project: Project, people: People) -> None:
    give(project, people.bram, "gemeente", values={"goed_wonen": 2})
    [view] = stored(project)
    assert view["origin"] == "namens"
    assert LogEntry.objects.filter(project=project).latest("id").what == (
        "Perspectief van Gemeente ingevuld (namens de partij)"
    )


def test_nobody_replaces_a_partys_own_view_on_its_behalf(project: Project, people: People) -> None:
    give(project, people.anna, "woco", knobs={1: 1})
    before = stored(project)
    with pytest.raises(DocumentInvalid, match="Woco heeft zelf een perspectief gegeven"):
        give(project, people.bram, "woco", knobs={1: 3})
    assert stored(project) == before


@pytest.mark.parametrize(
    ("knobs", "values", "path"),
    [
        ({3: 5}, {}, "knobs.3"),
        ({}, {"geluk": 2}, "perspectives[0].values.geluk"),  # not a value of the model
    ],
)
def test_bad_scores_are_refused_and_nothing_is_stored(
    project: Project, people: People, knobs, values, path
) -> None:
    with pytest.raises(DocumentInvalid) as caught:
        give(project, people.bram, "zorg", knobs=knobs, values=values)
    assert caught.value.errors[0].path == path
    assert stored(project) == []
    assert perspective_version(project, "zorg") == 1


def test_a_party_away_from_the_table_or_unknown_gives_no_view(
    project: Project, people: People
) -> None:
    project.parties.filter(key="gemeente").update(at_table=False)
    with pytest.raises(DocumentInvalid, match="zit niet aan tafel"):
        give(project, people.anna, "gemeente", knobs={1: 1})
    with pytest.raises(DocumentInvalid, match="staat niet bij de partijen"):
        give(project, people.anna, "fonds", knobs={1: 1})


def test_a_lezer_or_an_archived_project_takes_no_view(project: Project, people: People) -> None:
    with pytest.raises(PermissionDenied):
        give(project, people.carla, "welzijn", knobs={1: 1})
    Project.objects.filter(pk=project.pk).update(archived=True)
    project.refresh_from_db()
    with pytest.raises(PermissionDenied):
        give(project, people.anna, "woco", knobs={1: 1})
    assert stored(project) == []


# --- hidden until revealed ------------------------------------------------------------------


def test_before_the_reveal_only_views_shown_in_the_room_are_visible(
    project: Project, people: People
) -> None:
    give(project, people.anna, "woco", knobs={3: 3})
    perspectives_add(
        project=project,
        by=people.anna,
        perspectives=[doc.Perspective(party="zorg", origin="sessie", knobs={3: 0})],
        what="Live sessie gesloten",
    )
    document = project_document(project)
    hidden = visible_document(document, revealed=False)
    assert [(p.party, p.origin) for p in hidden.perspectives] == [("zorg", "sessie")]
    assert visible_document(document, revealed=True) == document
    assert set(own_views(project.perspectives)) == {"woco"}


def test_the_beheerder_reveals_and_hides_the_answers(project: Project, people: People) -> None:
    assert project.perspectives_revealed is False
    assert perspectives_reveal(project=project, by=people.anna) is True
    project.refresh_from_db()
    assert project.perspectives_revealed is True
    assert project.perspectives_revealed_by == "Anna"
    assert project.perspectives_revealed_at is not None
    assert perspectives_reveal(project=project, by=people.anna) is False  # already shown
    assert perspectives_hide(project=project, by=people.anna) is True
    project.refresh_from_db()
    assert (project.perspectives_revealed, project.perspectives_revealed_by) == (False, "")
    whats = list(LogEntry.objects.filter(project=project).values_list("what", flat=True))
    assert whats[-2:] == [
        "Perspectieven van de partijen getoond aan alle deelnemers",
        "Perspectieven weer verborgen voor een nieuwe ronde",
    ]


def test_only_the_beheerder_reveals(project: Project, people: People) -> None:
    with pytest.raises(PermissionDenied):
        perspectives_reveal(project=project, by=people.bram)
    project.refresh_from_db()
    assert project.perspectives_revealed is False


def test_the_migration_reveals_projects_that_already_held_perspectives(
    people: People, make_document
) -> None:
    with_views = project_import(
        document=make_document(perspectives=[{"party": "woco", "knobs": {"1": 2}}]),
        by=people.anna,
    )
    without = project_import(document=make_document(), by=people.anna)
    migration = importlib.import_module(
        "stuurknop.web.projects.migrations.0002_perspectives_revealed"
    )
    migration.reveal_existing(apps, None)
    with_views.refresh_from_db()
    without.refresh_from_db()
    assert (with_views.perspectives_revealed, without.perspectives_revealed) == (True, False)


# --- the agenda -----------------------------------------------------------------------------


def test_a_difference_goes_on_the_agenda_of_the_next_meeting(
    project: Project, people: People
) -> None:
    give(project, people.anna, "woco", knobs={3: 3})
    give(project, people.bram, "zorg", knobs={3: 0})
    perspectives_reveal(project=project, by=people.anna)
    point = agenda_point_add(project=project, by=people.bram, subject="knob", key="3")
    assert point.meeting.title == "Volgend overleg"  # none yet: one is made for it
    assert point.title == "Verschil over Stuurknop 3: Financiering ontmoetingsruimte"
    assert point.explanation == "Van 0 (Zorg) tot 3 (Woco); 2 perspectieven"
    assert (point.origin, point.knob, point.value) == ("verschillen", 3, None)
    entry = LogEntry.objects.filter(project=project).latest("id")
    assert entry.who == "Bram"
    assert entry.changes[0]["entity"] == "agenda_point"


def test_a_hidden_or_unknown_difference_cannot_go_on_the_agenda(
    project: Project, people: People
) -> None:
    give(project, people.anna, "woco", knobs={3: 3})
    give(project, people.bram, "zorg", knobs={3: 0})
    before = LogEntry.objects.filter(project=project).count()
    with pytest.raises(DocumentInvalid, match="staat niet"):  # not revealed yet
        agenda_point_add(project=project, by=people.bram, subject="knob", key="3")
    perspectives_reveal(project=project, by=people.anna)
    with pytest.raises(DocumentInvalid, match="staat niet"):
        agenda_point_add(project=project, by=people.bram, subject="value", key="goed_wonen")
    with pytest.raises(PermissionDenied):
        agenda_point_add(project=project, by=people.carla, subject="knob", key="3")
    assert LogEntry.objects.filter(project=project).count() == before + 1  # the reveal only
    assert not Meeting.objects.exists()


def test_a_view_entered_on_a_partys_behalf_in_a_live_session_was_shown_in_the_room(
    project: Project, people: People
) -> None:
    perspectives_add(
        project=project,
        by=people.anna,
        perspectives=[
            doc.Perspective(party="zorg", origin="namens", session="Sessie mei", knobs={3: 2})
        ],
        what="Live sessie gesloten",
    )
    hidden = visible_document(project_document(project), revealed=False)
    assert [(p.party, p.origin) for p in hidden.perspectives] == [("zorg", "namens")]
    assert own_views(project.perspectives) == {}


def test_an_imported_file_with_perspectives_starts_revealed(
    shared_document: doc.ProjectDocument, people: People
) -> None:
    with_views = shared_document.model_copy(
        update={"perspectives": [doc.Perspective(party="woco", knobs={1: 2})]}
    )
    assert project_import(document=with_views, by=people.anna).perspectives_revealed is True
    without = shared_document.model_copy(update={"perspectives": []})
    assert project_import(document=without, by=people.anna).perspectives_revealed is False


def test_the_project_file_leaves_out_hidden_views_until_the_reveal(
    client, project: Project, people: People
) -> None:
    give(project, people.bram, "zorg", knobs={3: 2}, remarks="Geheim tot de onthulling")
    client.force_login(people.carla)
    url = reverse("project_export", args=[project.pk])
    assert "Geheim tot de onthulling" not in client.get(url).content.decode()
    perspectives_reveal(project=project, by=people.anna)
    assert "Geheim tot de onthulling" in client.get(url).content.decode()
