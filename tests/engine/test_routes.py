"""Route activation, value potential and value per party, computed by hand.

Knobs per route (model data, seed 001):
    zorgen_voor_elkaar: 1–9           → 9 knobs, maximum 27
    welbevinden:        1–10          → 10 knobs, maximum 30
    beter_zien:         2 3 5 6 7 8 10 → 7 knobs, maximum 21
    beter_team:         1 2 3 6 7 8 10 → 7 knobs, maximum 21
    beter_netwerk:      1 2 3 6 7 8 9 10 → 8 knobs, maximum 24
"""

from __future__ import annotations

import pytest

from stuurknop.engine.routes import (
    opening_of,
    route_activation,
    value_per_party,
    value_potential,
)
from stuurknop.presentation.reasons import text


def activations(model, doc) -> dict[str, float]:
    return {a.route: a.activation for a in route_activation(model, doc.scenario())}


def potentials(model, doc) -> dict[str, float]:
    return {
        p.value: p.potential
        for p in value_potential(model, route_activation(model, doc.scenario()))
    }


@pytest.mark.parametrize(
    ("route", "able"),
    [
        ("zorgen_voor_elkaar", (1, 2, 3, 4, 5, 6, 7, 8, 9)),
        ("welbevinden", (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)),
        ("beter_zien", (2, 3, 5, 6, 7, 8, 10)),
        ("beter_team", (1, 2, 3, 6, 7, 8, 10)),
        ("beter_netwerk", (1, 2, 3, 6, 7, 8, 9, 10)),
    ],
)
def test_with_no_knob_on_every_route_is_idle(model, make_document, route, able):
    [result] = [a for a in route_activation(model, make_document().scenario()) if a.route == route]
    assert (result.achieved, result.maximum, result.activation) == (0, 3 * len(able), 0.0)
    assert result.idle_knobs == able
    assert result.contributions == ()
    assert (
        text(result.reason)
        == f"geen van de {len(able)} stuurknoppen die via deze route werken staat aan"
    )


def test_knob_4_at_2_and_knob_5_at_3(model, make_document):
    doc = make_document(knobs={4: 2, 5: 3})
    assert activations(model, doc) == pytest.approx(
        {
            "zorgen_voor_elkaar": (2 + 3) / (3 * 9),
            "welbevinden": (2 + 3) / (3 * 10),
            "beter_zien": 3 / (3 * 7),  # knob 4 does not work via beter_zien
            "beter_team": 0.0,
            "beter_netwerk": 0.0,
        }
    )


def test_the_reason_names_each_contributing_knob_and_the_sum(model, make_document):
    doc = make_document(knobs={4: 2, 5: 3})
    care = route_activation(model, doc.scenario())[0]
    assert care.route == "zorgen_voor_elkaar"
    assert [(c.knob, c.opening) for c in care.contributions] == [(4, 2), (5, 3)]
    assert care.idle_knobs == (1, 2, 3, 6, 7, 8, 9)
    assert text(care.reason) == "stuurknop 4 (2) + stuurknop 5 (3) = 5 van 27 (9 stuurknoppen × 3)"


def test_every_route_is_fully_active_when_every_knob_is_fully_open(model, make_document):
    doc = make_document(knobs={k: 3 for k in range(1, 11)})
    assert set(activations(model, doc).values()) == {1.0}
    assert set(potentials(model, doc).values()) == {1.0}


@pytest.mark.parametrize("status", ["uit", "niet_besproken"])
def test_a_knob_that_is_not_on_contributes_nothing(model, make_document, status):
    doc = make_document(knobs={6: status, 9: 1})
    assert opening_of(doc.scenario(), 6) == 0
    # Only knob 9 (opening 1) is on: it works via zorgen_voor_elkaar, welbevinden, beter_netwerk.
    assert activations(model, doc) == pytest.approx(
        {
            "zorgen_voor_elkaar": 1 / 27,
            "welbevinden": 1 / 30,
            "beter_zien": 0.0,
            "beter_team": 0.0,
            "beter_netwerk": 1 / 24,
        }
    )


