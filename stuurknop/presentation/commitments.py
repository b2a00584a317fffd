"""Committed money in words: split into what the paying party confirmed itself and what was
recorded on its behalf (by a beheerder with evidence, or by an import). Every face that says
committed money uses these words, so a commitment recorded on behalf is never said as one the
party confirmed. The words of how money was committed are the model's (``commitment_how``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from stuurknop.engine.money import Cliff, MoneyOverTime, confirmed_by_party
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.change_values import Context, date
from stuurknop.presentation.numbers import euro
from stuurknop.projectfile.schema import CommitmentHow, FundingLine, FundingStatus, Scenario


def committed_split(model: Model, money: MoneyOverTime) -> str:
    """``€ 10.000 bevestigd door de partij, € 6.000 vastgelegd namens de partij``."""
    confirmed = model.word("commitment_how", CommitmentHow.BEVESTIGD.value)
    on_behalf = model.word("commitment_how", CommitmentHow.NAMENS.value)
    return f"{euro(money.confirmed)} {confirmed}, {euro(money.on_behalf)} {on_behalf}"


def line_status(model: Model, line: FundingLine) -> str:
    """A funding line's status; a committed one says how: ``toegezegd, vastgelegd namens de
    partij`` (a committed line without a commitment counts as recorded on behalf)."""
    status = model.word("funding_status", line.status.value)
    if line.status is not FundingStatus.TOEGEZEGD:
        return status
    how = CommitmentHow.BEVESTIGD if confirmed_by_party(line) else CommitmentHow.NAMENS
    return f"{status}, {model.word('commitment_how', how.value)}"


def commitment_change(value: Any, context: Context) -> str:
    """A funding line's commitment in the history: ``bevestigd door de partij (Gert, Gemeente,
    6 december 2026)``; none: ``geen``."""
    if not isinstance(value, dict) or not value.get("how"):
        return "geen"
    try:
        said = context.model.word("commitment_how", str(value["how"]))
    except KeyError:
        said = str(value["how"])
    details = [str(value[k]) for k in ("by", "organisation") if value.get(k)]
    if value.get("at"):
        details.append(date(value["at"], context))
    if value.get("evidence_reference"):
        details.append(f"brief {value['evidence_reference']}")
    return f"{said} ({', '.join(details)})" if details else said


def request_change(value: Any, context: Context) -> str:
    """A request for confirmation in the history: ``wacht op bevestiging (gevraagd door Bram)``."""
    if not isinstance(value, dict) or not value.get("state"):
        return "geen"
    try:
        said = context.model.word("request_state", str(value["state"]))
    except KeyError:
        said = str(value["state"])
    if value.get("by"):
        said += f" (gevraagd door {value['by']})"
    if value.get("remark"):
        said += f": '{value['remark']}'"
    return said


def cliff_split(model: Model, scenario: Scenario, cliff: Cliff) -> str:
    """Of the yearly money that stops at ``cliff``: what the paying parties confirmed, what was
    recorded on their behalf and what was never committed; '' when none of it is committed."""
    lines = [line for line in scenario.funding if line.id in cliff.funding_lines]
    confirmed = sum((ln.amount for ln in lines if confirmed_by_party(ln)), Decimal(0))
    committed = sum((ln.amount for ln in lines if ln.status is FundingStatus.TOEGEZEGD), Decimal(0))
    if not committed:
        return ""
    bevestigd = model.word("commitment_how", CommitmentHow.BEVESTIGD.value)
    namens = model.word("commitment_how", CommitmentHow.NAMENS.value)
    return (
        f"Van het geld dat stopt: {euro(confirmed)} {bevestigd}, "
        f"{euro(committed - confirmed)} {namens}"
    )
