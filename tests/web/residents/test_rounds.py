"""Rounds of the residents' questionnaire: a baseline and a later round with the same items,
the loneliness scale and a report mark added to a round, scored by the engine, anonymous, and
each closed round taken into the project: as residents' input with its round and as
measurements of the indicators picked from the library."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from stuurknop.projectfile import schema as doc
from stuurknop.web.projects.models import Project, Scenario
from stuurknop.web.residents.models import Questionnaire, Response, Round
from stuurknop.web.residents.rounds import round_close, round_start
from stuurknop.web.residents.services import QuestionnaireError
from tests.web.conftest import People

from .conftest import form_url

SCALE = "eenzaamheid_djg6"
MARK = "tevredenheid_cijfer"
ITEMS = ("leegte", "narigheid", "vertrouwen", "mis_mensen", "verbonden", "in_de_steek")


def start(
    questionnaire: Questionnaire, people: People, name: str = "Nulmeting", **kw: Any
) -> Round:
    return round_start(
        questionnaire=questionnaire,
        by=people.anna,
        name=name,
        starts_on=kw.get("starts_on", dt.date(2026, 3, 2)),
        ends_on=kw.get("ends_on"),
        instruments=kw.get("instruments", [SCALE, MARK]),
    )


def post(
    questionnaire: Questionnaire, address: str, scale: tuple[str, ...] = (), **extra: Any
) -> Any:
    data = {
        f"instrument_{SCALE}_{item}": answer for item, answer in zip(ITEMS, scale, strict=False)
    }
    data.update(extra)
    return Client().post(form_url(questionnaire), data, REMOTE_ADDR=address)


def pick_indicators(project: Project) -> Scenario:
    """The project's scenario monitors loneliness and satisfaction with library indicators."""
    scenario = (
        project.scenarios.get(chosen=True)
        if project.scenarios.filter(chosen=True)
        else project.scenarios.first()
    )
    assert scenario is not None
    plan = {
        "value": "goed_wonen",
        "indicators": [
            {
                "id": "eenzaam",
                "name": "Eenzaamheid",
                "library": "eenzaamheid_gemiddelde",
                "route": "welbevinden",
                "direction": "lager_beter",
            },
            {
                "id": "eenzaam_deel",
                "name": "Eenzaam (deel)",
                "library": "eenzaamheid_aandeel",
                "route": "welbevinden",
                "direction": "lager_beter",
                "unit": "%",
            },
            {
                "id": "cijfer",
                "name": "Tevredenheid",
                "library": "tevredenheid_bewoners",
                "route": "welbevinden",
            },
            {"id": "eigen", "name": "Eigen indicator", "route": "welbevinden"},
        ],
    }
    Scenario.objects.filter(pk=scenario.pk).update(evidence=[plan])
    scenario.refresh_from_db()
    return scenario


def test_a_round_asks_the_published_statements_and_a_mark(
    questionnaire: Questionnaire, people: People
) -> None:
    start(questionnaire, people)
    html = Client().get(form_url(questionnaire)).content.decode()
    assert "Ik ervaar een leegte om me heen." in html
    assert "Vaak voel ik me in de steek gelaten." in html
    assert "Min of meer" in html
    assert "Welk rapportcijfer geeft u het wonen hier?" in html
    # Without a round the form asks only the importance questions, as before.
    questionnaire.rounds.update(is_open=False)
    assert "Ik ervaar een leegte" not in Client().get(form_url(questionnaire)).content.decode()


def test_answers_belong_to_the_open_round_and_name_nobody(
    questionnaire: Questionnaire, people: People
) -> None:
    round_ = start(questionnaire, people)
    response = post(
        questionnaire, "192.0.2.20", ("ja", "nee", "min_of_meer"), **{f"instrument_{MARK}": "8"}
    )
    assert response.status_code == 302
    row = Response.objects.get()
    assert row.round == round_
    assert row.instrument_answers == {
        SCALE: {"leegte": "ja", "narigheid": "nee", "vertrouwen": "min_of_meer"},
        MARK: 8,
    }
    assert "192.0.2.20" not in repr(Response.objects.values().get())


