"""An organisation's positions: saved with their history, guarded against stale pages and bad
input, exported and imported losslessly, and held against the projects at whose table it sits."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.strategy import change_sentences
from stuurknop.projectfile.positions import Positions
from stuurknop.projectfile.positions_io import PositionsInvalid, positions_json
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import Project
from stuurknop.web.strategy.models import StrategyChange, StrategyPositions
from stuurknop.web.strategy.selectors import (
    partner_organisations,
    positions_for,
    positions_of,
    project_departures,
)
from stuurknop.web.strategy.services import positions_import, positions_save
from tests.web.conftest import People


def content(**fields: Any) -> Positions:
    return Positions.model_validate(
        {
            "model_version": "2025-concept",
            "organisation": "-",
            "party_type": "woningcorporatie",
            **fields,
        }
    )


IV_CEILING = {"source": "IV", "pays": True, "ceiling": "50000", "basis": "per_project"}


def test_a_first_save_stores_the_positions_and_says_each_change(people: People) -> None:
    version = positions_save(
        organisation=people.woco,
        by=people.anna,
        positions=content(knobs=[{"knob": 2, "max_opening": 2, "role": "trekken"}]),
        expected_version=0,
    )
    stored, stored_version = positions_of(people.woco)
    assert (version, stored_version) == (1, 1)
    assert stored.organisation == people.woco.name
    change = StrategyChange.objects.get(organisation=people.woco)
    assert change.who == "Anna"
    knob = f"Stuurknop 2 ({load_model().knob(2).name})"
    assert change_sentences(load_model(), change.changes) == [
        f"{knob}, hoe ver: niets → gemiddeld",
        f"{knob}, rol: niets → trekken",
    ]


def test_a_change_is_logged_old_to_new_and_raises_the_version(people: People) -> None:
    positions_save(
        organisation=people.woco, by=people.anna, positions=content(), expected_version=0
    )
    positions_save(
        organisation=people.woco,
        by=people.anna,
        positions=content(sources=[IV_CEILING]),
        expected_version=1,
    )
    latest = StrategyChange.objects.filter(organisation=people.woco).first()
    assert latest is not None and latest.version == 2
    said = change_sentences(load_model(), latest.changes)
    assert "Bron IV, tot bedrag: niets → € 50.000" in said
    assert "Bron IV, betaalt uit deze bron: niets → ja" in said


def test_a_save_over_a_newer_version_is_refused_and_overwrites_nothing(people: People) -> None:
    positions_save(
        organisation=people.woco, by=people.anna, positions=content(), expected_version=0
    )
    positions_save(
        organisation=people.woco,
        by=people.anna,
        positions=content(sources=[IV_CEILING]),
        expected_version=1,
    )
    with pytest.raises(Conflict) as caught:
        positions_save(
            organisation=people.woco,
            by=people.anna,
            positions=content(conditions="Alleen met de gemeente"),
            expected_version=1,
        )
    assert caught.value.current_version == 2
    stored, _version = positions_of(people.woco)
    assert stored.conditions == "" and stored.source("IV") is not None


def test_a_source_the_organisations_type_may_not_pay_from_is_refused(people: People) -> None:
    # Source IV (onrendabele investering) is the housing corporation's only (seed 001).
    with pytest.raises(PositionsInvalid) as caught:
        positions_save(
            organisation=people.zorg,
            by=people.bram,
            positions=content(sources=[IV_CEILING]),
            expected_version=0,
        )
    (error,) = caught.value.errors
    assert error.location == "bron IV, betaalt uit deze bron"
    assert "woningcorporatie" in error.message
    assert not StrategyPositions.objects.exists()
    assert not StrategyChange.objects.exists()


def test_saving_the_same_positions_again_adds_no_history(people: People) -> None:
    for expected in (0, 1):
        positions_save(
            organisation=people.woco,
            by=people.anna,
            positions=content(sources=[IV_CEILING]),
            expected_version=expected,
        )
    assert StrategyChange.objects.count() == 1
    assert positions_of(people.woco)[1] == 1


def test_export_import_export_gives_the_same_bytes(people: People) -> None:
    positions_save(
        organisation=people.woco,
        by=people.anna,
        positions=content(
            knobs=[{"knob": 7, "max_opening": 1, "role": "aan_anderen_laten"}],
            sources=[{**IV_CEILING, "ceiling": "50000.25"}, {"source": "V", "pays": False}],
            required_party_types=["gemeente"],
            conditions="Eerst een huurdersraad.\nDan pas bouwen.",
        ),
        expected_version=0,
    )
    exported = positions_json(positions_of(people.woco)[0])
    StrategyPositions.objects.all().delete()
    positions_import(
        organisation=people.woco, by=people.anna, raw=exported.encode(), expected_version=0
    )
    assert positions_json(positions_of(people.woco)[0]) == exported


@pytest.mark.parametrize(
    ("raw", "where", "message"),
    [
        (b"{not json", "", "dit is geen JSON-bestand"),
        (b'{"format": "stuurknop-project"}', "formaat", "geen strategiebestand"),
        (
            b'{"format": "stuurknop-strategie", "format_version": 1, "model_version": '
            b'"2025-concept", "organisation": "X", "party_type": "woningcorporatie", '
            b'"knobs": [{"knob": 3, "role": "baas"}]}',
            "stuurknop 3, rol",
            "moet een van deze zijn",
        ),
        (
            b'{"format": "stuurknop-strategie", "format_version": 1, "model_version": '
            b'"2025-concept", "organisation": "X", "party_type": "woningcorporatie", '
            b'"sources": [{"source": "IV", "pays": true, "ceiling": "12.345"}]}',
            "bron IV, tot bedrag",
            "decimalen",
        ),
    ],
)
def test_a_bad_file_is_refused_with_a_dutch_error_and_nothing_stored(
    people: People, raw: bytes, where: str, message: str
) -> None:
    positions_save(
        organisation=people.woco,
        by=people.anna,
        positions=content(sources=[IV_CEILING]),
        expected_version=0,
    )
    with pytest.raises(PositionsInvalid) as caught:
        positions_import(organisation=people.woco, by=people.anna, raw=raw, expected_version=1)
    (error,) = caught.value.errors
    assert error.location == where
    assert message in error.message
    assert positions_of(people.woco)[0].source("IV") is not None
    assert StrategyChange.objects.count() == 1


def _seat(project: Project, key: str, people: People, organisation: Any) -> None:
    project.parties.filter(key=key).update(organisation=organisation)


def test_a_project_shows_a_departure_once_a_position_is_crossed(
    people: People, project: Project
) -> None:
    _seat(project, "woco", people, people.woco)
    _seat(project, "zorg", people, people.zorg)
    scenario = project.scenarios.get(chosen=True)
    assert project_departures(project, scenario) == []
    # De Linde opens knob 2 at stand 2; the corporation goes to stand 1 only.
    positions_save(
        organisation=people.woco,
        by=people.anna,
        positions=content(knobs=[{"knob": 2, "max_opening": 1, "role": "bijdragen"}]),
        expected_version=0,
    )
    (found,) = project_departures(project, scenario)
    assert (found.party, found.knob, found.organisation) == ("woco", 2, people.woco.name)
    assert set(positions_for([people.woco.pk, people.zorg.pk])) == {people.woco.pk}
    assert list(partner_organisations(people.woco)) == [people.zorg]
    assert list(partner_organisations(people.elders)) == []


def test_amounts_are_kept_to_the_cent(people: People) -> None:
    positions_save(
        organisation=people.woco,
        by=people.anna,
        positions=content(sources=[{**IV_CEILING, "ceiling": "0.01"}]),
        expected_version=0,
    )
    source = positions_of(people.woco)[0].source("IV")
    assert source is not None and source.ceiling == Decimal("0.01")


def test_the_portfolio_counts_departures_per_project_in_queries_that_do_not_grow(
    people: People, project: Project, shared_document: Any, django_assert_num_queries: Any
) -> None:
    from stuurknop.web.projects.services import project_import
    from stuurknop.web.strategy.selectors import departure_counts

    others = [
        project_import(
            document=shared_document,
            by=people.anna,
            organisation=people.woco,
            party_organisations={"woco": people.woco},
        )
        for _ in range(3)
    ]
    ids = [p.pk for p in (project, *others)]
    assert departure_counts(people.woco, ids) is None  # no positions yet
    positions_save(
        organisation=people.woco,
        by=people.anna,
        positions=content(knobs=[{"knob": 2, "max_opening": 1, "role": "bijdragen"}]),
        expected_version=0,
    )
    # The fixture's project seats no organisation; the others seat the corporation.
    counts = departure_counts(people.woco, ids)
    assert counts == {project.pk: 0, **{p.pk: 1 for p in others}}
    with django_assert_num_queries(4):  # positions, seats, projects, revisions: not one each
        assert departure_counts(people.woco, ids) == counts


def test_positions_of_an_unknown_model_version_are_refused(people: People) -> None:
    with pytest.raises(PositionsInvalid) as caught:
        positions_save(
            organisation=people.woco,
            by=people.anna,
            positions=content(model_version="1999-oud"),
            expected_version=0,
        )
    assert caught.value.errors[0].location == "modelversie"
    assert not StrategyPositions.objects.exists()
