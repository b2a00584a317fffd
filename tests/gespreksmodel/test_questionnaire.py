"""The residents' questionnaire is model data: each item tied to values, routes and knobs that
exist, and tied where the model says the knob acts; a broken tie names file, path and reason."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from stuurknop.gespreksmodel import Model, ModelError, ModelInvalid, load_model_folder
from stuurknop.gespreksmodel.loader import DEFAULT_VERSION, MODEL_ROOT

FILE = "questionnaire.yaml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(MODEL_ROOT / DEFAULT_VERSION, tmp_path / "model"))


def edit(folder: Path, change: Callable[[Any], None]) -> None:
    path = folder / FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def errors_of(folder: Path) -> list[ModelError]:
    with pytest.raises(ModelInvalid) as raised:
        load_model_folder(folder)
    return raised.value.errors


def index_of(folder: Path, item_id: str) -> int:
    data = yaml.safe_load((folder / FILE).read_text(encoding="utf-8"))
    return next(i for i, item in enumerate(data["items"]) if item["id"] == item_id)


def test_the_questionnaire_asks_about_what_the_issue_names(model: Model) -> None:
    labels = [item.label for item in model.questionnaire]
    for label in (
        "Andere mensen ontmoeten",
        "Activiteiten",
        "Je veilig voelen",
        "Hulp van buren",
        "Een vast zorgteam",
        "Contact met de buurt",
    ):
        assert label in labels


def test_every_item_reaches_its_values_and_knobs_through_its_own_routes(model: Model) -> None:
    for item in model.questionnaire:
        reached = {v for r in item.routes for v in model.route(r).values}
        assert set(item.values) <= reached, item.id
        for number in item.knobs:
            assert set(model.knob(number).route_ids()) & set(item.routes), (item.id, number)


def test_a_fixed_care_team_is_tied_to_the_care_knob_and_the_neighbourhood_to_knob_9(
    model: Model,
) -> None:
    items = {item.id: item for item in model.questionnaire}
    assert 7 in items["zorgteam"].knobs  # Organisatie zorg: "een vast team"
    assert 9 in items["buurt"].knobs  # Verbinding met de buurt
    assert 5 in items["activiteiten"].knobs  # Inrichten activiteitenaanbod


def test_it_reports_a_missing_questionnaire(folder: Path) -> None:
    (folder / FILE).unlink()
    assert errors_of(folder) == [ModelError(FILE, "", "bestand ontbreekt")]


def test_it_names_an_unknown_route_and_value(folder: Path) -> None:
    i = index_of(folder, "buren")
    edit(folder, lambda d: d["items"][i].update(routes=["beter_eten"], values=["geluk"]))
    errors = errors_of(folder)
    assert ModelError(FILE, f"items[{i}].routes[0]", "onbekende route 'beter_eten'") in errors
    assert ModelError(FILE, f"items[{i}].values[0]", "onbekende waarde 'geluk'") in errors


def test_it_refuses_a_value_none_of_the_items_routes_reaches(folder: Path) -> None:
    i = index_of(folder, "buurt")  # zorgen voor elkaar, welbevinden, beter netwerk
    edit(folder, lambda d: d["items"][i].update(routes=["welbevinden"], values=["werkplezier"]))
    assert errors_of(folder) == [
        ModelError(
            FILE,
            f"items[{i}].values[0]",
            "waarde 'werkplezier' wordt via geen van de routes van deze vraag bereikt",
        )
    ]


def test_it_refuses_a_knob_that_works_via_none_of_the_items_routes(folder: Path) -> None:
    i = index_of(folder, "hulp_dichtbij")
    # Knob 4 (sturen op doelgroep) works only via zorgen voor elkaar and welbevinden.
    edit(folder, lambda d: d["items"][i].update(knobs=[4]))
    assert errors_of(folder) == [
        ModelError(
            FILE, f"items[{i}].knobs[0]", "stuurknop 4 werkt via geen van de routes van deze vraag"
        )
    ]


def test_it_refuses_a_duplicated_item(folder: Path) -> None:
    edit(folder, lambda d: d["items"].append(dict(d["items"][0])))
    [error] = errors_of(folder)
    assert error.file == FILE and error.reason == "'ontmoeten' komt dubbel voor"


def test_it_refuses_a_citation_of_a_document_the_model_does_not_name(folder: Path) -> None:
    edit(folder, lambda d: d["items"][0]["source"].update(file="009_0000000000000000.txt"))
    assert errors_of(folder) == [
        ModelError(
            FILE,
            "items[0].source.file",
            "document '009_0000000000000000.txt' staat niet in documents",
        )
    ]