def test_an_answer_outside_the_scale_is_refused_and_nothing_stored(
    questionnaire: Questionnaire, people: People
) -> None:
    start(questionnaire, people)
    assert post(questionnaire, "192.0.2.21", ("soms",)).status_code == 400
    assert post(questionnaire, "192.0.2.22", **{f"instrument_{MARK}": "11"}).status_code == 400
    assert not Response.objects.exists()


def test_only_the_scale_answered_is_an_answer(questionnaire: Questionnaire, people: People) -> None:
    start(questionnaire, people)
    assert post(questionnaire, "192.0.2.23", ("nee",) * 6).status_code == 302


def test_closing_takes_the_round_into_the_project_and_measures_the_indicators(
    questionnaire: Questionnaire, project: Project, people: People
) -> None:
    scenario = pick_indicators(project)
    round_ = start(questionnaire, people)
    post(
        questionnaire,
        "192.0.2.30",
        ("nee", "ja", "ja", "nee", "ja", "nee"),
        **{f"instrument_{MARK}": "8"},
    )  # 0
    post(
        questionnaire,
        "192.0.2.31",
        ("ja", "nee", "nee", "ja", "nee", "ja"),
        **{f"instrument_{MARK}": "6"},
    )  # 6
    post(questionnaire, "192.0.2.32", ("ja", "min_of_meer", "ja", "min_of_meer", "nee", "nee"))  # 4
    post(
        questionnaire, "192.0.2.33", ("ja", "", "", "ja"), **{f"instrument_{MARK}": "9"}
    )  # 2 missing: no score
    record = round_close(round_=round_, by=people.anna, today=dt.date(2026, 3, 30))
    assert record is not None
    questionnaire.refresh_from_db()
    assert not questionnaire.is_open
    assert (record.round, record.round_start, record.respondents) == (
        "Nulmeting",
        dt.date(2026, 3, 2),
        4,
    )
    scale, mark = record.instruments
    assert (scale.instrument, scale.respondents, scale.scored) == (SCALE, 4, 3)
    assert scale.mean == Decimal("3.33")  # (0 + 6 + 4) / 3
    assert scale.categories == {"niet_eenzaam": 1, "matig_eenzaam": 1, "ernstig_eenzaam": 1}
    assert (mark.scored, mark.mean) == (3, Decimal("7.67"))  # (8 + 6 + 9) / 3
    project.refresh_from_db()
    stored = doc.ResidentInput.model_validate(project.resident_input[-1])
    assert stored.round == "Nulmeting" and stored.instruments[0].mean == Decimal("3.33")
    scenario.refresh_from_db()
    measured = {
        i["id"]: i.get("measurements", []) for plan in scenario.evidence for i in plan["indicators"]
    }
    assert [(m["date"], Decimal(m["value"]), m["origin"]) for m in measured["eenzaam"]] == [
        ("2026-03-30", Decimal("3.33"), "bewonersronde")
    ]
    assert Decimal(measured["eenzaam_deel"][0]["value"]) == Decimal("66.7")  # 2 of 3
    assert Decimal(measured["cijfer"][0]["value"]) == Decimal("7.67")
    assert "Nulmeting" in measured["cijfer"][0]["note"]
    assert measured["eigen"] == []  # not from the library: nothing measured


def test_a_later_round_asks_the_same_and_counts_only_its_own_answers(
    questionnaire: Questionnaire, project: Project, people: People
) -> None:
    first = start(questionnaire, people)
    post(questionnaire, "192.0.2.40", ("ja",) * 6)
    round_close(round_=first, by=people.anna, today=dt.date(2026, 3, 30))
    with pytest.raises(QuestionnaireError):
        start(questionnaire, people)  # the same name again
    second = start(questionnaire, people, name="Tweede meting", starts_on=dt.date(2027, 3, 1))
    questionnaire.refresh_from_db()
    assert questionnaire.is_open
    with pytest.raises(QuestionnaireError):
        start(questionnaire, people, name="Derde")  # one round at a time
    post(questionnaire, "192.0.2.41", ("nee",) * 6)
    post(questionnaire, "192.0.2.42", ("nee",) * 6)
    record = round_close(round_=second, by=people.anna, today=dt.date(2027, 3, 29))
    assert record is not None and record.respondents == 2
    assert record.instruments[0].mean == Decimal("3.00")  # all nee: the three social items
    with pytest.raises(QuestionnaireError):
        round_close(round_=second, by=people.anna)
    project.refresh_from_db()
    assert [r["round"] for r in project.resident_input] == ["Nulmeting", "Tweede meting"]


