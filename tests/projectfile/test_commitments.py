"""A funding line's commitment: older files' toegezegd lines become recorded on behalf."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from pydantic import ValidationError

from stuurknop.projectfile import parse_json
from stuurknop.projectfile.schema import CommitmentHow, FundingLine, FundingStatus


def _example(name: str) -> str:
    return resources.files("stuurknop.examples").joinpath(f"{name}.json").read_text("utf-8")


def test_a_version_1_files_committed_lines_are_recorded_on_behalf_by_the_import() -> None:
    text = _example("ontmoetingsruimte")
    committed = [
        line["id"]
        for scenario in json.loads(text)["scenarios"]
        for line in scenario["funding"]
        if line.get("status") == "toegezegd"
    ]
    assert committed
    document = parse_json(text)
    for scenario in document.scenarios:
        for line in scenario.funding:
            if line.status is FundingStatus.TOEGEZEGD:
                assert line.commitment is not None
                assert line.commitment.how is CommitmentHow.NAMENS
                assert line.commitment.by == "import"
            else:
                assert line.commitment is None


def test_a_commitment_on_a_line_that_is_not_committed_is_refused() -> None:
    line = {"id": "f1", "cost_item": "k1", "party": "p1", "source": "I", "amount": "10"}
    commitment = {"how": "bevestigd", "by": "Els"}
    with pytest.raises(ValidationError, match="toegezegde regel"):
        FundingLine.model_validate({**line, "status": "in_gesprek", "commitment": commitment})
    ok = FundingLine.model_validate({**line, "status": "toegezegd", "commitment": commitment})
    assert ok.commitment is not None and ok.commitment.how is CommitmentHow.BEVESTIGD