def test_value_potential_is_the_mean_activation_of_the_routes_leading_to_it(model, make_document):
    doc = make_document(knobs={4: 2, 5: 3})
    care, wellbeing, seeing = 5 / 27, 5 / 30, 3 / 21  # team and network routes are 0
    assert potentials(model, doc) == pytest.approx(
        {
            "goed_wonen": (care + wellbeing + 0) / 3,  # via care, wellbeing, team
            "minder_zorgvraag": (care + wellbeing + seeing + 0 + 0) / 5,  # via all five
            "efficient_werken": (seeing + 0 + 0) / 3,  # via seeing, team, network
            "werkplezier": 0.0,  # via team and network only
        }
    )


def test_value_potential_explains_itself_route_by_route(model, make_document):
    doc = make_document(knobs={10: 3})
    # Knob 10 at 3: welbevinden 3/30, beter_zien 3/21, beter_team 3/21, beter_netwerk 3/24.
    work = value_potential(model, route_activation(model, doc.scenario()))[2]
    assert work.value == "efficient_werken"
    assert work.potential == pytest.approx((3 / 21 + 3 / 21 + 3 / 24) / 3)
    assert dict(work.routes) == pytest.approx(
        {"beter_zien": 1 / 7, "beter_team": 1 / 7, "beter_netwerk": 1 / 8}
    )
    assert [route for route, _ in work.routes] == ["beter_zien", "beter_team", "beter_netwerk"]
    assert text(work.reason) == (
        "gemiddelde van 3 routes: Beter zien-route 0,14, Beter team-route 0,14, "
        "Beter netwerk-route 0,13"
    )


def test_value_per_party_weighs_the_potentials_by_each_partys_interests(model, make_document):
    doc = make_document(
        knobs={4: 2, 5: 3},
        interests={
            "woco": {"goed_wonen": 3, "werkplezier": 2},
            "zorg": {"minder_zorgvraag": 2, "efficient_werken": 1},
        },
    )
    pot = potentials(model, doc)
    scenario = doc.scenario()
    values = value_potential(model, route_activation(model, scenario))
    result = {p.party: p for p in value_per_party(model, doc, scenario, values)}

    woco = 3 * pot["goed_wonen"] + 2 * 0.0
    zorg = 2 * pot["minder_zorgvraag"] + 1 * pot["efficient_werken"]
    assert result["woco"].score == pytest.approx(woco)
    assert result["zorg"].score == pytest.approx(zorg)
    assert result["woco"].attainable == 3 + 2
    assert result["woco"].relative == pytest.approx(woco / 5)
    # the share counts each party's weights as parts of the same total
    woco_part = 3 / 5 * pot["goed_wonen"] + 2 / 5 * 0.0
    zorg_part = 2 / 3 * pot["minder_zorgvraag"] + 1 / 3 * pot["efficient_werken"]
    assert result["woco"].share == pytest.approx(woco_part / (woco_part + zorg_part))
    assert result["zorg"].share == pytest.approx(zorg_part / (woco_part + zorg_part))
    assert result["woco"].weights == (
        ("goed_wonen", 3),
        ("minder_zorgvraag", 0),
        ("efficient_werken", 0),
        ("werkplezier", 2),
    )
    assert text(result["woco"].reason).startswith(
        "3 × 0,12 (Goed wonen) + 2 × 0,00 (Werkplezier) = "
    )


def test_a_party_without_interests_has_no_value_and_says_so(model, make_document):
    doc = make_document(knobs={4: 2}, interests={"woco": {"goed_wonen": 3}})
    scenario = doc.scenario()
    values = value_potential(model, route_activation(model, scenario))
    result = {p.party: p for p in value_per_party(model, doc, scenario, values)}
    assert list(result) == ["woco", "zorg", "welzijn", "gemeente", "bewoners"]  # every party
    assert (result["gemeente"].score, result["gemeente"].share, result["gemeente"].relative) == (
        0.0,
        0.0,
        0.0,
    )
    assert text(result["gemeente"].reason) == "geen belangen ingevuld"
    assert result["woco"].share == 1.0


def test_no_share_is_divided_by_zero_when_nothing_is_on(model, make_document):
    doc = make_document(interests={"woco": {"goed_wonen": 3}})
    scenario = doc.scenario()
    values = value_potential(model, route_activation(model, scenario))
    assert {p.share for p in value_per_party(model, doc, scenario, values)} == {0.0}
