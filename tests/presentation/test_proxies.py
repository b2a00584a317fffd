"""The proxy library in words: an estimate priced with a proxy says the proxy's name, price and
source instead of its id; the library's blocks list every proxy of the model and of the project
with its source; the plan's effects chapter lists only the proxies its estimates use."""

from __future__ import annotations

from decimal import Decimal

import pytest

from stuurknop.engine.effect_report import effect_report
from stuurknop.gespreksmodel.library import Citation
from stuurknop.presentation.blocks import Bullets, PlanTable
from stuurknop.presentation.effects import effect_blocks, estimates_table
from stuurknop.presentation.numbers import euro
from stuurknop.presentation.proxies import (
    effect_amount,
    model_library,
    proxy_blocks,
    proxy_phrase,
    short_source,
    source_lines,
)
from stuurknop.projectfile import parse_document
from stuurknop.projectfile.effects import EffectEstimate, EffectSettings, Proxy
from tests.conftest import project_data

OWN = Proxy(
    id="uur-hulp",
    name="Uur huishoudelijke hulp",
    unit="per bezoek",
    amount=Decimal("32.50"),
    price_year=2025,
    source="Tarief uit de eigen Wmo-inkoop 2025, " + "bijlage " * 20,
    url="https://example.org/inkoop",
)


def estimate(proxy: str | None, low: str, expected: str, high: str) -> EffectEstimate:
    return EffectEstimate.model_validate(
        {"id": "e", "value": "minder_zorgvraag", "route": "beter_zien", "beneficiary": "gemeente",
         "proxy": proxy, "low": low, "expected": expected, "high": high, "first_year": 2025}
    )  # fmt: skip


def citation(title: str, year: int | None) -> Citation:
    return Citation(id="c", title=title, publisher="Uitgever", year=year, supports="Een bedrag.")


@pytest.mark.parametrize(
    ("title", "year", "short"),
    [
        ("Kostenhandleiding voor economische evaluaties in de gezondheidszorg: methodologie", 2024,
         "Kostenhandleiding 2024"),
        ("Discontovoet (overzichtstabel per 1 januari 2021)", 2021, "Discontovoet 2021"),
        ("Rapport werkgroep discontovoet 2020", 2020, "Rapport werkgroep discontovoet 2020"),
        ("Tarieven", None, "Tarieven"),
    ],
)  # fmt: skip
def test_a_source_is_named_short_by_its_title_and_year(title, year, short) -> None:
    assert short_source(citation(title, year)) == short


def test_an_hour_proxy_reads_as_hours_times_the_proxy_with_price_and_source(model) -> None:
    library = model_library(model.version)
    assert library is not None
    nursing = library.proxy("verpleging_thuis_uur")
    assert nursing is not None and nursing.unit == "per uur"
    said = effect_amount(estimate(nursing.id, "2", "4", "6"), library, EffectSettings())
    source = short_source(library.citation(nursing.source))
    assert (
        said
        == f"2 / 4 / 6 uur × {nursing.name} ({euro(nursing.amount, cents=True)} per uur, {source})"
    )
    assert nursing.id not in said


def test_a_unit_without_a_singular_count_leaves_the_quantity_bare(model) -> None:
    settings = EffectSettings(proxies=[OWN])
    said = effect_amount(estimate(OWN.id, "1", "2.5", "4"), model_library(model.version), settings)
    assert said.startswith(
        "1 / 2,5 / 4 × Uur huishoudelijke hulp (€ 32,50 per bezoek, eigen kengetal"
    )
    assert said.endswith("…)")  # the long free-text source is cut in the line
    assert len(said) < 150


def test_an_amount_per_year_stays_in_euros(model) -> None:
    said = effect_amount(estimate(None, "0", "1000", "2500"), None, EffectSettings())
    assert said == " / ".join(euro(Decimal(x)) for x in ("0", "1000", "2500"))


def test_an_unknown_proxy_falls_back_to_its_id() -> None:
    assert proxy_phrase("weg", None, EffectSettings()) == "kengetal weg"


def tables(blocks) -> dict[str, PlanTable]:
    return {b.caption: b for b in blocks if isinstance(b, PlanTable)}


def test_the_library_blocks_hold_every_proxy_the_rates_and_each_source(model) -> None:
    library = model_library(model.version)
    assert library is not None
    settings = EffectSettings(discount_rate=Decimal("3.5"), proxies=[OWN])
    blocks = proxy_blocks(library, settings)
    found = tables(blocks)
    ours = found["Kengetallen uit het model"]
    assert [r[0] for r in ours.rows] == [p.name for p in library.proxies]
    assert [r[2] for r in ours.rows] == [euro(p.amount, cents=True) for p in library.proxies]
    assert [r[5] for r in ours.rows] == [p.where for p in library.proxies]
    (own,) = found["Eigen kengetallen van het project"].rows
    assert own[0] == OWN.name and OWN.source in own[4] and OWN.url in own[4]
    rates = found["Discontovoeten (reëel, per jaar)"].rows
    assert rates[0][1] == "3,50%"  # the project's own rate first
    assert {r[1] for r in rates[1:]} == {"2,25%", "−1,00%"}
    (sources,) = [b for b in blocks if isinstance(b, Bullets)]
    for c in library.citations:
        assert any(c.title in line and str(c.url) in line for line in sources.items)
    lines = source_lines(library, settings)
    assert lines[-1].url == OWN.url


def test_without_a_project_there_is_no_project_rate_nor_own_proxies(model) -> None:
    blocks = proxy_blocks(model_library(model.version), None)
    assert "Eigen kengetallen van het project" not in tables(blocks)
    rates = tables(blocks)["Discontovoeten (reëel, per jaar)"]
    assert "Dit project" not in [r[0] for r in rates.rows]


def test_the_effects_chapter_names_the_proxy_in_words_and_lists_only_the_used_ones(model) -> None:
    data = project_data(
        costs=[{"amount": "4000", "party": "woco"}],
        effects=[
            {"id": "thuis", "value": "minder_zorgvraag", "route": "beter_zien",
             "beneficiary": "gemeente", "proxy": "begeleiding_thuis_uur", "low": "10",
             "expected": "20", "high": "30", "first_year": 2025},
        ],
    )  # fmt: skip
    doc = parse_document(data)
    library = model_library(model.version)
    assert library is not None
    used = library.proxy("begeleiding_thuis_uur")
    assert used is not None
    scenario = doc.scenario()
    (row,) = estimates_table(model, doc, scenario).rows
    assert used.name in row[4] and "kengetal" not in row[4] and used.id not in row[4]
    blocks = effect_blocks(model, doc, scenario, effect_report(model, doc, scenario, draws=50))
    listed = tables(blocks)["Kengetallen uit het model"]
    assert [r[0] for r in listed.rows] == [used.name]
