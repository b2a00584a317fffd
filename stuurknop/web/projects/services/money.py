"""Cost items (what is needed) and funding lines (who pays), each saved with a version check."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import ProtectedError

from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import LogEntity
from stuurknop.web.projects.models import CostItem, FundingLine, Scenario
from stuurknop.web.projects.permissions import require_editable
from stuurknop.web.projects.project_file import cost_item_data, funding_line_data
from stuurknop.web.projects.services.edits import update_recorded
from stuurknop.web.projects.services.keys import free_key, next_position
from stuurknop.web.projects.services.locking import check_version, delete_locked
from stuurknop.web.projects.services.log import entity_added, entity_removed, log_append
from stuurknop.web.projects.services.validation import (
    invalid,
    party_by_key,
    validate_item,
    validate_project,
)

Amount = Decimal | str | int


@transaction.atomic
def cost_item_create(
    *,
    scenario: Scenario,
    by: User,
    knob: int,
    description: str,
    kind: str,
    amount: Amount,
    first_year: int,
    years: int | None = None,
    party: str | None = None,
    key: str = "",
) -> CostItem:
    """A new cost item in ``scenario``; ``party`` is the id of the party that incurs it."""
    require_editable(by, scenario.project)
    fields = _cost_fields(
        scenario,
        key=key or free_key(scenario.cost_items.all(), "k"),
        knob=knob,
        description=description,
        kind=kind,
        amount=amount,
        first_year=first_year,
        years=years,
        party=party,
    )
    if scenario.cost_items.filter(key=fields["key"]).exists():
        raise invalid("id", f"kostenpost-id {fields['key']!r} komt dubbel voor")
    item = CostItem.objects.create(
        scenario=scenario, position=next_position(scenario.cost_items.all()), **fields
    )
    validate_project(scenario.project)
    log_append(
        project=scenario.project,
        by=by,
        what=f"Kostenpost {item.description!r} toegevoegd",
        scenario=scenario.name,
        changes=[entity_added(entity=LogEntity.COST_ITEM, key=item.key, data=cost_item_data(item))],
    )
    return item


@transaction.atomic
def cost_item_update(
    *,
    cost_item: CostItem,
    by: User,
    expected_version: int,
    knob: int,
    description: str,
    kind: str,
    amount: Amount,
    first_year: int,
    years: int | None = None,
    party: str | None = None,
) -> CostItem:
    """Save the whole cost item as the editor saw it at ``expected_version``."""
    scenario = cost_item.scenario
    require_editable(by, scenario.project)
    what = f"Kostenpost {cost_item.description!r}"
    check_version(cost_item, expected_version=expected_version, what=what)
    fields = _cost_fields(
        scenario,
        key=cost_item.key,
        knob=knob,
        description=description,
        kind=kind,
        amount=amount,
        first_year=first_year,
        years=years,
        party=party,
    )
    update_recorded(
        cost_item,
        scenario=scenario,
        by=by,
        expected_version=expected_version,
        what=what,
        changes=fields,
        data=cost_item_data,
        entity=LogEntity.COST_ITEM,
        key=cost_item.key,
    )
    return cost_item


@transaction.atomic
def cost_item_delete(*, cost_item: CostItem, by: User, expected_version: int) -> None:
    """Delete a cost item that no funding line pays for any more."""
    scenario = cost_item.scenario
    require_editable(by, scenario.project)
    what = f"Kostenpost {cost_item.description!r}"
    old = cost_item_data(cost_item)
    removed = entity_removed(entity=LogEntity.COST_ITEM, key=cost_item.key, data=old)
    try:
        delete_locked(cost_item, expected_version=expected_version, what=what)
    except ProtectedError:
        raise invalid(
            "cost_item", "er is nog financiering voor deze kostenpost; verwijder die eerst"
        ) from None
    validate_project(scenario.project)
    log_append(
        project=scenario.project,
        by=by,
        what=f"{what} verwijderd",
        scenario=scenario.name,
        changes=[removed],
    )


@transaction.atomic
def funding_line_create(
    *,
    scenario: Scenario,
    by: User,
    cost_item: str,
    party: str,
    source: str,
    amount: Amount,
    first_year: int | None = None,
    years: int | None = None,
    status: str = doc.FundingStatus.IDEE.value,
    key: str = "",
) -> FundingLine:
    """A new funding line: ``party`` pays ``amount`` out of ``source`` towards ``cost_item``."""
    require_editable(by, scenario.project)
    fields = _funding_fields(
        scenario,
        key=key or free_key(scenario.funding_lines.all(), "f"),
        cost_item=cost_item,
        party=party,
        source=source,
        amount=amount,
        first_year=first_year,
        years=years,
        status=status,
    )
    if scenario.funding_lines.filter(key=fields["key"]).exists():
        raise invalid("id", f"financierings-id {fields['key']!r} komt dubbel voor")
    line = FundingLine.objects.create(
        scenario=scenario, position=next_position(scenario.funding_lines.all()), **fields
    )
    validate_project(scenario.project)
    log_append(
        project=scenario.project,
        by=by,
        what=f"Financiering voor {line.cost_item.description!r} toegevoegd",
        scenario=scenario.name,
        changes=[
            entity_added(entity=LogEntity.FUNDING_LINE, key=line.key, data=funding_line_data(line))
        ],
    )
    return line


@transaction.atomic
def funding_line_update(
    *,
    funding_line: FundingLine,
    by: User,
    expected_version: int,
    cost_item: str,
    party: str,
    source: str,
    amount: Amount,
    first_year: int | None = None,
    years: int | None = None,
    status: str = doc.FundingStatus.IDEE.value,
) -> FundingLine:
    """Save the whole funding line as the editor saw it at ``expected_version``."""
    scenario = funding_line.scenario
    require_editable(by, scenario.project)
    what = f"Financieringsregel {funding_line.key!r}"
    check_version(funding_line, expected_version=expected_version, what=what)
    fields = _funding_fields(
        scenario,
        key=funding_line.key,
        cost_item=cost_item,
        party=party,
        source=source,
        amount=amount,
        first_year=first_year,
        years=years,
        status=status,
    )
    update_recorded(
        funding_line,
        scenario=scenario,
        by=by,
        expected_version=expected_version,
        what=what,
        changes=fields,
        data=funding_line_data,
        entity=LogEntity.FUNDING_LINE,
        key=funding_line.key,
        # The log names the line by what it pays for; its id means nothing to people.
        logged_as=f"Financiering voor {funding_line.cost_item.description!r}",
    )
    return funding_line


@transaction.atomic
def funding_line_delete(*, funding_line: FundingLine, by: User, expected_version: int) -> None:
    """Delete a funding line."""
    scenario = funding_line.scenario
    require_editable(by, scenario.project)
    what = f"Financieringsregel {funding_line.key!r}"
    old = funding_line_data(funding_line)
    paid_for = funding_line.cost_item.description
    delete_locked(funding_line, expected_version=expected_version, what=what)
    validate_project(scenario.project)
    log_append(
        project=scenario.project,
        by=by,
        what=f"Financiering voor {paid_for!r} verwijderd",
        scenario=scenario.name,
        changes=[entity_removed(entity=LogEntity.FUNDING_LINE, key=funding_line.key, data=old)],
    )


def _cost_fields(scenario: Scenario, **given: Any) -> dict[str, Any]:
    item = validate_item(
        doc.CostItem,
        {
            "id": given["key"],
            "knob": given["knob"],
            "description": given["description"],
            "kind": given["kind"],
            "amount": str(given["amount"]),
            "first_year": given["first_year"],
            "years": given["years"],
            "party": given["party"],
        },
    )
    return {
        "key": item.id,
        "knob": item.knob,
        "description": item.description,
        "kind": item.kind.value,
        "amount": item.amount,
        "first_year": item.first_year,
        "years": item.years,
        "party": party_by_key(scenario.project, item.party, field="party"),
    }


def _funding_fields(scenario: Scenario, **given: Any) -> dict[str, Any]:
    line = validate_item(
        doc.FundingLine,
        {
            "id": given["key"],
            "cost_item": given["cost_item"],
            "party": given["party"],
            "source": given["source"],
            "amount": str(given["amount"]),
            "first_year": given["first_year"],
            "years": given["years"],
            "status": given["status"],
        },
    )
    cost_item = scenario.cost_items.filter(key=line.cost_item).first()
    if cost_item is None:
        raise invalid("cost_item", f"onbekende kostenpost {line.cost_item!r}")
    return {
        "key": line.id,
        "cost_item": cost_item,
        "party": party_by_key(scenario.project, line.party, field="party"),
        "source": line.source,
        "amount": line.amount,
        "first_year": line.first_year,
        "years": line.years,
        "status": line.status.value,
    }
