"""The command line's model export carries the indicator library, its instruments and the
sources they cite; ``model check`` finds a broken tie in the library."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from stuurknop.cli.main import cli
from stuurknop.gespreksmodel.loader import DEFAULT_VERSION, MODEL_ROOT


def test_the_export_holds_the_library_with_its_sources() -> None:
    data = json.loads(CliRunner().invoke(cli, ["model", "export"]).output)
    indicators = {i["id"]: i for i in data["indicators"]}
    assert indicators["eenzaamheid_gemiddelde"]["instrument"] == "eenzaamheid_djg6"
    assert indicators["burenhulp"]["source"] is None
    assert indicators["burenhulp"]["definition_status"] == "eigen"
    scale = next(x for x in data["instruments"] if x["id"] == "eenzaamheid_djg6")
    assert [c["key"] for c in scale["categories"]] == [
        "niet_eenzaam",
        "matig_eenzaam",
        "ernstig_eenzaam",
    ]
    cited = {c["id"] for c in data["citations"]}
    assert set(scale["sources"]) <= cited


def test_model_check_names_an_unknown_route_of_an_indicator(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(MODEL_ROOT / DEFAULT_VERSION, tmp_path / "model"))
    path = folder / "indicators.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["indicators"][0]["routes"] = ["omweg"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(cli, ["model", "check", str(folder)])
    assert result.exit_code == 1
    assert "indicators.yaml: indicators[0].routes[0]: onbekende route 'omweg'" in result.output
