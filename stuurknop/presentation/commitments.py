"""Committed money in words: split into what the paying party confirmed itself and what was
recorded on its behalf (by a beheerder with evidence, or by an import). Every face that says
committed money uses these words, so a commitment recorded on behalf is never said as one the
party confirmed. The words of how money was committed are the model's (``commitment_how``)."""

from __future__ import annotations

from stuurknop.engine.money import MoneyOverTime, confirmed_by_party
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.numbers import euro
from stuurknop.projectfile.schema import CommitmentHow, FundingLine, FundingStatus


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
