"""The shipped model version carries the facts of the Gespreksmodel (seed 001) exactly."""

from __future__ import annotations

import re

import pytest

from stuurknop.engine.checks import CHECKS
from stuurknop.gespreksmodel import DEFAULT_VERSION, available_versions, load_model
from stuurknop.gespreksmodel.loader import MODEL_ROOT, check_model_folder
from stuurknop.gespreksmodel.schema import Model

ALL_ROUTES = ("zorgen_voor_elkaar", "welbevinden", "beter_zien", "beter_team", "beter_netwerk")
ALL_VALUES = ("goed_wonen", "minder_zorgvraag", "efficient_werken", "werkplezier")

# The seed files the model and its lessons come from (../shared/seeds/).
SEEDS = {
    "000_8c894d9e64551c6f.txt",
    "001_a1eae942f9564f46.txt",
    "002_e18e4333ce68ffe8.txt",
    "003_61ffe22bf9b3684c.txt",
    "004_bd765be169228d0c.txt",
}


def test_the_default_version_is_shipped_and_its_folder_has_no_problems():
    assert DEFAULT_VERSION in available_versions()
    assert check_model_folder(MODEL_ROOT / DEFAULT_VERSION) == []


def test_it_loads_the_model_once_per_process():
    assert load_model() is load_model()
    assert load_model(DEFAULT_VERSION) is load_model(DEFAULT_VERSION)


def test_it_refuses_an_unknown_version():
    with pytest.raises(KeyError, match="onbekende modelversie"):
        load_model("1999-nooit")


def test_it_has_four_values_and_five_routes(model: Model):
    assert tuple(v.id for v in model.values) == ALL_VALUES
    assert tuple(r.id for r in model.routes) == ALL_ROUTES


def test_it_has_ten_knobs_numbered_one_to_ten_in_four_domains(model: Model):
    assert [k.number for k in model.knobs] == list(range(1, 11))
    assert {k.domain.value for k in model.knobs} == {"vastgoed", "gemeenschap", "zorg", "beleid"}


def test_it_has_ten_sources_numbered_i_to_x(model: Model):
    assert [s.numeral for s in model.sources] == [
        "I",
        "II",
        "III",
        "IV",
        "V",
        "VI",
        "VII",
        "VIII",
        "IX",
        "X",
    ]


# Seed 001, "De tien stuurknoppen" and the table "Mogelijke waarde" of each worksheet.
@pytest.mark.parametrize(
    ("number", "domain", "routes"),
    [
        (1, "vastgoed", {"zorgen_voor_elkaar", "welbevinden", "beter_team", "beter_netwerk"}),
        (2, "vastgoed", set(ALL_ROUTES)),
        (3, "vastgoed", set(ALL_ROUTES)),
        (4, "vastgoed", {"zorgen_voor_elkaar", "welbevinden"}),
        (5, "gemeenschap", {"zorgen_voor_elkaar", "welbevinden", "beter_zien"}),
        (6, "gemeenschap", set(ALL_ROUTES)),
        (7, "zorg", set(ALL_ROUTES)),
        (8, "beleid", set(ALL_ROUTES)),
        (9, "beleid", {"zorgen_voor_elkaar", "welbevinden", "beter_netwerk"}),
        (10, "beleid", {"welbevinden", "beter_zien", "beter_team", "beter_netwerk"}),
    ],
)
def test_each_knob_works_via_the_routes_the_model_names(model, number, domain, routes):
    knob = model.knob(number)
    assert knob.domain.value == domain
    assert set(knob.route_ids()) == routes
    assert len(knob.route_ids()) == len(routes)  # no route listed twice


@pytest.mark.parametrize(
    ("route", "values"),
    [
        ("zorgen_voor_elkaar", {"goed_wonen", "minder_zorgvraag"}),
        ("welbevinden", {"goed_wonen", "minder_zorgvraag"}),
        ("beter_zien", {"minder_zorgvraag", "efficient_werken"}),
        ("beter_team", set(ALL_VALUES)),
        ("beter_netwerk", {"minder_zorgvraag", "efficient_werken", "werkplezier"}),
    ],
)
def test_each_route_contributes_to_the_values_the_model_names(model, route, values):
    assert set(model.route(route).values) == values


def test_every_reference_in_the_model_resolves(model: Model):
    routes = {r.id for r in model.routes}
    values = {v.id for v in model.values}
    types = {t.id for t in model.party_types}
    assert {m.route for k in model.knobs for m in k.mechanisms} <= routes
    assert {v for r in model.routes for v in r.values} <= values
    assert {t for s in model.sources for t in s.party_types} <= types
    assert {n for lesson in model.lessons for n in lesson.knobs} <= set(range(1, 11))
    assert {n for check in model.checks for n in check.knobs} <= set(range(1, 11))


def test_the_four_wwz_partners_are_marked_as_such(model: Model):
    partners = {t.id for t in model.party_types if t.wwz_partner}
    assert partners == {
        "woningcorporatie",
        "zorgorganisatie",
        "sociaal_werkorganisatie",
        "gemeente",
    }


def test_it_has_at_least_forty_lessons_with_unique_ids(model: Model):
    ids = [lesson.id for lesson in model.lessons]
    assert len(ids) >= 40
    assert len(set(ids)) == len(ids)


def test_every_lesson_and_check_cites_one_of_the_seed_files(model: Model):
    cited = {x.source.file for x in (*model.lessons, *model.checks)} | {model.source.file}
    assert all(re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", name) for name in cited)
    assert cited <= SEEDS


def test_the_lessons_draw_on_the_practice_seeds(model: Model):
    # DESIGN: lessons come from seeds 000, 002, 003 and 004 (and the cases in 001).
    prefixes = {lesson.source.file[:3] for lesson in model.lessons}
    assert {"000", "002", "003", "004"} <= prefixes


@pytest.mark.parametrize("number", range(1, 11))
def test_every_knob_has_a_lesson(model, number):
    assert model.lessons_for_knob(number)


def test_sources_i_and_iii_are_the_temporary_ones(model: Model):
    assert {s.numeral for s in model.sources if s.temporary} == {"I", "III"}


@pytest.mark.parametrize(
    ("numeral", "payers"),
    [
        ("I", {"gemeente"}),
        ("II", {"gemeente"}),
        ("III", {"provincie_rijk", "zorgkantoor_zorgverzekeraar", "fonds"}),
        ("IV", {"woningcorporatie"}),
        ("VI", {"bewoners"}),
        ("VIII", {"bewoners"}),
        ("IX", {"bewoners", "deelnemer_buiten_complex"}),
        ("X", {"lokale_partij"}),
    ],
)
def test_sources_are_paid_by_the_party_types_the_model_names(model, numeral, payers):
    assert model.payer_types(numeral) == payers


def test_the_checks_in_the_model_are_exactly_the_checks_the_engine_implements(model: Model):
    assert {c.id for c in model.checks} == set(CHECKS)
