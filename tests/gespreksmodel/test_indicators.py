"""The indicator library is model data: every indicator ties to routes and values the model
knows, every definition cites its source or says that no public one was found, and the
instruments carry their published scoring; a broken tie names file, path and reason."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from stuurknop.gespreksmodel import Model, ModelError, ModelInvalid, load_model_folder
from stuurknop.gespreksmodel.library import (
    DefinitionStatus,
    Direction,
    Frequency,
    InstrumentKind,
    MeasureKind,
)
from stuurknop.gespreksmodel.loader import DEFAULT_VERSION, MODEL_ROOT
from stuurknop.projectfile import schema as doc

FILE = "indicators.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MODEL_ROOT / DEFAULT_VERSION, tmp_path / "model"))


def edit(folder: Path, change: Callable[[Any], None]) -> None:
    path = folder / FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def errors_of(folder: Path) -> list[str]:
    with pytest.raises(ModelInvalid) as raised:
        load_model_folder(folder)
    return [str(e) for e in raised.value.errors]


def _index(data: Any, key: str, item_id: str) -> int:
    return next(i for i, x in enumerate(data[key]) if x["id"] == item_id)


def test_the_library_holds_what_the_issue_names(model: Model) -> None:
    ids = {i.id for i in model.indicators}
    for wanted in (
        "eenzaamheid_gemiddelde",
        "eenzaamheid_aandeel",
        "tevredenheid_bewoners",
        "deelname_activiteiten",
        "burenhulp",
        "bewonersinitiatieven",
        "vroegsignalen",
        "zorguren_per_bewoner",
        "verloop_team",
        "verzuim_team",
        "gebruik_ontmoetingsruimte",
        "contacten_externe_professionals",
    ):
        assert wanted in ids


def test_every_indicator_reaches_its_values_through_its_own_routes(model: Model) -> None:
    for indicator in model.indicators:
        reached = {v for r in indicator.routes for v in model.route(r).values}
        assert set(indicator.values) <= reached, indicator.id


def test_every_indicator_cites_its_source_or_says_none_was_found(model: Model) -> None:
    for indicator in model.indicators:
        if indicator.source is None:
            assert indicator.definition_status is DefinitionStatus.EIGEN, indicator.id
            assert indicator.source_note, indicator.id  # says what was (not) found
        else:
            citation = model.citation(indicator.source)
            assert citation.publisher and citation.title
            assert indicator.definition_status is DefinitionStatus.GEPUBLICEERD
    for citation in model.citations:
        assert citation.url is None or citation.url.startswith("https://")


def test_the_loneliness_scale_is_the_published_short_scale(model: Model) -> None:
    scale = model.instrument("eenzaamheid_djg6")
    assert scale.kind is InstrumentKind.SCHAAL
    assert scale.answers == ["ja", "min_of_meer", "nee"]
    assert len(scale.item_ids("emotioneel")) == 3 and len(scale.item_ids("sociaal")) == 3
    for item in scale.items:
        expected = (
            ["ja", "min_of_meer"] if item.subscale == "emotioneel" else ["nee", "min_of_meer"]
        )
        assert sorted(item.scores_on) == sorted(expected), item.id
        assert item.text  # the Dutch item texts as the cited CBS page prints them
    bands = [(c.key, c.low, c.high) for c in scale.categories]
    assert bands == [("niet_eenzaam", 0, 1), ("matig_eenzaam", 2, 4), ("ernstig_eenzaam", 5, 6)]
    assert (scale.max_missing, scale.max_missing_subscale) == (1, 0)
    assert scale.missing_source in scale.sources
    assert model.word("loneliness_answer", "min_of_meer") == "min of meer"


def test_instrument_indicators_name_their_instrument(model: Model) -> None:
    for indicator in model.indicators:
        if indicator.measure is MeasureKind.INSTRUMENT:
            assert indicator.instrument is not None
            model.instrument(indicator.instrument)


def test_an_unknown_route_is_named(folder: Path) -> None:
    def change(data: Any) -> None:
        i = _index(data, "indicators", "burenhulp")
        data["indicators"][i]["routes"] = ["geen_route"]

    edit(folder, change)
    errors = errors_of(folder)
    assert any("indicators.yaml" in e and "onbekende route 'geen_route'" in e for e in errors)


def test_a_value_not_reached_by_the_routes_is_named(folder: Path) -> None:
    def change(data: Any) -> None:
        i = _index(data, "indicators", "contacten_externe_professionals")
        data["indicators"][i]["values"] = ["goed_wonen"]  # beter_netwerk does not reach it

    edit(folder, change)
    assert any("wordt via geen van de routes" in e for e in errors_of(folder))


def test_a_definition_without_source_must_say_it_is_our_own(folder: Path) -> None:
    def change(data: Any) -> None:
        i = _index(data, "indicators", "burenhulp")
        data["indicators"][i]["definition_status"] = "gepubliceerd"

    edit(folder, change)
    assert any("zonder bron is de definitie eigen" in e for e in errors_of(folder))


def test_an_unknown_citation_instrument_or_category_is_named(folder: Path) -> None:
    def change(data: Any) -> None:
        i = _index(data, "indicators", "verzuim_team")
        data["indicators"][i]["source"] = "geen_bron"
        j = _index(data, "indicators", "eenzaamheid_aandeel")
        data["indicators"][j]["categories"] = ["heel_eenzaam"]
        k = _index(data, "indicators", "eenzaamheid_gemiddelde")
        data["indicators"][k]["instrument"] = "geen_instrument"

    edit(folder, change)
    errors = errors_of(folder)
    assert any("onbekende bron 'geen_bron'" in e for e in errors)
    assert any("geen categorie 'heel_eenzaam'" in e for e in errors)
    assert any("onbekend instrument 'geen_instrument'" in e for e in errors)


def test_categories_with_a_gap_are_refused(folder: Path) -> None:
    def change(data: Any) -> None:
        i = _index(data, "instruments", "eenzaamheid_djg6")
        data["instruments"][i]["categories"][1]["low"] = 3

    edit(folder, change)
    assert any("categorie moet bij score 2 beginnen" in e for e in errors_of(folder))


def test_a_missing_library_file_is_named(folder: Path) -> None:
    (folder / FILE).unlink()
    assert "indicators.yaml: bestand ontbreekt" in errors_of(folder)


def test_model_error_is_exported() -> None:
    assert ModelError("indicators.yaml", "x", "y").file == FILE


def test_a_picked_indicator_keeps_its_direction_and_frequency_in_the_project_file() -> None:
    assert {m.value for m in Direction} == {m.value for m in doc.Direction}
    assert {m.value for m in Frequency} == {m.value for m in doc.Frequency}
