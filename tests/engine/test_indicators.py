"""An indicator's status by hand: a straight path from baseline to target, the latest
measurement set beside it (see stuurknop.engine.indicators for the rule)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from stuurknop.engine.indicators import (
    IndicatorState,
    Trend,
    indicator_status,
    value_monitoring,
)
from stuurknop.presentation.reasons import sentence
from stuurknop.projectfile.evidence import Direction, EvidencePlan, Indicator, Measurement

D = dt.date


def _indicator(*points: tuple[dt.date, str], **fields: object) -> Indicator:
    data: dict[str, object] = {
        "id": "tevredenheid",
        "name": "Tevredenheid",
        "baseline": Decimal("6"),
        "baseline_date": D(2024, 1, 1),
        "target": Decimal("8"),
        "target_date": D(2026, 1, 1),  # 731 days later
    }
    data.update(fields)
    data["measurements"] = [Measurement(date=d, value=Decimal(v)) for d, v in points]
    return Indicator.model_validate(data)


def test_on_track_when_progress_is_at_least_what_the_path_expects() -> None:
    # Halfway in time (2025-01-01 is 366 of 731 days): expected 6 + 2 × 366/731 ≈ 7.0014.
    status = indicator_status(_indicator((D(2025, 1, 1), "7.1")), D(2025, 2, 1))
    assert status.state is IndicatorState.OP_KOERS
    assert status.expected == Decimal(6) + Decimal(2) * Decimal(366) / Decimal(731)
    assert status.reason.code == "indicator.on_track"
    assert status.reason.params["latest"] == Decimal("7.1")


def test_behind_when_at_least_half_of_the_expected_progress() -> None:
    # Expected progress ≈ 1.0014; half ≈ 0.5007; measured progress 0.6 → behind.
    status = indicator_status(_indicator((D(2025, 1, 1), "6.6")), D(2025, 2, 1))
    assert status.state is IndicatorState.ACHTER
    assert "minstens de helft" in sentence(status.reason)


def test_off_track_below_half_of_the_expected_progress() -> None:
    status = indicator_status(_indicator((D(2025, 1, 1), "6.4")), D(2025, 2, 1))
    assert status.state is IndicatorState.UIT_KOERS
    said = sentence(status.reason)
    assert "6,4" in said and "1 januari 2025" in said and "streefwaarde 8 op 1 januari 2026" in said


def test_no_data_without_a_measurement_after_the_baseline() -> None:
    status = indicator_status(_indicator((D(2024, 1, 1), "6")), D(2025, 1, 1))
    assert status.state is IndicatorState.GEEN_GEGEVENS
    assert status.reason.code == "indicator.no_data"
    assert indicator_status(_indicator(target=None), D(2025, 1, 1)).reason.code == (
        "indicator.no_target"
    )


def test_lower_is_better_counts_a_fall_as_progress() -> None:
    # Absence 10 % → 6 % over 731 days; at 366 days expected ≈ 8.0 %; measured 7.5 → on track,
    # 8.8 (progress 1.2 ≥ half of ≈2.0) → behind, 10.5 (worse than the baseline) → off track.
    fields = {"direction": Direction.LAGER_BETER, "baseline": Decimal(10), "target": Decimal(6)}
    on = indicator_status(_indicator((D(2025, 1, 1), "7.5"), **fields), D(2025, 1, 2))
    behind = indicator_status(_indicator((D(2025, 1, 1), "8.8"), **fields), D(2025, 1, 2))
    off = indicator_status(_indicator((D(2025, 1, 1), "10.5"), **fields), D(2025, 1, 2))
    assert (on.state, behind.state, off.state) == (
        IndicatorState.OP_KOERS,
        IndicatorState.ACHTER,
        IndicatorState.UIT_KOERS,
    )
    reached = indicator_status(_indicator((D(2024, 6, 1), "5.9"), **fields), D(2024, 6, 2))
    assert reached.reason.code == "indicator.target_reached"


def test_past_the_due_date_the_whole_target_is_expected() -> None:
    # Measured 7.1 a quarter of the way: on track then; asked after the target date, the whole
    # way (2.0) is expected, 1.1 ≥ 1.0 → behind, and the reason says the date has passed.
    early = _indicator((D(2024, 7, 1), "7.1"))
    assert indicator_status(early, D(2024, 8, 1)).state is IndicatorState.OP_KOERS
    late = indicator_status(early, D(2026, 3, 1))
    assert late.state is IndicatorState.ACHTER
    assert late.expected == Decimal(8)
    assert late.reason.code == "indicator.behind_past_due"
    assert "streefdatum is voorbij" in sentence(late.reason)


def test_without_a_baseline_the_first_measurement_is_the_baseline_and_trend_follows() -> None:
    indicator = _indicator(
        (D(2024, 1, 1), "6"), (D(2025, 1, 1), "7.2"), (D(2024, 7, 1), "7.5"), baseline=None
    )
    status = indicator_status(indicator, D(2025, 1, 2))
    assert status.baseline == Decimal(6) and status.baseline_date == D(2024, 1, 1)
    assert status.latest is not None and status.latest.value == Decimal("7.2")
    assert status.trend is Trend.SLECHTER  # 7.5 → 7.2


def test_a_value_appears_by_the_states_of_its_indicators() -> None:
    plan = EvidencePlan(
        value="sociale_cohesie",
        indicators=[
            _indicator((D(2025, 1, 1), "7.1")),
            _indicator((D(2025, 1, 1), "6.4"), id="b"),
            _indicator(id="c"),
        ],
    )
    seen = value_monitoring(plan, D(2025, 2, 1))
    assert [seen.count(s) for s in IndicatorState] == [1, 0, 1, 1]
    assert sentence(seen.reason).startswith("1 van de 3 indicatoren op koers")
