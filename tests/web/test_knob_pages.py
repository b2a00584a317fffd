"""The ten knob worksheet pages: what each role sees, saving a knob, and a knob's cost items and
funding lines edited in place (with htmx and without), conflicts included.

The shared project (conftest): knob 2 on at stand 2, knob 4 on at stand 1, one yearly cost item
``k1`` "Activiteitenbegeleider" at knob 4, paid for two years by the gemeente from source III.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client
from django.urls import reverse

from stuurknop.projectfile import DocumentError, DocumentInvalid
from stuurknop.web.projects.models import (
    CostItem,
    FundingLine,
    KnobSetting,
    LogEntry,
    Project,
    Scenario,
)
from stuurknop.web.projects.services import project_import
from stuurknop.web.projects.worksheet.forms import add_document_errors, parse_euro
from stuurknop.web.projects.worksheet.money_forms import CostItemForm

if TYPE_CHECKING:
    from tests.web.conftest import People

HTMX = {"HTTP_HX_REQUEST": "true"}


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def scenario(project: Project) -> Scenario:
    return project.scenarios.get()


@pytest.fixture
def bram(people: People) -> Client:
    return client_for(people.bram)


@pytest.fixture
def cost(scenario: Scenario) -> CostItem:
    return scenario.cost_items.get(key="k1")


@pytest.fixture
def line(scenario: Scenario) -> FundingLine:
    return scenario.funding_lines.get(key="f1")


def page(scenario: Scenario, knob: int) -> str:
    return reverse("knob_page", args=[scenario.project_id, scenario.pk, knob])


def url(name: str, scenario: Scenario, knob: int, *ids: int) -> str:
    return reverse(name, args=[scenario.project_id, scenario.pk, knob, *ids])


def text(response: Any) -> str:
    return response.content.decode()


def knob_form(**fields: Any) -> dict[str, Any]:
    return {"status": "aan", "opening": "3", "version": "1", **fields}


def cost_form(**fields: Any) -> dict[str, Any]:
    return {
        "description": "Opbouwwerker",
        "kind": "jaarlijks",
        "amount": "12.500,50",
        "first_year": "2026",
        "years": "3",
        "party": "welzijn",
        **fields,
    }


def funding_form(**fields: Any) -> dict[str, Any]:
    return {
        "cost_item": "k1",
        "party": "gemeente",
        "source": "I",
        "amount": "5000",
        "first_year": "",
        "years": "",
        "status": "in_gesprek",
        **fields,
    }


def log_lines(project: Project) -> int:
    return LogEntry.objects.filter(project=project).count()


# --- the page, per role ----------------------------------------------------------------------


def test_a_lezer_reads_the_worksheet_with_lessons_mechanisms_and_money_but_no_forms(
    scenario: Scenario, people: People, model: Any
) -> None:
    html = text(client_for(people.carla).get(page(scenario, 4)))
    knob = model.knob(4)
    assert f"<h1>4. {knob.name}</h1>" in html
    for part in (knob.summary, knob.questions[0], knob.illustrations[0], knob.investment):
        assert part.split()[0] in html and part[:40] in html
    lesson = model.lessons_for_knob(4)[0]
    assert lesson.text[:40] in html and model.document_title(lesson.source.file) in html
    # The mechanisms: each route with its explanation and the values it leads to.
    assert model.route("welbevinden").name in html and "Verminderen zorgbehoefte" in html
    assert knob.mechanisms[0].explanation[:40] in html
    # Its cost item and funding line, the temporary source said in words.
    assert "Activiteitenbegeleider" in html and "€ 20.000 per jaar" in html
    assert "III – Tijdelijke subsidie of financiële bijdrage" in html
    assert '<span class="badge-temporary">tijdelijk</span>' in html
    # Read-only: the choices as text, no form, no edit or delete controls.
    assert "<form" not in html.split('class="project-tabs"')[1]
    assert "Wijzigen" not in html and "stand 1 van 3" in html
    read = html.split('class="setting-read"')[1].split("</dl>")[0]
    assert model.conversation_questions[2] in read and "nog niet ingevuld" in read


@pytest.mark.parametrize("who", ["anna", "bram"])
def test_an_editor_gets_the_form_with_the_knobs_own_routes_and_the_three_questions(
    scenario: Scenario, people: People, model: Any, who: str
) -> None:
    html = text(client_for(getattr(people, who)).get(page(scenario, 4)))
    assert 'name="version" value="1"' in html
    routes = re.findall(r'name="routes" value="([a-z_]+)"', html)
    assert routes == list(model.knob(4).route_ids()) == ["zorgen_voor_elkaar", "welbevinden"]
    for question in model.conversation_questions:
        assert question in html
    assert re.search(r'value="aan" required id="knop_status_2" checked', html)
    assert '<option value="woco">Woco</option>' in html
    assert "Kostenpost toevoegen" in html and "Financieringsregel toevoegen" in html
    # Sources I–X by name, and whether they are temporary.
    assert '<option value="I">I – Lokale, gemeentelijke subsidie (tijdelijk)</option>' in html
    assert (
        '<option value="II">II – Reguliere Wmo-financiering inzetten of ombuigen</option>' in html
    )


def test_an_undiscussed_knob_has_version_zero_and_the_tabs_show_which_are_undiscussed(
    scenario: Scenario, bram: Client
) -> None:
    html = text(bram.get(page(scenario, 1)))
    assert 'name="version" value="0"' in html
    assert "8 nog niet besproken" in html
    tabs = html.split('class="knob-tabs"')[1].split("</nav>")[0]
    assert tabs.count("nog niet besproken") == 8
    assert re.search(r'knop/1/" aria-current="page">1\. Ondersteunend gebouw', tabs)


def test_previous_and_next_walk_from_one_to_ten(scenario: Scenario, bram: Client) -> None:
    first = text(bram.get(page(scenario, 1)))
    assert 'rel="prev"' not in first and f'href="{page(scenario, 2)}" rel="next"' in first
    middle = text(bram.get(page(scenario, 5)))
    assert f'href="{page(scenario, 4)}" rel="prev"' in middle
    assert f'href="{page(scenario, 6)}" rel="next"' in middle
    last = text(bram.get(page(scenario, 10)))
    assert 'rel="next"' not in last and f'href="{page(scenario, 9)}" rel="prev"' in last


@pytest.mark.parametrize("knob", [0, 11, 99])
def test_a_knob_outside_one_to_ten_does_not_exist(
    scenario: Scenario, bram: Client, knob: int
) -> None:
    assert bram.get(page(scenario, knob)).status_code == 404


def test_a_scenario_of_another_project_is_not_found(
    scenario: Scenario, people: People, make_document: Any
) -> None:
    other = project_import(document=make_document(), by=people.anna, organisation=people.woco)
    foreign = other.scenarios.get()
    anna = client_for(people.anna)
    assert anna.get(page(foreign, 4)).status_code == 200
    wrong = reverse("knob_page", args=[scenario.project_id, foreign.pk, 4])
    assert anna.get(wrong).status_code == 404
    create = reverse("cost_item_create", args=[scenario.project_id, foreign.pk, 4])
    assert anna.post(create, cost_form()).status_code == 404
    assert not foreign.cost_items.exists()


def test_an_outsider_gets_404_and_a_visitor_the_login_page(
    scenario: Scenario, people: People
) -> None:
    assert client_for(people.olaf).get(page(scenario, 4)).status_code == 404
    response = Client().get(page(scenario, 4))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_an_archived_project_is_read_only_even_for_an_editor(
    scenario: Scenario, project: Project, bram: Client
) -> None:
    Project.objects.filter(pk=project.pk).update(archived=True)
    html = text(bram.get(page(scenario, 4)))
    assert 'name="status"' not in html and "Kostenpost toevoegen" not in html
    response = bram.post(url("knob_save", scenario, 4), knob_form())
    assert response.status_code == 403
    assert KnobSetting.objects.get(scenario=scenario, knob=4).opening == 1


# --- saving a knob ---------------------------------------------------------------------------


def test_saving_a_knob_stores_every_field_and_logs_it(
    scenario: Scenario, project: Project, bram: Client
) -> None:
    response = bram.post(
        url("knob_save", scenario, 2),
        knob_form(
            elaboration="Ruimte met keuken",
            lead_party="woco",
            routes=["welbevinden", "beter_zien"],
            answer_1="Ja, helemaal open",
            answer_2="",
            answer_3="De corporatie",
        ),
    )
    assert response.status_code == 302 and response["Location"].endswith("/knop/2/#stand")
    setting = KnobSetting.objects.select_related("lead_party").get(scenario=scenario, knob=2)
    assert (setting.status, setting.opening, setting.elaboration) == ("aan", 3, "Ruimte met keuken")
    assert (setting.lead_party.key, setting.routes) == ("woco", ["welbevinden", "beter_zien"])
    assert setting.answers == ["Ja, helemaal open", "", "De corporatie"]
    assert setting.version == 2
    entry = LogEntry.objects.filter(project=project).last()
    assert (entry.who, entry.what) == ("Bram", "Stuurknop 2 gewijzigd")
    shown = text(bram.get(response["Location"]))
    assert "Stuurknop 2 (Inrichting en gebruik ontmoetingsruimte) is opgeslagen." in shown
    assert "✓ </span>beoogd" in shown


def test_the_first_save_of_an_undiscussed_knob_creates_it(scenario: Scenario, bram: Client) -> None:
    bram.post(url("knob_save", scenario, 1), knob_form(status="uit", opening="2", version="0"))
    setting = KnobSetting.objects.get(scenario=scenario, knob=1)
    # A stand left ticked on a knob that is switched off is dropped, not stored.
    assert (setting.status, setting.opening, setting.version) == ("uit", None, 1)
    assert "7 nog niet besproken" in text(bram.get(page(scenario, 1)))


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"opening": ""}, "opening", "Kies hoe ver de knop open staat: stand 1, 2 of 3."),
        ({"opening": "4"}, "opening", "Selecteer een geldige keuze."),
        ({"status": "half"}, "status", "Selecteer een geldige keuze."),
        ({"routes": ["beter_team"]}, "routes", "beter_team is geen beschikbare keuze"),
        ({"lead_party": "fonds"}, "lead_party", "Selecteer een geldige keuze."),
        ({"elaboration": "x" * 20_001}, "elaboration", "niet meer dan 20000 tekens"),
        ({"answer_2": "x" * 20_001}, "answer_2", "niet meer dan 20000 tekens"),
    ],
)
def test_bad_knob_input_is_refused_beside_the_field_in_dutch_and_nothing_is_stored(
    scenario: Scenario, project: Project, bram: Client, fields: Any, field: str, message: str
) -> None:
    lines = log_lines(project)
    response = bram.post(url("knob_save", scenario, 4), knob_form(**fields))
    html = text(response)
    assert response.status_code == 400
    assert f'id="knop_{field}_error"' in html and message in html
    assert "Niet opgeslagen: verbeter wat bij de velden staat." in html
    control = re.search(rf'<(input|textarea|select)[^>]*name="{field}"[^>]*>', html)
    assert control is not None and 'aria-invalid="true"' in control.group(0)
    setting = KnobSetting.objects.get(scenario=scenario, knob=4)
    assert (setting.status, setting.opening, setting.version) == ("aan", 1, 1)
    assert log_lines(project) == lines


def test_a_missing_version_is_refused_without_storing(scenario: Scenario, bram: Client) -> None:
    response = bram.post(url("knob_save", scenario, 4), knob_form(version=""))
    assert response.status_code == 400
    assert "Het versienummer ontbreekt of klopt niet" in text(response)
    assert KnobSetting.objects.get(scenario=scenario, knob=4).version == 1


def test_the_second_of_two_editors_sees_both_versions_and_the_form_on_the_stored_one(
    scenario: Scenario, people: People, bram: Client
) -> None:
    anna = client_for(people.anna)
    # Both opened knob 2 at version 1; Anna saves first.
    assert anna.post(url("knob_save", scenario, 2), knob_form(opening="1")).status_code == 302
    response = bram.post(
        url("knob_save", scenario, 2), knob_form(opening="3", elaboration="Bram's plan")
    )
    html = text(response)
    assert response.status_code == 409
    assert "jij bewerkte versie 1, opgeslagen is versie 2" in html
    assert "Laatst opgeslagen door Anna" in html
    versions = html.split('class="versions"')[1].split("</table>")[0]
    assert re.search(
        r"Stand <span[^>]*>\(verschilt\)</span></th>\s*<td>stand 3 van 3</td>\s*"
        r"<td>stand 1 van 3</td>",
        versions,
    )
    assert "Bram&#x27;s plan" in versions
    # The form starts again from Anna's version, with its version number.
    assert 'name="version" value="2"' in html
    assert re.search(r'value="1" id="knop_opening_0" checked', html)
    assert KnobSetting.objects.get(scenario=scenario, knob=2).opening == 1


# --- cost items ------------------------------------------------------------------------------


def test_a_cost_item_is_added_in_place_with_htmx(
    scenario: Scenario, project: Project, bram: Client
) -> None:
    response = bram.post(url("cost_item_create", scenario, 4), cost_form(), **HTMX)
    html = text(response)
    assert response.status_code == 200 and "<html" not in html
    assert html.lstrip().startswith('<div id="knob-money"')
    assert (
        "Opbouwwerker" in html and "€ 12.500,50 per jaar" in html and "vanaf 2026, 3 jaar" in html
    )
    assert re.search(
        r'id="knob-money-status" hx-swap-oob="innerHTML">Kostenpost toegevoegd\.', html
    )
    item = scenario.cost_items.get(description="Opbouwwerker")
    assert (item.knob, item.amount, item.first_year, item.years, item.party.key) == (
        4,
        Decimal("12500.50"),
        2026,
        3,
        "welzijn",
    )
    assert LogEntry.objects.filter(project=project).last().what == (
        "Kostenpost 'Opbouwwerker' toegevoegd"
    )
    # It belongs to knob 4 only.
    assert "Opbouwwerker" not in text(bram.get(page(scenario, 1)))


def test_a_cost_item_is_added_without_javascript_by_post_and_redirect(
    scenario: Scenario, bram: Client
) -> None:
    response = bram.post(url("cost_item_create", scenario, 4), cost_form(kind="eenmalig", years=""))
    assert response.status_code == 302 and response["Location"].endswith("/knop/4/#kosten")
    html = text(bram.get(response["Location"]))
    assert "Kostenpost toegevoegd." in html and "eenmalig in 2026" in html


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"description": ""}, "description", "Dit veld is verplicht."),
        ({"description": "x" * 201}, "description", "niet meer dan 200 tekens"),
        ({"amount": "-5"}, "amount", "Een bedrag kan niet negatief zijn."),
        ({"amount": "veel"}, "amount", "Vul een bedrag in, bijvoorbeeld 12.500 of 12.500,50."),
        ({"amount": "200.000.000"}, "amount", "Een bedrag mag hoogstens € 100.000.000 zijn."),
        ({"first_year": "2040"}, "first_year", "binnen de looptijd van het project (2025–2029)"),
        ({"years": "0"}, "years", "Vul een aantal jaren in van 1 tot en met 100."),
        ({"kind": "eenmalig"}, "years", "Een eenmalige kostenpost heeft geen aantal jaren."),
        ({"party": "fonds"}, "party", "Selecteer een geldige keuze."),
    ],
)
def test_bad_cost_input_is_refused_beside_the_field_and_nothing_is_stored(
    scenario: Scenario, project: Project, bram: Client, fields: Any, field: str, message: str
) -> None:
    lines = log_lines(project)
    response = bram.post(url("cost_item_create", scenario, 4), cost_form(**fields), **HTMX)
    html = text(response)
    assert response.status_code == 200  # htmx swaps only successful answers
    assert f'id="nieuwe_kostenpost_{field}_error"' in html and message in html
    assert re.search(rf'name="{field}"[^>]*aria-invalid="true"', html)
    assert '<details class="add-form" open>' in html
    # The cursor goes to the field to fix (htmx focuses what has autofocus).
    assert re.search(rf'name="{field}"[^>]*autofocus', html)
    assert scenario.cost_items.count() == 1 and log_lines(project) == lines
    plain = bram.post(url("cost_item_create", scenario, 4), cost_form(**fields))
    assert plain.status_code == 400 and message in text(plain) and "<html" in text(plain)


def test_what_was_typed_stays_as_typed_when_another_field_is_wrong(
    scenario: Scenario, bram: Client
) -> None:
    form = cost_form(description="", amount="12.500", years="2")
    html = text(bram.post(url("cost_item_create", scenario, 4), form, **HTMX))
    assert 'name="amount" value="12.500"' in html and 'name="years" value="2"' in html


def test_a_cost_item_row_opens_as_a_form_with_its_version(
    scenario: Scenario, cost: CostItem, bram: Client
) -> None:
    html = text(bram.get(page(scenario, 4) + f"?wijzig=kostenpost-{cost.pk}", **HTMX))
    row = html.split(f'id="kostenpost-{cost.pk}" class="editing"')[1].split("</tr>")[0]
    assert 'name="version" value="1"' in row and 'value="Activiteitenbegeleider"' in row
    assert 'name="amount" value="20000"' in row
    assert re.search(r'name="description"[^>]*autofocus', row)
    assert url("cost_item_update", scenario, 4, cost.pk) in row


def test_a_cost_item_is_edited_in_place_and_the_version_goes_up(
    scenario: Scenario, cost: CostItem, bram: Client
) -> None:
    edit = cost_form(
        description="Begeleider", amount="21000", first_year="2025", years="", version="1"
    )
    response = bram.post(url("cost_item_update", scenario, 4, cost.pk), edit, **HTMX)
    assert response.status_code == 200 and "Kostenpost opgeslagen." in text(response)
    cost.refresh_from_db()
    assert (cost.description, cost.amount, cost.years, cost.version) == (
        "Begeleider",
        Decimal("21000"),
        None,
        2,
    )
    again = bram.post(url("cost_item_update", scenario, 4, cost.pk), {**edit, "version": "2"})
    assert again.status_code == 302


def test_two_edits_of_one_cost_item_give_the_second_a_conflict_in_place(
    scenario: Scenario, cost: CostItem, people: People, bram: Client
) -> None:
    anna = client_for(people.anna)
    first = cost_form(description="Begeleider", first_year="2025", years="", version="1")
    anna.post(url("cost_item_update", scenario, 4, cost.pk), first)
    second = cost_form(description="Coördinator", first_year="2025", years="", version="1")
    response = bram.post(url("cost_item_update", scenario, 4, cost.pk), second, **HTMX)
    html = text(response)
    assert response.status_code == 200 and "<html" not in html
    row = html.split(f'id="kostenpost-{cost.pk}" class="editing"')[1].split("</tr>\n  </tbody>")[0]
    assert "jij bewerkte versie 1, opgeslagen is versie 2" in row
    assert "Coördinator" in row and "Begeleider" in row and "Laatst opgeslagen door Anna" in row
    assert 'name="version" value="2"' in row and 'value="Begeleider"' in row
    cost.refresh_from_db()
    assert cost.description == "Begeleider"
    plain = bram.post(url("cost_item_update", scenario, 4, cost.pk), second)
    assert plain.status_code == 409 and "Coördinator" in text(plain)


def test_saving_a_cost_item_someone_deleted_keeps_what_was_typed(
    scenario: Scenario, cost: CostItem, line: FundingLine, bram: Client
) -> None:
    line.delete()
    pk = cost.pk
    cost.delete()
    edit = cost_form(description="Coördinator", version="1")
    html = text(bram.post(url("cost_item_update", scenario, 4, pk), edit, **HTMX))
    assert "Deze kostenpost is intussen door iemand anders verwijderd." in html
    assert "(verwijderd)" in html
    assert re.search(r'id="nieuwe_kostenpost_description"', html)
    assert 'value="Coördinator"' in html and '<details class="add-form" open>' in html


def test_a_cost_item_that_is_still_funded_is_not_deleted(
    scenario: Scenario, cost: CostItem, bram: Client
) -> None:
    response = bram.post(url("cost_item_delete", scenario, 4, cost.pk), {"version": "1"}, **HTMX)
    assert (
        "Er is nog financiering of een gerealiseerd bedrag voor deze kostenpost; "
        "verwijder die eerst" in text(response)
    )
    assert CostItem.objects.filter(pk=cost.pk).exists()


def test_deleting_a_funding_line_then_its_cost_item_works_with_and_without_htmx(
    scenario: Scenario, project: Project, cost: CostItem, line: FundingLine, bram: Client
) -> None:
    response = bram.post(url("funding_line_delete", scenario, 4, line.pk), {"version": "1"}, **HTMX)
    assert "Financieringsregel verwijderd." in text(response)
    assert not FundingLine.objects.filter(pk=line.pk).exists()
    response = bram.post(url("cost_item_delete", scenario, 4, cost.pk), {"version": "1"})
    assert response.status_code == 302
    assert not CostItem.objects.filter(pk=cost.pk).exists()
    assert LogEntry.objects.filter(project=project).last().what == (
        "Kostenpost 'Activiteitenbegeleider' verwijderd"
    )
    assert "Nog geen kostenposten bij deze knop." in text(bram.get(response["Location"]))


def test_a_delete_of_a_changed_row_shows_the_stored_version_and_deletes_nothing(
    scenario: Scenario, line: FundingLine, bram: Client
) -> None:
    FundingLine.objects.filter(pk=line.pk).update(version=2, amount=Decimal("30000"))
    response = bram.post(url("funding_line_delete", scenario, 4, line.pk), {"version": "1"}, **HTMX)
    html = text(response)
    assert "jij bewerkte versie 1, opgeslagen is versie 2" in html
    assert "€ 30.000 per jaar" in html and "verwijder daarna opnieuw" in html
    assert 'name="version" value="2"' in html
    assert FundingLine.objects.filter(pk=line.pk).exists()


def test_a_delete_without_a_version_deletes_nothing(
    scenario: Scenario, line: FundingLine, bram: Client
) -> None:
    response = bram.post(url("funding_line_delete", scenario, 4, line.pk), {})
    assert response.status_code == 400
    assert "Het versienummer ontbreekt of klopt niet" in text(response)
    assert FundingLine.objects.filter(pk=line.pk).exists()


# --- funding lines ---------------------------------------------------------------------------


def test_a_funding_line_from_a_temporary_source_is_added_and_marked_temporary(
    scenario: Scenario, project: Project, bram: Client
) -> None:
    response = bram.post(url("funding_line_create", scenario, 4), funding_form(), **HTMX)
    html = text(response)
    assert "Financieringsregel toegevoegd." in html
    added = scenario.funding_lines.exclude(key="f1").get()
    assert (added.cost_item.key, added.party.key, added.source, added.amount, added.status) == (
        "k1",
        "gemeente",
        "I",
        Decimal("5000"),
        "in_gesprek",
    )
    row = html.split(f'id="financiering-{added.pk}"')[1].split("</tr>")[0]
    assert "I – Lokale, gemeentelijke subsidie" in row and "tijdelijk" in row
    assert "€ 5.000 per jaar" in row and "zolang de kostenpost loopt" in row
    assert "Financiering voor 'Activiteitenbegeleider' toegevoegd" in (
        LogEntry.objects.filter(project=project).last().what
    )


def test_funding_offers_only_this_knobs_cost_items(scenario: Scenario, bram: Client) -> None:
    html = text(bram.get(page(scenario, 1)))
    assert "Voeg eerst een kostenpost toe" in html and 'name="source"' not in html
    response = bram.post(url("funding_line_create", scenario, 1), funding_form(), **HTMX)
    assert "Financieringsregel toevoegen" not in text(response)
    assert scenario.funding_lines.count() == 1


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"source": "XI"}, "source", "Selecteer een geldige keuze."),
        ({"party": ""}, "party", "Dit veld is verplicht."),
        ({"amount": "1.5.5"}, "amount", "Vul een bedrag in"),
        ({"first_year": "2024"}, "first_year", "binnen de looptijd van het project"),
        ({"status": "zeker"}, "status", "Selecteer een geldige keuze."),
    ],
)
def test_bad_funding_input_is_refused_beside_the_field(
    scenario: Scenario, bram: Client, fields: Any, field: str, message: str
) -> None:
    response = bram.post(url("funding_line_create", scenario, 4), funding_form(**fields))
    html = text(response)
    assert response.status_code == 400
    assert f'id="nieuwe_financiering_{field}_error"' in html and message in html
    assert scenario.funding_lines.count() == 1


def test_a_funding_line_for_a_one_off_cost_has_no_number_of_years(
    scenario: Scenario, bram: Client
) -> None:
    bram.post(url("cost_item_create", scenario, 4), cost_form(kind="eenmalig", years=""))
    key = scenario.cost_items.get(description="Opbouwwerker").key
    response = bram.post(
        url("funding_line_create", scenario, 4), funding_form(cost_item=key, years="2")
    )
    assert "Financiering van een eenmalige kostenpost heeft geen aantal jaren." in text(response)
    assert scenario.funding_lines.count() == 1


def test_a_funding_line_is_edited_and_a_stale_edit_gets_both_versions(
    scenario: Scenario, line: FundingLine, people: People, bram: Client
) -> None:
    edit = funding_form(source="V", amount="18000", version="1")
    response = bram.post(url("funding_line_update", scenario, 4, line.pk), edit, **HTMX)
    assert "Financieringsregel opgeslagen." in text(response)
    line.refresh_from_db()
    assert (line.source, line.amount, line.version) == ("V", Decimal("18000"), 2)
    stale = client_for(people.anna).post(
        url("funding_line_update", scenario, 4, line.pk), funding_form(source="I", version="1")
    )
    html = text(stale)
    assert stale.status_code == 409
    assert "Financieringsregel &#x27;f1&#x27; is intussen door iemand anders gewijzigd" in html
    assert "I – Lokale, gemeentelijke subsidie (tijdelijk)" in html
    assert "V – Inzet van personeel of uren" in html and "Laatst opgeslagen door Bram" in html
    line.refresh_from_db()
    assert line.source == "V"


# --- who may write ---------------------------------------------------------------------------

WRITES = [
    ("knob_save", ()),
    ("cost_item_create", ()),
    ("cost_item_update", ("cost",)),
    ("cost_item_delete", ("cost",)),
    ("funding_line_create", ()),
    ("funding_line_update", ("line",)),
    ("funding_line_delete", ("line",)),
]


@pytest.mark.parametrize(("name", "ids"), WRITES)
def test_a_lezer_is_refused_every_write_and_nothing_changes(
    scenario: Scenario,
    project: Project,
    people: People,
    cost: CostItem,
    line: FundingLine,
    name: str,
    ids: tuple[str, ...],
) -> None:
    lines = log_lines(project)
    args = [{"cost": cost, "line": line}[i].pk for i in ids]
    body = {**cost_form(), **funding_form(), **knob_form()}
    carla = client_for(people.carla)
    assert carla.post(url(name, scenario, 4, *args), body).status_code == 403
    assert carla.post(url(name, scenario, 4, *args), body, **HTMX).status_code == 403
    assert log_lines(project) == lines
    assert scenario.cost_items.count() == 1 and scenario.funding_lines.count() == 1


@pytest.mark.parametrize(("name", "ids"), WRITES)
def test_a_write_answers_only_post(
    scenario: Scenario, bram: Client, cost: CostItem, line: FundingLine, name: str, ids: Any
) -> None:
    args = [{"cost": cost, "line": line}[i].pk for i in ids]
    assert bram.get(url(name, scenario, 4, *args)).status_code == 405


# --- the pieces ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("12500", Decimal("12500")),
        ("12.500", Decimal("12500")),
        ("1.500", Decimal("1500")),
        ("12.500,50", Decimal("12500.50")),
        ("12500,5", Decimal("12500.5")),
        ("€ 1.000.000", Decimal("1000000")),
        ("12500.50", Decimal("12500.50")),
        ("1.50", Decimal("1.50")),
        ("12,505", None),
        ("1.5.5", None),
        ("twaalf", None),
        ("", None),
    ],
)
def test_amounts_are_read_the_dutch_way(typed: str, amount: Decimal | None) -> None:
    assert parse_euro(typed) == amount


def test_a_service_error_lands_beside_the_field_it_names(project: Project) -> None:
    form = CostItemForm(
        cost_form(), project=project, parties=list(project.parties.all()), auto_id="x_%s"
    )
    assert form.is_valid()
    add_document_errors(
        form,
        DocumentInvalid(
            [
                DocumentError("scenarios[0].costs[1].first_year", "", "valt buiten de looptijd"),
                DocumentError("scenarios[0].knobs[0]", "stuurknop 4", "iets anders"),
            ]
        ),
    )
    assert form.errors["first_year"] == ["Valt buiten de looptijd"]
    assert form.non_field_errors() == ["stuurknop 4: iets anders"]
