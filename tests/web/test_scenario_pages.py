"""The scenario pages: key figures, create (empty or as a copy), rename, choose, delete, compare."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client
from django.urls import reverse

from stuurknop.presentation.numbers import euro
from stuurknop.projectfile import DocumentInvalid, parse_document
from stuurknop.web.projects.models import (
    CostItem,
    FundingLine,
    LogEntry,
    Project,
    ProjectMember,
    Scenario,
)
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document, scenario_analysis
from stuurknop.web.projects.services import project_archive, project_import, scenario_update
from stuurknop.web.projects.services.scenarios import scenario_copy, scenario_delete

if TYPE_CHECKING:
    from tests.web.conftest import People

EFFECT = {
    "id": "e1",
    "value": "goed_wonen",
    "route": "zorgen_voor_elkaar",
    "beneficiary": "zorg",
    "low": "0",
    "expected": "1000.25",
    "high": "5000",
    "first_year": 2026,
    "years": 3,
}
EVIDENCE = {
    "value": "goed_wonen",
    "before_decision": [{"kind": "referentieproject", "description": "De Eik"}],
    "indicators": [{"id": "eenzaamheid", "name": "Eenzaamheid", "unit": "%", "target": "12.5"}],
}


def client_for(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


@pytest.fixture
def basis(project: Project) -> Scenario:
    return project.scenarios.get()


@pytest.fixture
def two_scenarios(
    people: People,
    document_data: Callable[..., dict[str, Any]],
    make_scenario: Callable[..., dict[str, Any]],
) -> Project:
    """De Linde with 'Basis' (knobs 2 and 4 on, a cost item paid for two years) and 'Licht'
    (only knob 2 on, nothing to pay); anna beheerder, bram bewerker, carla lezer."""
    cost = {"id": "k1", "knob": 4, "description": "Begeleiding", "amount": "20000"}
    line = {"party": "gemeente", "source": "III", "years": 2, "amount": "20000"}
    document = parse_document(
        document_data(
            scenarios=[
                make_scenario(
                    "Basis", knobs={2: 2, 4: 1}, costs=[cost], funding=[line], chosen=True
                ),
                make_scenario("Licht", knobs={2: 2}),
            ]
        )
    )
    project = project_import(document=document, by=people.anna, organisation=people.woco)
    ProjectMember.objects.create(project=project, user=people.bram, role=Role.BEWERKER)
    ProjectMember.objects.create(project=project, user=people.carla, role=Role.LEZER)
    return project


# --- the list ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status", "can_edit"),
    [("anna", 200, True), ("bram", 200, True), ("carla", 200, False), ("olaf", 404, False)],
)
def test_the_list_opens_for_members_and_shows_forms_only_to_editors(
    project: Project, people: People, who: str, status: int, can_edit: bool
) -> None:
    response = client_for(getattr(people, who)).get(reverse("scenario_list", args=[project.pk]))
    assert response.status_code == status
    page = response.content.decode()
    assert ("Basis" in page) is (status == 200)
    assert ("Scenario toevoegen" in page) is can_edit
    assert ("De Linde" in page) is (status == 200)


def test_the_list_shows_each_scenarios_key_figures_from_the_analysis(
    two_scenarios: Project, people: People
) -> None:
    page = client_for(people.carla).get(reverse("scenario_list", args=[two_scenarios.pk]))
    rows = {row["scenario"].name: row for row in page.context["rows"]}
    basis = scenario_analysis(two_scenarios, two_scenarios.scenarios.get(name="Basis"))
    # 5 years × € 20.000, of which the municipality pays two years: € 60.000 is open.
    assert rows["Basis"]["costs"] == euro(basis.money.total_costs) == "€ 100.000"
    assert rows["Basis"]["gap"] == "€ 60.000"
    assert rows["Basis"]["checklist"] == basis.checklist.percentage
    assert rows["Basis"]["open_checks"] == len(basis.checks) > 0
    assert rows["Licht"]["costs"] == "€ 0"
    html = page.content.decode()
    assert "€ 100.000" in html and "€ 60.000" in html and "gekozen" in html
    assert rows["Basis"]["has_timing_gap"] is False


def test_the_list_tells_money_that_comes_late_from_money_that_never_comes(
    people: People,
    document_data: Callable[..., dict[str, Any]],
    make_scenario: Callable[..., dict[str, Any]],
) -> None:
    # A one-off € 20.000 in the first year, paid in full a year later: no shortfall, late money.
    cost = {
        "id": "k1",
        "knob": 4,
        "kind": "eenmalig",
        "description": "Inrichting",
        "amount": "20000",
    }
    line = {"party": "gemeente", "source": "III", "amount": "20000", "first_year": 2027}
    document = parse_document(
        document_data(scenarios=[make_scenario("Laat", knobs={4: 1}, costs=[cost], funding=[line])])
    )
    project = project_import(document=document, by=people.anna, organisation=people.woco)
    page = client_for(people.anna).get(reverse("scenario_list", args=[project.pk]))
    [row] = page.context["rows"]
    assert (row["gap"], row["has_gap"]) == ("€ 0", False)
    assert (row["timing_gap"], row["has_timing_gap"]) == ("€ 20.000", True)
    assert "€ 20.000 komt later dan de kosten" in page.content.decode()


# --- create and copy ----------------------------------------------------------------------


def test_a_bewerker_adds_an_empty_scenario(project: Project, people: People) -> None:
    response = client_for(people.bram).post(
        reverse("scenario_create", args=[project.pk]),
        {"name": "Zonder ruimte", "description": "Alleen knop 4", "copy_of": ""},
    )
    assert response.status_code == 302
    new = project.scenarios.get(name="Zonder ruimte")
    assert (new.description, new.knob_settings.count(), new.cost_items.count()) == (
        "Alleen knop 4",
        0,
        0,
    )
    assert LogEntry.objects.last().what == "Scenario 'Zonder ruimte' toegevoegd"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Basis", "komt dubbel voor"),
        ("", "Dit veld is verplicht."),
        ("x" * 201, "niet meer dan 200 tekens"),
    ],
)
def test_a_bad_name_gets_a_dutch_message_beside_the_field_and_nothing_is_stored(
    project: Project, people: People, name: str, message: str
) -> None:
    response = client_for(people.bram).post(
        reverse("scenario_create", args=[project.pk]), {"name": name, "copy_of": ""}
    )
    assert response.status_code == 400
    html = response.content.decode()
    error = html[html.index('id="id_name_error"') :][:300]
    assert message in error
    assert 'aria-invalid="true" aria-describedby="id_name_error"' in html
    assert project.scenarios.count() == 1


def test_a_copy_gets_every_part_of_its_source_and_the_same_figures(
    two_scenarios: Project, people: People
) -> None:
    source = two_scenarios.scenarios.get(name="Basis")
    Scenario.objects.filter(pk=source.pk).update(
        effects=[EFFECT], evidence=[EVIDENCE], description="Zoals afgesproken"
    )
    source.refresh_from_db()
    response = client_for(people.bram).post(
        reverse("scenario_create", args=[two_scenarios.pk]),
        {"name": "Basis bis", "copy_of": str(source.pk), "description": ""},
    )
    assert response.status_code == 302
    copy = two_scenarios.scenarios.get(name="Basis bis")
    document = project_document(two_scenarios)
    original, copied = document.scenario("Basis"), document.scenario("Basis bis")
    assert copied.model_copy(update={"name": "Basis", "chosen": True}) == original
    assert copied.effects and copied.evidence and copied.funding and copied.knobs
    assert copied.description == "Zoals afgesproken"  # left empty: the source's is kept
    # The copied funding line pays for the copied cost item, not for the source's.
    line = FundingLine.objects.get(scenario=copy)
    assert line.cost_item.scenario_id == copy.pk
    a, b = scenario_analysis(two_scenarios, source), scenario_analysis(two_scenarios, copy)
    assert (b.money, b.routes, b.values, b.checklist) == (a.money, a.routes, a.values, a.checklist)
    assert [c.id for c in b.checks] == [c.id for c in a.checks]
    assert not copy.chosen
    entry = LogEntry.objects.last()
    assert (entry.what, entry.scenario) == (
        "Scenario 'Basis bis' toegevoegd als kopie van 'Basis'",
        "Basis bis",
    )


def test_a_copy_under_a_name_in_use_is_refused_whole(
    two_scenarios: Project, people: People
) -> None:
    source = two_scenarios.scenarios.get(name="Basis")
    with pytest.raises(DocumentInvalid, match="komt dubbel voor"):
        scenario_copy(source=source, by=people.bram, name="Licht")
    assert two_scenarios.scenarios.count() == 2
    assert CostItem.objects.filter(scenario__project=two_scenarios).count() == 1


def test_a_lezer_cannot_add_and_an_outsider_learns_nothing(
    project: Project, people: People
) -> None:
    url = reverse("scenario_create", args=[project.pk])
    assert client_for(people.carla).post(url, {"name": "X"}).status_code == 403
    assert client_for(people.olaf).post(url, {"name": "X"}).status_code == 404
    assert client_for(people.bram).get(url).status_code == 405
    assert project.scenarios.count() == 1


def test_an_archived_project_takes_no_new_scenario(project: Project, people: People) -> None:
    project_archive(project=project, by=people.anna)
    response = client_for(people.anna).post(
        reverse("scenario_create", args=[project.pk]), {"name": "X"}
    )
    assert response.status_code == 403
    page = client_for(people.anna).get(reverse("scenario_list", args=[project.pk]))
    assert "Scenario toevoegen" not in page.content.decode()


# --- rename -------------------------------------------------------------------------------


def test_a_bewerker_renames_a_scenario(project: Project, basis: Scenario, people: People) -> None:
    url = reverse("scenario_edit", args=[project.pk, basis.pk])
    form = client_for(people.bram).get(url)
    assert form.status_code == 200 and 'value="Basis"' in form.content.decode()
    response = client_for(people.bram).post(
        url, {"name": "Basis 2025", "description": "Met knop 4", "version": "1"}
    )
    assert response.status_code == 302
    stored = Scenario.objects.get(pk=basis.pk)
    assert (stored.name, stored.description, stored.chosen, stored.version) == (
        "Basis 2025",
        "Met knop 4",
        True,
        2,
    )


def test_a_rename_that_lost_the_race_shows_both_versions(
    project: Project, basis: Scenario, people: People
) -> None:
    url = reverse("scenario_edit", args=[project.pk, basis.pk])
    client_for(people.anna).post(url, {"name": "Van Anna", "description": "", "version": "1"})
    response = client_for(people.bram).post(
        url, {"name": "Van Bram", "description": "Mijn tekst", "version": "1"}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert "Van Bram" in html and "Mijn tekst" in html  # what bram tried
    assert "door Anna" in html  # who saved the stored version
    assert response.context["form"]["name"].value() == "Van Anna"
    assert response.context["form"]["version"].value() == 2
    assert Scenario.objects.get(pk=basis.pk).name == "Van Anna"


def test_a_lezer_cannot_open_the_rename_form(
    project: Project, basis: Scenario, people: People
) -> None:
    url = reverse("scenario_edit", args=[project.pk, basis.pk])
    assert client_for(people.carla).get(url).status_code == 403
    assert client_for(people.olaf).get(url).status_code == 404


def test_a_scenario_of_another_project_is_not_found(
    project: Project, two_scenarios: Project, people: People
) -> None:
    other = two_scenarios.scenarios.get(name="Licht")
    url = reverse("scenario_edit", args=[project.pk, other.pk])
    assert client_for(people.anna).get(url).status_code == 404


# --- choose -------------------------------------------------------------------------------


def test_only_one_scenario_is_chosen(two_scenarios: Project, people: People) -> None:
    licht = two_scenarios.scenarios.get(name="Licht")
    response = client_for(people.bram).post(
        reverse("scenario_choose", args=[two_scenarios.pk, licht.pk]), {"version": "1"}
    )
    assert response.status_code == 302
    assert list(two_scenarios.scenarios.filter(chosen=True).values_list("name", flat=True)) == [
        "Licht"
    ]
    page = client_for(people.carla).get(reverse("scenario_list", args=[two_scenarios.pk]))
    assert page.content.decode().count('class="badge badge-chosen"') == 1


def test_choosing_with_a_stale_version_changes_nothing(
    two_scenarios: Project, people: People
) -> None:
    licht = two_scenarios.scenarios.get(name="Licht")
    scenario_update(scenario=licht, by=people.anna, expected_version=1, name="Licht 2")
    client = client_for(people.bram)
    response = client.post(
        reverse("scenario_choose", args=[two_scenarios.pk, licht.pk]),
        {"version": "1"},
        follow=True,
    )
    assert "door iemand anders gewijzigd" in response.content.decode()
    assert two_scenarios.scenarios.get(chosen=True).name == "Basis"


def test_choosing_needs_the_version(two_scenarios: Project, people: People) -> None:
    licht = two_scenarios.scenarios.get(name="Licht")
    url = reverse("scenario_choose", args=[two_scenarios.pk, licht.pk])
    assert client_for(people.bram).post(url, {}).status_code == 400
    assert client_for(people.carla).post(url, {"version": "1"}).status_code == 403
    assert two_scenarios.scenarios.get(chosen=True).name == "Basis"


# --- delete -------------------------------------------------------------------------------


def test_deleting_asks_first_then_removes_the_scenario_with_its_money(
    two_scenarios: Project, people: People
) -> None:
    basis = two_scenarios.scenarios.get(name="Basis")
    url = reverse("scenario_delete", args=[two_scenarios.pk, basis.pk])
    confirm = client_for(people.bram).get(url)
    assert confirm.status_code == 200 and "Weet je het zeker?" in confirm.content.decode()
    assert two_scenarios.scenarios.count() == 2
    response = client_for(people.bram).post(url, {"version": "1"})
    assert response.status_code == 302
    assert list(two_scenarios.scenarios.values_list("name", flat=True)) == ["Licht"]
    assert not CostItem.objects.filter(scenario__project=two_scenarios).exists()
    entry = LogEntry.objects.last()
    assert (entry.what, entry.scenario) == ("Scenario 'Basis' verwijderd", "Basis")


def test_the_last_scenario_cannot_be_deleted(
    project: Project, basis: Scenario, people: People
) -> None:
    url = reverse("scenario_delete", args=[project.pk, basis.pk])
    confirm = client_for(people.bram).get(url).content.decode()
    assert "Het laatste scenario kan niet weg." in confirm and "Ja, verwijderen" not in confirm
    response = client_for(people.bram).post(url, {"version": "1"})
    assert response.status_code == 400
    assert "Het laatste scenario van een project kan niet weg." in response.content.decode()
    assert Scenario.objects.filter(pk=basis.pk).exists()


def test_deleting_a_scenario_someone_just_changed_is_refused(
    two_scenarios: Project, people: People
) -> None:
    licht = two_scenarios.scenarios.get(name="Licht")
    scenario_update(scenario=licht, by=people.anna, expected_version=1, name="Licht 2")
    response = client_for(people.bram).post(
        reverse("scenario_delete", args=[two_scenarios.pk, licht.pk]), {"version": "1"}
    )
    assert response.status_code == 409
    assert "door iemand anders gewijzigd" in response.content.decode()
    assert Scenario.objects.filter(pk=licht.pk).exists()


def test_a_lezer_cannot_delete(two_scenarios: Project, people: People) -> None:
    licht = two_scenarios.scenarios.get(name="Licht")
    url = reverse("scenario_delete", args=[two_scenarios.pk, licht.pk])
    assert client_for(people.carla).get(url).status_code == 403
    assert client_for(people.carla).post(url, {"version": "1"}).status_code == 403
    assert client_for(people.olaf).post(url, {"version": "1"}).status_code == 404
    with pytest.raises(Exception, match="Bewerker"):
        scenario_delete(scenario=licht, by=people.carla, expected_version=1)
    assert Scenario.objects.filter(pk=licht.pk).exists()


# --- compare ------------------------------------------------------------------------------


def test_compare_shows_a_known_difference_marked_in_words(
    two_scenarios: Project, people: People
) -> None:
    basis = two_scenarios.scenarios.get(name="Basis")
    licht = two_scenarios.scenarios.get(name="Licht")
    response = client_for(people.carla).get(
        reverse("scenario_compare", args=[two_scenarios.pk]), {"a": basis.pk, "b": licht.pk}
    )
    assert response.status_code == 200
    knobs = response.context["knobs"]
    assert [(k["name"][:2], k["a"], k["b"]) for k in knobs] == [
        ("4.", "aan, stand 1", "niet besproken")
    ]
    money = {row["name"]: row for row in response.context["money"]}
    costs = money["Kosten over de looptijd"]
    assert (costs["a"], costs["b"], costs["delta"], costs["differs"]) == (
        "€ 100.000",
        "€ 0",
        "€ -100.000",
        True,
    )
    html = response.content.decode()
    assert "≠" in html and "gelijk" in html  # differences are said, not only coloured
    assert '<tr class="differs">' in html


def test_compare_defaults_to_the_chosen_scenario_and_the_next(
    two_scenarios: Project, people: People
) -> None:
    response = client_for(people.anna).get(reverse("scenario_compare", args=[two_scenarios.pk]))
    assert response.status_code == 200
    assert [s.name for s in response.context["pair"]] == ["Basis", "Licht"]


def test_compare_with_one_scenario_says_to_make_another(project: Project, people: People) -> None:
    response = client_for(people.anna).get(reverse("scenario_compare", args=[project.pk]))
    assert response.status_code == 200
    assert "Maak eerst een tweede scenario" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"a": "abc", "b": "1"}, "Kies een scenario uit de lijst."),
        ({"a": "SAME", "b": "SAME"}, "Kies twee verschillende scenario"),
        ({"b": "SAME"}, "Kies een scenario."),
    ],
)
def test_compare_explains_a_bad_choice(
    two_scenarios: Project, people: People, query: dict[str, str], message: str
) -> None:
    basis = two_scenarios.scenarios.get(name="Basis")
    query = {k: str(basis.pk) if v == "SAME" else v for k, v in query.items()}
    response = client_for(people.carla).get(
        reverse("scenario_compare", args=[two_scenarios.pk]), query
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "comparison" not in response.context


def test_compare_with_a_scenario_of_another_project_is_not_found(
    project: Project, two_scenarios: Project, people: People
) -> None:
    basis = two_scenarios.scenarios.get(name="Basis")
    foreign = project.scenarios.get()
    url = reverse("scenario_compare", args=[two_scenarios.pk])
    response = client_for(people.anna).get(url, {"a": basis.pk, "b": foreign.pk})
    assert response.status_code == 404
    assert client_for(people.olaf).get(url).status_code == 404
