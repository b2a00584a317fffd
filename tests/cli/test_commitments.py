"""The command line's report says committed money split: the example's committed lines came
from a version-1 file, so they are recorded on the parties' behalf by the import."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from stuurknop.cli.main import cli

EXAMPLE = Path(__file__).parents[2] / "stuurknop" / "examples" / "ontmoetingsruimte.json"


def test_the_report_says_committed_money_confirmed_apart_from_on_behalf() -> None:
    result = CliRunner().invoke(cli, ["analyse", str(EXAMPLE)], catch_exceptions=False)
    assert result.exit_code == 0
    line = next(s for s in result.output.splitlines() if s.startswith("Toegezegd: "))
    assert "€ 0 bevestigd door de partij" in line
    assert "vastgelegd namens de partij" in line