def test_a_round_is_named_and_its_dates_in_order(
    questionnaire: Questionnaire, people: People
) -> None:
    with pytest.raises(QuestionnaireError, match="naam"):
        start(questionnaire, people, name="  ")
    with pytest.raises(QuestionnaireError, match="einddatum"):
        start(questionnaire, people, ends_on=dt.date(2026, 1, 1))
    with pytest.raises(QuestionnaireError, match="vragenlijsten uit het model"):
        start(questionnaire, people, instruments=["onbekend"])
    assert not Round.objects.exists()


def test_the_manage_page_starts_closes_and_shows_a_round(
    questionnaire: Questionnaire, project: Project, people: People
) -> None:
    beheerder = Client()
    beheerder.force_login(people.anna)
    manage = reverse("residents_manage", args=[project.pk])
    beheerder.post(
        reverse("residents_round_start", args=[project.pk]),
        {"name": "Nulmeting", "starts_on": "2026-03-02", "instruments": [SCALE]},
    )
    round_ = Round.objects.get()
    assert round_.instruments == [SCALE]
    post(questionnaire, "192.0.2.50", ("ja", "nee", "nee", "ja", "nee", "ja"))
    page = beheerder.get(manage).content.decode()
    assert "Nulmeting" in page and "loopt" in page
    beheerder.post(reverse("residents_round_close", args=[project.pk, round_.pk]))
    page = beheerder.get(manage).content.decode()
    assert "gesloten" in page
    assert "Ernstig eenzaam (score 5–6)" in page and "1 (100" in page
    reader = Client()
    reader.force_login(people.carla)
    assert "Ernstig eenzaam (score 5–6)" in reader.get(manage).content.decode()
    assert "Ronde starten" not in reader.get(manage).content.decode()


def test_old_residents_input_without_a_round_still_reads() -> None:
    old = {"date": "2025-05-01", "respondents": 12, "values": {"goed_wonen": "2.5"}}
    record = doc.ResidentInput.model_validate(old)
    assert (record.round, record.instruments, record.round_start) == ("", [], None)


def test_instrument_results_must_add_up() -> None:
    with pytest.raises(ValueError, match="groepen tellen samen op"):
        doc.InstrumentResult(
            instrument=SCALE,
            respondents=3,
            scored=2,
            mean=Decimal("1"),
            categories={"niet_eenzaam": 1},
        )
    with pytest.raises(ValueError, match="niet meer scores"):
        doc.InstrumentResult(instrument=MARK, respondents=1, scored=2, mean=Decimal("7"))


def test_the_results_and_a_take_in_follow_the_latest_round(
    questionnaire: Questionnaire, project: Project, people: People
) -> None:
    from stuurknop.web.residents.services import questionnaire_take_in

    first = start(questionnaire, people, instruments=[])
    Client().post(form_url(questionnaire), {"score_zorgteam": "3"}, REMOTE_ADDR="192.0.2.60")
    round_close(round_=first, by=people.anna)
    start(questionnaire, people, name="Tweede meting", instruments=[])
    Client().post(form_url(questionnaire), {"score_zorgteam": "1"}, REMOTE_ADDR="192.0.2.61")
    record = questionnaire_take_in(questionnaire=questionnaire, by=people.anna)
    assert record.respondents == 1  # the second round's answer only
    beheerder = Client()
    beheerder.force_login(people.anna)
    page = beheerder.get(reverse("residents_manage", args=[project.pk])).content.decode()
    assert "Van de laatste ronde: Tweede meting." in page
    assert '<dd id="aantal-antwoorden">1</dd>' in page
