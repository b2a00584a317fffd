"""Cost items and funding lines: created, changed and deleted with a version check and a log."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

import pytest
from django.core.exceptions import PermissionDenied

from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import CostItem, FundingLine, LogEntry, Project, Scenario
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services import (
    cost_item_create,
    cost_item_delete,
    cost_item_update,
    funding_line_create,
    funding_line_delete,
    funding_line_update,
)
from tests.web.logged import added, changed, removed

if TYPE_CHECKING:
    from tests.web.conftest import People


COST = {
    "knob": 2,
    "description": "Inrichting ontmoetingsruimte",
    "kind": "eenmalig",
    "amount": "15000.50",
    "first_year": 2025,
}


@pytest.fixture
def scenario(project: Project) -> Scenario:
    return project.scenarios.get()


@pytest.fixture
def cost_item(scenario: Scenario) -> CostItem:
    return scenario.cost_items.get(key="k1")


@pytest.fixture
def funding_line(scenario: Scenario) -> FundingLine:
    return scenario.funding_lines.get(key="f1")


def last_log() -> LogEntry:
    entry = LogEntry.objects.order_by("id").last()
    assert entry is not None
    return entry


def test_a_new_cost_item_gets_the_next_free_id_and_comes_last(
    scenario: Scenario, people: People
) -> None:
    item = cost_item_create(scenario=scenario, by=people.bram, **COST)
    assert (item.key, item.version, item.amount) == ("k2", 1, Decimal("15000.50"))
    costs = project_document(scenario.project).scenario().costs
    assert [c.id for c in costs] == ["k1", "k2"]
    assert last_log().what == "Kostenpost 'Inrichting ontmoetingsruimte' toegevoegd"
    assert added(last_log())["amount"] == "15000.50"


def test_money_stays_exact_up_to_a_billion(scenario: Scenario, people: People) -> None:
    item = cost_item_create(scenario=scenario, by=people.bram, **{**COST, "amount": "999999999.99"})
    assert CostItem.objects.get(pk=item.pk).amount == Decimal("999999999.99")
    assert project_document(scenario.project).scenario().costs[-1].amount == Decimal("999999999.99")


@pytest.mark.parametrize(
    ("changes", "path"),
    [
        ({"amount": "12.345"}, "amount"),
        ({"amount": "-1"}, "amount"),
        ({"amount": "1000000000.01"}, "amount"),
        ({"kind": "maandelijks"}, "kind"),
        ({"knob": 11}, "knob"),
        ({"description": "  "}, "description"),
        ({"party": "onbekend"}, "party"),
    ],
)
def test_a_bad_cost_item_is_refused_naming_the_field(
    scenario: Scenario, people: People, changes: dict[str, Any], path: str
) -> None:
    with pytest.raises(DocumentInvalid) as invalid:
        cost_item_create(scenario=scenario, by=people.bram, **{**COST, **changes})
    assert [e.path for e in invalid.value.errors] == [path]
    assert scenario.cost_items.count() == 1


def test_a_cost_item_outside_the_horizon_is_refused_by_the_document_rules(
    scenario: Scenario, people: People
) -> None:
    with pytest.raises(DocumentInvalid) as invalid:
        cost_item_create(scenario=scenario, by=people.bram, **{**COST, "first_year": 2031})
    [error] = invalid.value.errors
    assert error.path == "scenarios[0].costs[1].first_year"
    assert scenario.cost_items.count() == 1


def test_a_cost_item_update_on_a_stale_version_is_a_conflict(
    cost_item: CostItem, people: People
) -> None:
    stale = CostItem.objects.get(pk=cost_item.pk)
    fields = {**COST, "kind": "jaarlijks", "amount": "21000"}
    cost_item_update(cost_item=cost_item, by=people.anna, expected_version=1, **fields)
    with pytest.raises(Conflict) as conflict:
        cost_item_update(cost_item=stale, by=people.bram, expected_version=1, **fields)
    assert (conflict.value.expected_version, conflict.value.current_version) == (1, 2)
    assert CostItem.objects.get(pk=cost_item.pk).amount == Decimal("21000.00")


def test_a_cost_item_update_logs_old_and_new_amounts(cost_item: CostItem, people: People) -> None:
    fields = {**COST, "kind": "jaarlijks", "description": "Activiteitenbegeleider"}
    cost_item_update(
        cost_item=cost_item, by=people.bram, expected_version=1, **{**fields, "amount": "21000"}
    )
    entry = last_log()
    assert entry.what == "Kostenpost 'Activiteitenbegeleider' gewijzigd"
    assert changed(entry) == {"amount": ("20000.00", "21000.00"), "knob": (4, 2)}


def test_a_cost_item_that_is_still_funded_cannot_be_deleted(
    cost_item: CostItem, funding_line: FundingLine, people: People
) -> None:
    with pytest.raises(DocumentInvalid, match="er is nog financiering"):
        cost_item_delete(cost_item=cost_item, by=people.bram, expected_version=1)
    funding_line_delete(funding_line=funding_line, by=people.bram, expected_version=1)
    cost_item_delete(cost_item=cost_item, by=people.bram, expected_version=1)
    assert not CostItem.objects.filter(pk=cost_item.pk).exists()
    assert last_log().what == "Kostenpost 'Activiteitenbegeleider' verwijderd"
    assert removed(last_log())["id"] == "k1"


def test_deleting_a_cost_item_someone_just_changed_is_a_conflict(
    cost_item: CostItem, funding_line: FundingLine, people: People
) -> None:
    funding_line_delete(funding_line=funding_line, by=people.bram, expected_version=1)
    stale = CostItem.objects.get(pk=cost_item.pk)
    cost_item_update(
        cost_item=cost_item, by=people.anna, expected_version=1, **{**COST, "kind": "jaarlijks"}
    )
    with pytest.raises(Conflict):
        cost_item_delete(cost_item=stale, by=people.bram, expected_version=1)
    assert CostItem.objects.filter(pk=cost_item.pk).exists()


def test_a_funding_line_pays_for_a_cost_item_of_the_same_scenario(
    scenario: Scenario, people: People
) -> None:
    line = funding_line_create(
        scenario=scenario,
        by=people.bram,
        cost_item="k1",
        party="zorg",
        source="V",
        amount="5000",
        status="toegezegd",
    )
    assert (line.key, line.cost_item.key, line.party.key) == ("f2", "k1", "zorg")
    funding = project_document(scenario.project).scenario().funding
    assert [(f.id, f.source, f.status) for f in funding][-1] == ("f2", "V", "toegezegd")
    assert last_log().what == "Financiering voor 'Activiteitenbegeleider' toegevoegd"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"cost_item": "k9"}, "onbekende kostenpost 'k9'"),
        ({"party": "bank"}, "partij 'bank' staat niet bij de partijen"),
        ({"source": "XI"}, "moet een van deze zijn"),
    ],
)
def test_a_funding_line_with_a_bad_reference_is_refused(
    scenario: Scenario, people: People, changes: dict[str, Any], message: str
) -> None:
    fields = {"cost_item": "k1", "party": "zorg", "source": "V", "amount": "5000", **changes}
    with pytest.raises(DocumentInvalid, match=message):
        funding_line_create(scenario=scenario, by=people.bram, **fields)
    assert scenario.funding_lines.count() == 1


def test_a_funding_line_update_on_a_stale_version_is_a_conflict(
    funding_line: FundingLine, people: People
) -> None:
    stale = FundingLine.objects.get(pk=funding_line.pk)
    fields = {"cost_item": "k1", "party": "gemeente", "source": "III", "years": 2}
    funding_line_update(
        funding_line=funding_line, by=people.anna, expected_version=1, amount="18000", **fields
    )
    with pytest.raises(Conflict) as conflict:
        funding_line_update(
            funding_line=stale, by=people.bram, expected_version=1, amount="25000", **fields
        )
    assert (conflict.value.expected_version, conflict.value.current_version) == (1, 2)
    assert FundingLine.objects.get(pk=funding_line.pk).amount == Decimal("18000.00")
    assert changed(last_log()) == {"amount": ("20000.00", "18000.00")}


def test_deleting_a_funding_line_that_is_already_gone_is_a_conflict(
    funding_line: FundingLine, people: People
) -> None:
    funding_line_delete(funding_line=funding_line, by=people.anna, expected_version=1)
    with pytest.raises(Conflict) as conflict:
        funding_line_delete(funding_line=funding_line, by=people.bram, expected_version=1)
    assert conflict.value.current_version == 0
    assert "verwijderd" in str(conflict.value)


def test_a_lezer_cannot_touch_money(
    scenario: Scenario, cost_item: CostItem, funding_line: FundingLine, people: People
) -> None:
    with pytest.raises(PermissionDenied):
        cost_item_create(scenario=scenario, by=people.carla, **COST)
    with pytest.raises(PermissionDenied):
        cost_item_delete(cost_item=cost_item, by=people.carla, expected_version=1)
    with pytest.raises(PermissionDenied):
        funding_line_delete(funding_line=funding_line, by=people.carla, expected_version=1)
