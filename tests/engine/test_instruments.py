"""The loneliness scale and the report mark, scored by hand for several answer patterns.

The short De Jong Gierveld scale (indicators.yaml, after the manual and the CBS): items 1, 4 and
6 are emotional and worded negatively (a point for ja or min of meer), items 2, 3 and 5 social
and worded positively (a point for nee or min of meer); total 0–6 (0–1 niet, 2–4 matig, 5–6
ernstig eenzaam), subscales 0–3; no total with more than one item missing, no subscale with one
of its items missing.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from stuurknop.engine.instruments import (
    indicator_value,
    mark_round,
    scale_round,
    score_mark,
    score_scale,
)
from stuurknop.gespreksmodel import Model
from stuurknop.gespreksmodel.library import Instrument
from stuurknop.presentation.reasons import text

ORDER = ("leegte", "narigheid", "vertrouwen", "mis_mensen", "verbonden", "in_de_steek")
EMOTIONAL = ("leegte", "mis_mensen", "in_de_steek")
SOCIAL = ("narigheid", "vertrouwen", "verbonden")


@pytest.fixture
def scale(model: Model) -> Instrument:
    return model.instrument("eenzaamheid_djg6")


def answers(*given: str | None) -> dict[str, str]:
    """Answers in the published order; None leaves the item unanswered."""
    return {item: answer for item, answer in zip(ORDER, given, strict=True) if answer is not None}


def test_the_items_are_in_the_published_order_and_subscales(scale: Instrument) -> None:
    assert scale.item_ids() == ORDER
    assert scale.item_ids("emotioneel") == EMOTIONAL
    assert scale.item_ids("sociaal") == SOCIAL


def test_not_lonely_at_all_scores_zero(scale: Instrument) -> None:
    # No to the negative statements, yes to the positive ones: no point anywhere.
    score = score_scale(scale, answers("nee", "ja", "ja", "nee", "ja", "nee"))
    assert score.total == 0
    assert score.subscales == {"emotioneel": 0, "sociaal": 0}
    assert score.category == "niet_eenzaam"
    assert score.missing == 0


def test_the_loneliest_answers_score_six(scale: Instrument) -> None:
    score = score_scale(scale, answers("ja", "nee", "nee", "ja", "nee", "ja"))
    assert (score.total, score.category) == (6, "ernstig_eenzaam")
    assert score.subscales == {"emotioneel": 3, "sociaal": 3}


def test_min_of_meer_scores_a_point_on_every_item(scale: Instrument) -> None:
    score = score_scale(scale, answers(*["min_of_meer"] * 6))
    assert (score.total, score.category) == (6, "ernstig_eenzaam")


def test_all_yes_scores_only_the_negative_items(scale: Instrument) -> None:
    # ja: a point on leegte, mis_mensen, in_de_steek (emotional); none on the social items.
    score = score_scale(scale, answers(*["ja"] * 6))
    assert score.total == 3
    assert score.subscales == {"emotioneel": 3, "sociaal": 0}
    assert score.category == "matig_eenzaam"


def test_all_no_scores_only_the_positive_items(scale: Instrument) -> None:
    score = score_scale(scale, answers(*["nee"] * 6))
    assert score.subscales == {"emotioneel": 0, "sociaal": 3}
    assert (score.total, score.category) == (3, "matig_eenzaam")


@pytest.mark.parametrize(
    ("given", "total", "category"),
    [
        # leegte ja (1), narigheid ja (0), rest not lonely: 1 → niet eenzaam
        (("ja", "ja", "ja", "nee", "ja", "nee"), 1, "niet_eenzaam"),
        # leegte min of meer (1), vertrouwen nee (1): 2 → matig
        (("min_of_meer", "ja", "nee", "nee", "ja", "nee"), 2, "matig_eenzaam"),
        # 1 + 1 + 0 + 1 + 1 + 0 = 4 → matig
        (("ja", "min_of_meer", "ja", "min_of_meer", "nee", "nee"), 4, "matig_eenzaam"),
        # 1 + 1 + 1 + 1 + 1 + 0 = 5 → ernstig
        (("ja", "nee", "min_of_meer", "ja", "nee", "nee"), 5, "ernstig_eenzaam"),
    ],
)
def test_mixed_answers_by_hand(
    scale: Instrument, given: tuple[str, ...], total: int, category: str
) -> None:
    score = score_scale(scale, answers(*given))
    assert (score.total, score.category) == (total, category)


def test_one_missing_item_still_gives_a_total_but_not_its_subscale(scale: Instrument) -> None:
    # vertrouwen unanswered: the other five count as given (ja, nee | -, ja, nee, ja → 1+1+1+1+1).
    score = score_scale(scale, answers("ja", "nee", None, "ja", "nee", "ja"))
    assert score.missing == 1
    assert score.total == 5
    assert score.category == "ernstig_eenzaam"
    assert score.subscales == {"emotioneel": 3, "sociaal": None}


def test_two_missing_items_give_no_total(scale: Instrument) -> None:
    score = score_scale(scale, answers("ja", None, "nee", "ja", None, "ja"))
    assert score.missing == 2
    assert (score.total, score.category) == (None, None)
    assert score.subscales == {"emotioneel": 3, "sociaal": None}


def test_an_unknown_answer_counts_as_missing(scale: Instrument) -> None:
    given = answers("ja", "nee", "nee", "ja", "nee", "ja") | {"leegte": "misschien"}
    score = score_scale(scale, given)
    assert (score.missing, score.total) == (1, 5)
    assert score.subscales["emotioneel"] is None


def test_a_round_counts_the_scored_and_leaves_out_the_rest(model: Model, scale: Instrument) -> None:
    round_ = [
        answers("nee", "ja", "ja", "nee", "ja", "nee"),  # 0 niet
        answers("ja", "ja", "ja", "nee", "ja", "nee"),  # 1 niet
        answers("ja", "min_of_meer", "ja", "min_of_meer", "nee", "nee"),  # 4 matig
        answers("ja", "nee", "nee", "ja", "nee", "ja"),  # 6 ernstig
        answers("ja", None, None, "ja", "nee", "ja"),  # two missing: no score
        {},  # did not fill in the scale at all: not a respondent of it
    ]
    result = scale_round(scale, round_)
    assert (result.respondents, result.scored, result.unscored) == (5, 4, 1)
    assert result.mean == Decimal("2.75")  # (0 + 1 + 4 + 6) / 4
    assert result.categories == {"niet_eenzaam": 2, "matig_eenzaam": 1, "ernstig_eenzaam": 1}
    # emotional: 0, 1, 2, 3, 3 (the fifth has its emotional items) → 9 / 5
    assert result.subscale_means["emotioneel"] == Decimal("1.80")
    assert result.subscale_means["sociaal"] == Decimal("1.25")  # 0, 0, 2, 3 → 5 / 4
    mean = indicator_value(model.indicator("eenzaamheid_gemiddelde"), result)
    share = indicator_value(model.indicator("eenzaamheid_aandeel"), result)
    severe = indicator_value(model.indicator("ernstig_eenzaam_aandeel"), result)
    assert mean is not None and mean[0] == Decimal("2.75")
    assert share is not None and share[0] == Decimal("50.0")  # 2 of 4
    assert severe is not None and severe[0] == Decimal("25.0")  # 1 of 4
    said = text(share[1])
    assert "50%" in said and "2 van de 4 bewoners" in said and "1 bewoner zonder score" in said
    assert "matig eenzaam (score 2–4)" in said
    assert "gemiddeld 2,75 (van 0 tot 6)" in text(mean[1])


def test_a_round_without_scores_measures_nothing(model: Model, scale: Instrument) -> None:
    result = scale_round(scale, [answers("ja", None, None, "ja", None, "ja")])
    assert (result.respondents, result.scored, result.mean) == (1, 0, None)
    assert indicator_value(model.indicator("eenzaamheid_gemiddelde"), result) is None
    assert "niemand volledig genoeg" in text(result.reason)


def test_an_indicator_of_another_instrument_reads_nothing(model: Model, scale: Instrument) -> None:
    result = scale_round(scale, [answers("ja", "nee", "nee", "ja", "nee", "ja")])
    assert indicator_value(model.indicator("tevredenheid_bewoners"), result) is None


def test_report_marks_by_hand(model: Model) -> None:
    mark = model.instrument("tevredenheid_cijfer")
    assert [score_mark(mark, m) for m in (1, 10, 0, 11, None)] == [1, 10, None, None, None]
    result = mark_round(mark, [7, 8, 6, None, 10])
    assert (result.respondents, result.scored) == (4, 4)
    assert result.mean == Decimal("7.75")  # 31 / 4
    value = indicator_value(model.indicator("tevredenheid_bewoners"), result)
    assert value is not None and value[0] == Decimal("7.75")
    assert "gemiddeld 7,75 (van 1 tot 10)" in text(value[1])
