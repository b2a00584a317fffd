"""The residents' answers become their view: per item, per value and per knob, with reasons."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from stuurknop.engine.divergence import RESIDENTS, divergence
from stuurknop.engine.residents import Answer, aggregate, resident_input
from stuurknop.gespreksmodel import Model
from stuurknop.gespreksmodel.schema import QuestionnaireItem, SeedRef
from stuurknop.presentation.reasons import text
from stuurknop.projectfile import ProjectDocument

SOURCE = SeedRef(file="001_a1eae942f9564f46.txt")


def item(item_id: str, values: list[str], knobs: list[int], routes: list[str]) -> QuestionnaireItem:
    return QuestionnaireItem(
        id=item_id,
        label=item_id.capitalize(),
        explanation="Uitleg.",
        routes=routes,
        values=values,
        knobs=knobs,
        source=SOURCE,
    )


@pytest.fixture
def two_items(model: Model) -> Model:
    """The shipped model with a questionnaire of two items, to compute by hand."""
    team = item("team", ["goed_wonen", "minder_zorgvraag"], [7], ["welbevinden", "beter_zien"])
    netwerk = item("netwerk", ["minder_zorgvraag", "efficient_werken"], [7, 9], ["beter_netwerk"])
    return model.model_copy(update={"questionnaire": (team, netwerk)})


ANSWERS = [
    Answer({"team": 3, "netwerk": 1}, "ja", "Graag een vaste koffieochtend."),
    Answer({"team": 2}, "misschien", "   "),
    Answer({}, "nee"),
    Answer({"team": 1, "netwerk": 0}, ""),
]


def test_each_item_counts_only_the_residents_who_answered_it(two_items: Model) -> None:
    summary = aggregate(two_items, ANSWERS)
    team, netwerk = summary.items
    assert (team.answered, team.counts, team.average) == (3, (0, 1, 1, 1), 2.0)
    assert (netwerk.answered, netwerk.counts, netwerk.average) == (2, (1, 1, 0, 0), 0.5)
    assert summary.respondents == 4


def test_a_value_is_the_average_of_the_items_tied_to_it(two_items: Model) -> None:
    values = {s.key: s for s in aggregate(two_items, ANSWERS).values}
    # goed_wonen: team only (2.0); minder_zorgvraag: team 2.0 and netwerk 0.5 → 1.25.
    assert {k: s.average for k, s in values.items()} == {
        "goed_wonen": 2.0,
        "minder_zorgvraag": 1.25,
        "efficient_werken": 0.5,
    }
    assert text(values["minder_zorgvraag"].reason) == (
        "1,25: het gemiddelde van 2 vragen: Team (2,00), Netwerk (0,50)"
    )
    assert "werkplezier" not in values  # no item is tied to it: no view, not a zero


def test_a_knob_is_the_average_of_the_items_that_name_it(two_items: Model) -> None:
    knobs = {s.key: s for s in aggregate(two_items, ANSWERS).knobs}
    assert {k: s.average for k, s in knobs.items()} == {"7": 1.25, "9": 0.5}
    assert knobs["9"].name == "Stuurknop 9: Verbinding met de buurt"
    assert text(knobs["9"].reason) == "0,50: het gemiddelde bij Netwerk (0,50)"


def test_an_item_nobody_answered_counts_for_nothing(two_items: Model) -> None:
    summary = aggregate(two_items, [Answer({"team": 3})])
    assert summary.items[1].average is None
    assert [s.key for s in summary.knobs] == ["7"]
    assert {s.key: s.average for s in summary.values}["minder_zorgvraag"] == 3.0


def test_help_answers_are_counted_and_empty_remarks_left_out(two_items: Model) -> None:
    summary = aggregate(two_items, ANSWERS)
    assert summary.help_organise == {"ja": 1, "misschien": 1, "nee": 1}
    assert summary.remarks == ("Graag een vaste koffieochtend.",)


@pytest.mark.parametrize(
    "odd",
    [Answer({"team": 4}), Answer({"team": -1}), Answer({"onbekend": 3}), Answer({}, "graag")],
)
def test_scores_items_and_help_answers_outside_the_questionnaire_are_ignored(
    two_items: Model, odd: Answer
) -> None:
    summary = aggregate(two_items, [odd])
    assert summary.respondents == 1
    assert all(r.answered == 0 for r in summary.items)
    assert summary.values == () and summary.knobs == ()
    assert sum(summary.help_organise.values()) == 0


def test_no_answers_give_an_empty_view(two_items: Model) -> None:
    summary = aggregate(two_items, [])
    assert (summary.respondents, summary.values, summary.knobs, summary.remarks) == (0, (), (), ())


def test_the_resident_input_rounds_to_two_places(two_items: Model) -> None:
    answers = [Answer({"team": 3}), Answer({"team": 2}), Answer({"team": 2})]
    record = resident_input(aggregate(two_items, answers), dt.date(2025, 5, 1))
    assert record.values == {"goed_wonen": Decimal("2.33"), "minder_zorgvraag": Decimal("2.33")}
    assert record.knobs == {7: Decimal("2.33")}
    assert (record.date, record.respondents) == (dt.date(2025, 5, 1), 3)


def test_the_resident_input_carries_help_counts_and_remarks(two_items: Model) -> None:
    record = resident_input(aggregate(two_items, ANSWERS), dt.date(2025, 5, 1))
    assert record.help_organise.model_dump() == {"ja": 1, "misschien": 1, "nee": 1}
    assert record.remarks == ["Graag een vaste koffieochtend."]


def test_on_the_shipped_model_a_fixed_care_team_counts_for_the_care_knob(model: Model) -> None:
    summary = aggregate(model, [Answer({"zorgteam": 3}), Answer({"zorgteam": 1})])
    knobs = {s.key: s.average for s in summary.knobs}
    assert knobs == {"7": 2.0}  # Organisatie zorg


def test_the_resident_input_becomes_the_residents_view_in_the_divergence(
    model: Model, make_document: Callable[..., ProjectDocument]
) -> None:
    summary = aggregate(model, [Answer({"zorgteam": 3, "veilig": 3})])
    record: dict[str, Any] = resident_input(summary, dt.date(2025, 5, 1)).model_dump(mode="json")
    doc = make_document(
        perspectives=[{"party": "zorg", "knobs": {"7": 1}, "values": {"goed_wonen": 1}}],
        resident_input=[record],
    )
    result = divergence(model, doc)
    knob7 = next(i for i in result.knobs if i.key == "7")
    assert {v.name: v.score for v in knob7.views} == {"Zorg": 1.0, RESIDENTS: 3.0}
    assert RESIDENTS in result.parties
