"""Project pages: the lists, creating a project in two steps, its basics and parties, archiving
it, and the overview of a scenario.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client
from django.urls import resolve, reverse

from stuurknop.engine import analyse
from stuurknop.engine.next_steps import next_steps
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.numbers import euro, percent
from stuurknop.presentation.reasons import text as reason_text
from stuurknop.web.accounts.services import membership_add
from stuurknop.web.projects.fix_pages import fix_link
from stuurknop.web.projects.models import LogEntry, Project, ProjectMember, ProjectParty
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import (
    project_archive,
    project_basics_update,
    scenario_create,
)
from stuurknop.web.projects.services.projects import project_party_update
from tests.web.logged import changed

if TYPE_CHECKING:
    from tests.web.conftest import People

BASICS = {
    "name": "Hofje Noord",
    "municipality": "Utrecht",
    "neighbourhood": "Zuilen",
    "homes": "40",
    "phase": "plan",
    "first_year": "2026",
    "horizon_years": "8",
    "description": "Veertig huurwoningen rond een hof.",
}


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def text(response: Any) -> str:
    return response.content.decode()


def error_of(page: str, field: str) -> str:
    """The error shown beside ``field``: the input points at it with aria-describedby."""
    match = re.search(rf'<ul class="errorlist" id="id_{field}_error"><li>(.*?)</li>', page)
    assert match, f"no error beside {field}"
    assert re.search(rf'aria-invalid="true" aria-describedby="[^"]*id_{field}_error', page)
    return match.group(1)


def basics_of(project: Project) -> dict[str, Any]:
    return {**{k: getattr(project, k) for k in BASICS}, "version": project.version}


# The lists.


def test_the_list_links_to_creating_importing_and_the_archive(people: People) -> None:
    page = text(client_for(people.anna).get(reverse("project_list")))
    for name in ("project_create", "project_import", "project_archive_list"):
        assert f'href="{reverse(name)}"' in page


def test_the_archive_lists_archived_projects_of_the_user_only(
    project: Project, people: People
) -> None:
    assert "De Linde" not in text(client_for(people.bram).get(reverse("project_archive_list")))
    project_archive(project=project, by=people.anna)
    assert "De Linde" in text(client_for(people.bram).get(reverse("project_archive_list")))
    assert "De Linde" not in text(client_for(people.olaf).get(reverse("project_archive_list")))


# Creating a project: step 1, the basics.


def test_step_one_creates_the_project_with_the_creator_as_beheerder(people: People) -> None:
    response = client_for(people.anna).post(reverse("project_create"), BASICS)
    project = Project.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("project_parties", args=[project.pk]) + "?stap=2"
    assert (project.name, project.neighbourhood, project.homes, project.phase) == (
        "Hofje Noord",
        "Zuilen",
        40,
        "plan",
    )
    assert (project.first_year, project.horizon_years) == (2026, 8)
    member = ProjectMember.objects.get(project=project)
    assert (member.user, member.role) == (people.anna, Role.BEHEERDER)
    assert member.party is not None and member.party.organisation == people.woco


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Dit veld is verplicht."),
        ("name", "x" * 201, "Zorg dat deze waarde niet meer dan 200 tekens bevat"),
        ("homes", "0", "Zorg ervoor dat deze waarde minstens 1 is."),
        ("homes", "100001", "Zorg ervoor dat deze waarde hoogstens 100000 is."),
        ("homes", "veel", "Voer een geheel getal in."),
        ("first_year", "1999", "Zorg ervoor dat deze waarde minstens 2000 is."),
        ("horizon_years", "51", "Zorg ervoor dat deze waarde hoogstens 50 is."),
        ("phase", "klaar", "Selecteer een geldige keuze"),
    ],
)
def test_bad_basics_get_a_dutch_message_beside_the_field_and_store_nothing(
    people: People, field: str, value: str, message: str
) -> None:
    response = client_for(people.anna).post(reverse("project_create"), {**BASICS, field: value})
    assert response.status_code == 400
    assert error_of(text(response), field).startswith(message)
    assert not Project.objects.exists()


def test_a_project_may_not_end_after_2100(people: People) -> None:
    response = client_for(people.anna).post(
        reverse("project_create"), {**BASICS, "first_year": "2095", "horizon_years": "10"}
    )
    assert (
        error_of(text(response), "horizon_years") == "Het project moet uiterlijk in 2100 eindigen."
    )
    assert not Project.objects.exists()


def test_someone_at_two_organisations_chooses_for_which_one(people: People) -> None:
    membership_add(user=people.anna, organisation=people.zorg)
    client = client_for(people.anna)
    assert 'name="organisation"' in text(client.get(reverse("project_create")))
    client.post(reverse("project_create"), {**BASICS, "organisation": people.zorg.pk})
    assert Project.objects.get().created_by_organisation == people.zorg


def test_one_cannot_create_a_project_for_someone_elses_organisation(people: People) -> None:
    membership_add(user=people.anna, organisation=people.zorg)
    response = client_for(people.anna).post(
        reverse("project_create"), {**BASICS, "organisation": people.elders.pk}
    )
    assert response.status_code == 400
    assert error_of(text(response), "organisation").startswith("Selecteer een geldige keuze")
    assert not Project.objects.exists()


def test_someone_without_an_organisation_is_told_and_creates_nothing(db: None) -> None:
    from django.contrib.auth.models import User

    loner = User.objects.create_user(username="lonneke", password="x")
    client = client_for(loner)
    assert "Je hoort nog niet bij een organisatie" in text(client.get(reverse("project_create")))
    client.post(reverse("project_create"), BASICS)
    assert not Project.objects.exists()


# Step 2: the parties at the table.


def created(people: People) -> Project:
    response = client_for(people.anna).post(reverse("project_create"), BASICS)
    return Project.objects.get(pk=int(response["Location"].split("/")[2]))


def test_step_two_shows_the_creators_organisation_at_the_table_and_partners_to_add(
    people: People, project: Project
) -> None:
    new = created(people)
    page = text(client_for(people.anna).get(reverse("project_parties", args=[new.pk]) + "?stap=2"))
    assert "Nieuw project: wie zitten er aan tafel?" in page
    assert '<th scope="row">Woonstichting Het Anker</th>' in page
    # Anna works with the care and welfare organisations in De Linde: both suggested.
    assert "Zorggroep Zuid aan tafel zetten" in page
    assert "Welzijn Samen aan tafel zetten" in page
    assert "Woonstichting Het Anker aan tafel zetten" not in page
    assert "Gemeente Elders" not in page  # nobody's partner: not visible to anna


def test_a_party_is_added_with_its_type_seat_and_organisation(
    people: People, project: Project
) -> None:
    new = created(people)
    response = client_for(people.anna).post(
        reverse("project_party_add", args=[new.pk]),
        {
            "name": "Zorggroep Zuid",
            "party_type": "zorgorganisatie",
            "at_table": "ja",
            "organisation": people.zorg.pk,
            "stap": "2",
        },
    )
    assert response["Location"] == reverse("project_parties", args=[new.pk]) + "?stap=2"
    client_for(people.anna).post(
        reverse("project_party_add", args=[new.pk]),
        {"name": "Fonds Noord", "party_type": "fonds", "at_table": "nee"},
    )
    parties = [(p.name, p.party_type, p.at_table) for p in project_document(new).parties]
    assert parties[1:] == [
        ("Zorggroep Zuid", "zorgorganisatie", True),
        ("Fonds Noord", "fonds", False),
    ]
    assert ProjectParty.objects.get(project=new, key="zorggroep-zuid").organisation == people.zorg


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "", "party_type": "fonds", "at_table": "ja"}, "name", "Dit veld is verplicht."),
        ({"name": "Bank", "party_type": "bank", "at_table": "ja"}, "party_type", "Selecteer"),
        ({"name": "Bank", "party_type": "fonds", "at_table": "soms"}, "at_table", "Selecteer"),
    ],
)
def test_a_bad_party_is_refused_beside_the_field(
    people: People, data: dict[str, str], field: str, message: str
) -> None:
    new = created(people)
    response = client_for(people.anna).post(reverse("project_party_add", args=[new.pk]), data)
    assert response.status_code == 400
    page = text(response)
    if field == "at_table":  # radio buttons: the fieldset carries the error
        assert 'id="id_at_table_error"' in page
    else:
        assert error_of(page, field).startswith(message)
    assert new.parties.count() == 1


def test_a_party_cannot_be_linked_to_an_organisation_one_cannot_see(people: People) -> None:
    new = created(people)
    response = client_for(people.anna).post(
        reverse("project_party_add", args=[new.pk]),
        {"name": "X", "party_type": "gemeente", "at_table": "ja", "organisation": people.elders.pk},
    )
    assert error_of(text(response), "organisation").startswith("Selecteer een geldige keuze")
    assert new.parties.count() == 1


def test_only_a_beheerder_adds_or_changes_parties(project: Project, people: People) -> None:
    party = project.parties.get(key="zorg")
    data = {"name": "Zorg", "party_type": "zorgorganisatie", "at_table": "nee"}
    bram = client_for(people.bram)
    assert bram.post(reverse("project_party_add", args=[project.pk]), data).status_code == 403
    edit = reverse("project_party_edit", args=[project.pk, party.pk])
    assert bram.post(edit, data).status_code == 403
    assert project.parties.count() == 5 and project.parties.get(key="zorg").at_table
    page = text(client_for(people.carla).get(reverse("project_parties", args=[project.pk])))
    assert '<th scope="row">Zorg</th>' in page
    assert "Partij toevoegen" not in page and "Wijzigen" not in page


def test_a_beheerder_moves_a_party_away_from_the_table_and_it_is_logged(
    project: Project, people: People
) -> None:
    party = project.parties.get(key="zorg")
    response = client_for(people.anna).post(
        reverse("project_party_edit", args=[project.pk, party.pk]),
        {"name": "Zorggroep", "party_type": "zorgorganisatie", "at_table": "nee"},
    )
    assert response.status_code == 302
    party.refresh_from_db()
    assert (party.key, party.name, party.at_table) == ("zorg", "Zorggroep", False)
    entry = LogEntry.objects.filter(project=project).latest("id")
    assert entry.what == "Partij 'Zorggroep' gewijzigd"
    assert changed(entry) == {"name": ("Zorg", "Zorggroep"), "at_table": (True, False)}


def test_a_party_of_another_project_is_not_found(project: Project, people: People) -> None:
    other = created(people)
    foreign = other.parties.get()
    response = client_for(people.anna).get(
        reverse("project_party_edit", args=[project.pk, foreign.pk])
    )
    assert response.status_code == 404


# Editing the basics.


def test_a_bewerker_changes_the_basics(project: Project, people: People) -> None:
    data = {**basics_of(project), "name": "De Linde-Oost", "homes": "90"}
    response = client_for(people.bram).post(reverse("project_basics", args=[project.pk]), data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.name, project.homes, project.version) == ("De Linde-Oost", 90, 2)


def test_a_lezer_cannot_change_the_basics(project: Project, people: People) -> None:
    carla = client_for(people.carla)
    assert carla.get(reverse("project_basics", args=[project.pk])).status_code == 403
    page = text(carla.get(reverse("project_detail", args=[project.pk])))
    assert reverse("project_basics", args=[project.pk]) not in page


def test_a_horizon_that_cuts_off_costs_is_refused_with_the_documents_words(
    project: Project, people: People
) -> None:
    data = {**basics_of(project), "first_year": "2027"}
    response = client_for(people.bram).post(reverse("project_basics", args=[project.pk]), data)
    assert response.status_code == 400
    assert "valt buiten de looptijd" in text(response)
    project.refresh_from_db()
    assert project.first_year == 2025


def test_a_save_over_a_newer_version_shows_both_and_overwrites_nothing(
    project: Project, people: People
) -> None:
    seen = basics_of(project)
    stored = {k: v for k, v in seen.items() if k != "version"}
    project_basics_update(
        project=project, by=people.anna, expected_version=1, **{**stored, "name": "Linde A"}
    )
    response = client_for(people.bram).post(
        reverse("project_basics", args=[project.pk]), {**seen, "name": "Linde B"}
    )
    assert response.status_code == 409
    page = text(response)
    assert "jij bewerkte versie 1, opgeslagen is versie 2" in page
    assert "Laatst gewijzigd door Anna" in page
    assert "<td>Linde B</td><td>Linde A</td>" in page
    # The form is now on the stored version, so saving again is a deliberate choice.
    assert 'name="version" value="2"' in page and 'value="Linde A"' in page
    project.refresh_from_db()
    assert project.name == "Linde A"


# Archiving.


def test_a_bewerker_may_not_archive(project: Project, people: People) -> None:
    bram = client_for(people.bram)
    assert bram.get(reverse("project_archive", args=[project.pk])).status_code == 403
    assert bram.post(reverse("project_archive", args=[project.pk])).status_code == 403
    project.refresh_from_db()
    assert not project.archived


def test_a_beheerder_archives_after_confirming(project: Project, people: People) -> None:
    anna = client_for(people.anna)
    page = text(anna.get(reverse("project_archive", args=[project.pk])))
    assert "Ja, archiveer dit project" in page
    project.refresh_from_db()
    assert not project.archived  # asking is not doing
    response = anna.post(reverse("project_archive", args=[project.pk]))
    assert response["Location"] == reverse("project_detail", args=[project.pk])
    project.refresh_from_db()
    assert project.archived


def test_an_archived_project_refuses_edits_everywhere(project: Project, people: People) -> None:
    project_archive(project=project, by=people.anna)
    anna, bram = client_for(people.anna), client_for(people.bram)
    party = project.parties.first()
    assert party is not None
    data = {**basics_of(project), "name": "Nieuw"}
    assert bram.post(reverse("project_basics", args=[project.pk]), data).status_code == 403
    assert anna.get(reverse("project_basics", args=[project.pk])).status_code == 403
    party_data = {"name": "Fonds", "party_type": "fonds", "at_table": "ja"}
    assert anna.post(reverse("project_party_add", args=[project.pk]), party_data).status_code == 403
    edit = reverse("project_party_edit", args=[project.pk, party.pk])
    assert anna.post(edit, party_data).status_code == 403
    project.refresh_from_db()
    assert (project.name, project.parties.count()) == ("De Linde", 5)
    overview = text(anna.get(reverse("project_detail", args=[project.pk])))
    assert "Dit project is gearchiveerd" in overview
    assert reverse("project_basics", args=[project.pk]) not in overview
    assert reverse("project_unarchive", args=[project.pk]) in overview
    parties = text(anna.get(reverse("project_parties", args=[project.pk])))
    assert "Partij toevoegen" not in parties


def test_a_beheerder_brings_an_archived_project_back(project: Project, people: People) -> None:
    project_archive(project=project, by=people.anna)
    assert (
        client_for(people.bram).post(reverse("project_unarchive", args=[project.pk])).status_code
        == 403
    )
    client_for(people.anna).post(reverse("project_unarchive", args=[project.pk]))
    project.refresh_from_db()
    assert not project.archived


# The overview.


@pytest.mark.parametrize(
    ("who", "edit", "archive"),
    [("anna", True, True), ("bram", True, False), ("carla", False, False)],
)
def test_the_overview_shows_each_role_only_what_it_may_do(
    project: Project, people: People, who: str, edit: bool, archive: bool
) -> None:
    page = text(client_for(getattr(people, who)).get(reverse("project_detail", args=[project.pk])))
    assert "<h1>De Linde</h1>" in page
    assert reverse("project_export", args=[project.pk]) in page
    assert (reverse("project_basics", args=[project.pk]) in page) is edit
    assert (reverse("project_archive", args=[project.pk]) in page) is archive


def test_an_outsider_gets_404_for_the_overview_of_any_scenario(
    project: Project, people: People
) -> None:
    scenario = project.scenarios.get()
    olaf = client_for(people.olaf)
    assert olaf.get(reverse("scenario_overview", args=[project.pk, scenario.pk])).status_code == 404


def figure(page: str, name: str) -> str:
    match = re.search(rf'data-figure="{name}">(.*?)</dd>', page, re.S)
    assert match
    return " ".join(match.group(1).split())


def test_the_overview_figures_are_the_engines(project: Project, people: People) -> None:
    page = text(client_for(people.carla).get(reverse("project_detail", args=[project.pk])))
    analysis = analyse(load_model(), project_document(project))
    money = analysis.money
    assert figure(page, "total_costs") == euro(money.total_costs) == "€ 100.000"
    assert figure(page, "total_funding") == euro(money.total_funding) == "€ 40.000"
    assert figure(page, "gap") == euro(money.total_uncovered) == "€ 60.000"
    [cliff] = money.cliffs
    assert figure(page, "cliff") == f"{euro(cliff.drop)} per jaar vanaf 2027"
    assert figure(page, "structural_share") == percent(money.structural_share)
    strongest = max(analysis.values, key=lambda v: v.potential)
    assert figure(page, "values") == (
        f"4 van 4 waarden in beweging; sterkst: {strongest.name} ({percent(strongest.potential)})"
    )
    checklist = analysis.checklist
    assert (
        f"{checklist.done} van {len(checklist.items)} punten klaar ({checklist.percentage}%)"
        in page
    )
    assert f'<progress max="100" value="{checklist.percentage}"' in page
    for step in next_steps(analysis):
        assert reason_text(step.action) in page


def test_the_overview_lists_open_checks_parties_and_undiscussed_knobs(
    project: Project, people: People
) -> None:
    party = project.parties.get(key="bewoners")
    project_party_update(
        project=project,
        party=party,
        by=people.anna,
        name="Bewoners",
        party_type="bewoners",
        at_table=False,
    )
    page = text(client_for(people.carla).get(reverse("project_detail", args=[project.pk])))
    assert "Doorlopende kosten op tijdelijk geld" in page  # the warning, first
    assert page.index("Waarschuwing") < page.index("Aandacht")
    assert 'Bewoners <span class="party-type">(Bewoners)</span>' in page
    assert "niet aan tafel" in page
    assert "Nog 8 van de tien niet besproken." in page


def test_the_next_steps_link_to_where_they_are_fixed(project: Project, people: People) -> None:
    scenario = project.scenarios.get()
    page = text(client_for(people.anna).get(reverse("project_detail", args=[project.pk])))
    steps = page[page.index('id="wat-nu"') : page.index('id="checklist-voortgang"')]
    analysis = analyse(load_model(), project_document(project))
    for step in next_steps(analysis):
        link = fix_link(project.pk, scenario.pk, step.topic, step.knob)
        # A page another part of the app has not routed gives no link, never a broken one.
        assert link is None or f'href="{link.url}"' in steps
    for href in re.findall(r'href="([^"]+)"', steps):
        resolve(href)


def test_another_scenario_has_its_own_overview(project: Project, people: People) -> None:
    other = scenario_create(project=project, by=people.anna, name="Zonder kosten")
    page = text(
        client_for(people.carla).get(reverse("scenario_overview", args=[project.pk, other.pk]))
    )
    assert "Kerncijfers van scenario Zonder kosten" in page
    assert figure(page, "total_costs") == "€ 0"
    assert figure(page, "cliff") == "geen"
    default = text(client_for(people.carla).get(reverse("project_detail", args=[project.pk])))
    assert "Kerncijfers van scenario Basis" in default


def test_a_scenario_of_another_project_is_not_found(project: Project, people: People) -> None:
    other = created(people)
    foreign = other.scenarios.get()
    response = client_for(people.anna).get(
        reverse("scenario_overview", args=[project.pk, foreign.pk])
    )
    assert response.status_code == 404
