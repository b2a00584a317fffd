"""The rows of a knob's worksheet tables as the page shows them: its cost items and funding
lines (each with its words, amounts, period and how it is shown: as text or as a form), and
the mechanisms by which the knob sets routes in motion.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from stuurknop.gespreksmodel.schema import Knob, Model
from stuurknop.web.projects.models import CostItem, FundingLine
from stuurknop.web.projects.project_file import cost_item_data, funding_line_data
from stuurknop.web.projects.worksheet.forms import WorksheetForm
from stuurknop.web.projects.worksheet.sheet import (
    ConflictView,
    KnobSheet,
    SourceText,
    choice_label,
    cost_amount,
    cost_period,
    funding_amount,
    funding_period,
    parties_by_key,
    source_text,
)
from stuurknop.web.vocabulary import COST_KINDS, FUNDING_STATUSES


def cost_dom_id(pk: int) -> str:
    return f"kostenpost-{pk}"


def funding_dom_id(pk: int) -> str:
    return f"financiering-{pk}"


@dataclass(frozen=True)
class RowState:
    """How one row is shown: as text, or as a form (``edit_form``), with messages under it."""

    edit_form: WorksheetForm | None = None
    conflict: ConflictView | None = None
    errors: tuple[str, ...] = ()


@dataclass(frozen=True)
class CostRow:
    item: CostItem
    dom_id: str
    kind: str
    amount: str
    period: str
    party: str
    state: RowState = RowState()


@dataclass(frozen=True)
class FundingRow:
    line: FundingLine
    dom_id: str
    cost_item: str
    party: str
    source: SourceText
    amount: str
    period: str
    status: str
    state: RowState = RowState()


@dataclass(frozen=True)
class MechanismRow:
    route: str
    explanation: str
    values: list[str]
    intended: bool


def money_rows(model: Model, sheet: KnobSheet) -> tuple[list[CostRow], list[FundingRow]]:
    parties = parties_by_key(sheet.parties)
    lead = sheet.setting["lead_party"]
    costs = []
    for item in sheet.cost_items:
        data = cost_item_data(item)
        party = item.party or None
        costs.append(
            CostRow(
                item=item,
                dom_id=cost_dom_id(item.pk),
                kind=choice_label(COST_KINDS, item.kind),
                amount=cost_amount(data),
                period=cost_period(data),
                party=party.name if party else _lead_text(parties, lead),
            )
        )
    funding = []
    for line in sheet.funding_lines:
        data = funding_line_data(line)
        funding.append(
            FundingRow(
                line=line,
                dom_id=funding_dom_id(line.pk),
                cost_item=line.cost_item.description,
                party=line.party.name,
                source=source_text(model, line.source),
                amount=funding_amount(data, line.cost_item.kind),
                period=funding_period(data, line.cost_item.kind),
                status=choice_label(FUNDING_STATUSES, line.status),
            )
        )
    return costs, funding


def _lead_text(parties: dict[str, str], lead: str | None) -> str:
    if lead and lead in parties:
        return _("%(party)s (trekker)") % {"party": parties[lead]}
    return _("de trekker (nog niet gekozen)")


def mechanism_rows(model: Model, knob: Knob, intended: list[str]) -> list[MechanismRow]:
    return [
        MechanismRow(
            route=model.route(m.route).name,
            explanation=m.explanation,
            values=[model.value(v).name for v in model.route(m.route).values],
            intended=m.route in intended,
        )
        for m in knob.mechanisms
    ]
