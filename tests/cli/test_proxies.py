"""``stuurknop proxies``: the model's proxy library and rates as text and JSON, and with a
project file its own proxies and rate; bad input gets a Dutch message and exit code 1."""

from __future__ import annotations

import json
from decimal import Decimal

from click.testing import CliRunner

from stuurknop.cli.main import cli
from stuurknop.presentation.numbers import euro
from stuurknop.presentation.proxies import model_library
from stuurknop.projectfile import dump_document, parse_document
from tests.conftest import project_data

OWN = {"id": "uur-hulp", "name": "Uur huishoudelijke hulp", "unit": "per uur",
       "amount": "32.50", "price_year": 2025,
       "source": "Tarief uit de eigen Wmo-inkoop 2025"}  # fmt: skip


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def project_file(tmp_path):
    data = project_data()
    data["effect_settings"] = {"discount_rate": "3.00", "proxies": [OWN]}
    path = tmp_path / "project.json"
    path.write_text(dump_document(parse_document(data)), encoding="utf-8")
    return path


def test_text_lists_every_model_proxy_with_its_price_and_the_sources(model) -> None:
    library = model_library(model.version)
    assert library is not None
    result = run("proxies")
    assert result.exit_code == 0, result.output
    for proxy in library.proxies:
        assert proxy.name in result.output
        assert euro(proxy.amount, cents=True) in result.output
    for citation in library.citations:
        assert str(citation.url) in result.output
    assert "Dit project" not in result.output  # no project file: no project rate


def test_with_a_project_its_own_proxies_and_rate_are_listed(model, tmp_path) -> None:
    result = run("proxies", project_file(tmp_path))
    assert result.exit_code == 0, result.output
    assert OWN["name"] in result.output and OWN["source"] in result.output
    assert "3,00%" in result.output


def test_json_carries_the_library_as_in_the_model(model, tmp_path) -> None:
    library = model_library(model.version)
    assert library is not None
    result = run("proxies", project_file(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["model_version"] == model.version
    ours = data["library"]["proxies"]
    assert [(p["id"], Decimal(p["amount"])) for p in ours] == [
        (p.id, p.amount) for p in library.proxies
    ]
    assert data["project"]["proxies"][0]["id"] == OWN["id"]
    assert Decimal(data["project"]["discount_rate"]) == Decimal("3")


def test_an_unknown_model_version_is_refused_in_dutch() -> None:
    result = run("proxies", "--model", "1999-niets")
    assert result.exit_code == 1
    assert "onbekende modelversie" in result.output


def test_effects_text_says_the_proxy_in_words(model, tmp_path) -> None:
    from stuurknop.presentation.proxies import proxy_phrase

    data = project_data(
        costs=[{"amount": "4000", "party": "woco"}],
        effects=[
            {"id": "thuis", "value": "minder_zorgvraag", "route": "beter_zien",
             "beneficiary": "gemeente", "proxy": "uur-hulp", "low": "10", "expected": "20",
             "high": "30", "first_year": 2025},
        ],
    )  # fmt: skip
    data["effect_settings"] = {"proxies": [OWN]}
    doc = parse_document(data)
    path = tmp_path / "project.json"
    path.write_text(dump_document(doc), encoding="utf-8")
    result = run("effects", path)
    assert result.exit_code == 0, result.output
    phrase = proxy_phrase("uur-hulp", model_library(model.version), doc.effect_settings)
    assert f"10 / 20 / 30 uur × {phrase}" in result.output
    assert "kengetal uur-hulp" not in result.output
