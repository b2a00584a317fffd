"""Is an indicator on track? One rule, applied the same way on every face.

**The rule.** The path runs in a straight line from the baseline (its value on its date) to the
target (its value on its date). At the latest measurement after the baseline, the progress made
(how far the value moved from the baseline towards the target; for "lower is better" a fall
counts as progress) is set beside the progress expected by then on that path:

- the target is reached (at or beyond the target value) → **op koers**;
- progress ≥ expected → **op koers**;
- progress ≥ half of expected → **achter**;
- otherwise → **uit koers**;
- no baseline, no target or no measurement after the baseline → **geen gegevens**.

When the target date has passed (by ``as_of``, or the measurement lies on or after it), the
whole way to the target is expected. Without a baseline date the first measurement is the
baseline; without a target date the whole way is expected. Each status comes with a
:class:`Reason` that names the rule and its figures, so every face can write the rule beside it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from stuurknop.engine.reasons import Param, Reason, reason
from stuurknop.projectfile.evidence import Direction, EvidencePlan, Indicator, Measurement


class IndicatorState(StrEnum):
    """Words in the model's ``indicator_status`` vocabulary; ordered from good to unknown."""

    OP_KOERS = "op_koers"
    ACHTER = "achter"
    UIT_KOERS = "uit_koers"
    GEEN_GEGEVENS = "geen_gegevens"


class Trend(StrEnum):
    """The direction of the last change between the two latest measurements."""

    BETER = "beter"
    GELIJK = "gelijk"
    SLECHTER = "slechter"


@dataclass(frozen=True)
class IndicatorStatus:
    indicator: str  # the indicator's id
    state: IndicatorState
    reason: Reason  # the rule with its figures
    baseline: Decimal | None
    baseline_date: dt.date | None
    target: Decimal | None
    target_date: dt.date | None
    latest: Measurement | None  # the latest measurement after the baseline
    expected: Decimal | None  # the value expected on the path at the latest measurement
    trend: Trend | None  # None with fewer than two measurements


@dataclass(frozen=True)
class ValueMonitoring:
    """Does an aimed value appear? The status of each of its indicators, and the count per state."""

    value: str
    statuses: tuple[IndicatorStatus, ...]
    reason: Reason

    def count(self, state: IndicatorState) -> int:
        return sum(1 for status in self.statuses if status.state is state)


def _ordered(measurements: Iterable[Measurement]) -> list[Measurement]:
    return sorted(measurements, key=lambda m: m.date)


def _trend(ordered: Sequence[Measurement], direction: Direction) -> Trend | None:
    if len(ordered) < 2:
        return None
    change = ordered[-1].value - ordered[-2].value
    if direction is Direction.LAGER_BETER:
        change = -change
    return Trend.BETER if change > 0 else Trend.SLECHTER if change < 0 else Trend.GELIJK


def _fraction(start: dt.date, end: dt.date | None, moment: dt.date, as_of: dt.date) -> Decimal:
    """How much of the way from ``start`` to ``end`` is expected at ``moment`` (0–1)."""
    if end is None or moment >= end or as_of > end:
        return Decimal(1)
    return Decimal((moment - start).days) / Decimal((end - start).days)


def indicator_status(indicator: Indicator, as_of: dt.date) -> IndicatorStatus:
    """The status of ``indicator`` on ``as_of`` by the module's rule, with its reason."""
    ordered = _ordered(indicator.measurements)
    trend = _trend(ordered, indicator.direction)
    baseline, baseline_date = indicator.baseline, indicator.baseline_date
    if baseline is None and ordered:
        baseline, baseline_date = ordered[0].value, ordered[0].date
    elif baseline is not None and baseline_date is None and ordered:
        baseline_date = ordered[0].date  # a baseline without a date counts from the first
    target, target_date = indicator.target, indicator.target_date

    def unknown(code: str) -> IndicatorStatus:
        return IndicatorStatus(
            indicator.id,
            IndicatorState.GEEN_GEGEVENS,
            reason(code, name=indicator.name),
            baseline,
            baseline_date,
            target,
            target_date,
            None,
            None,
            trend,
        )

    if target is None:
        return unknown("indicator.no_target")
    if baseline is None or baseline_date is None:
        return unknown("indicator.no_data")
    after = [m for m in ordered if m.date > baseline_date]
    if not after:
        return unknown("indicator.no_data")
    latest = after[-1]
    lower = indicator.direction is Direction.LAGER_BETER
    sign = Decimal(-1) if lower else Decimal(1)
    gap = (target - baseline) * sign
    progress = (latest.value - baseline) * sign
    fraction = _fraction(baseline_date, target_date, latest.date, as_of)
    expected_progress = gap * fraction
    expected = baseline + expected_progress * sign
    past_due = target_date is not None and (as_of > target_date or latest.date >= target_date)
    params: dict[str, Param] = {
        "name": indicator.name,
        "latest": latest.value,
        "latest_date": latest.date.isoformat(),
        "expected": expected,
        "baseline": baseline,
        "baseline_date": baseline_date.isoformat(),
        "target": target,
        "target_date": target_date.isoformat() if target_date else "",
    }
    reached = latest.value <= target if lower else latest.value >= target
    if reached:
        state, code = IndicatorState.OP_KOERS, "indicator.target_reached"
    elif progress >= expected_progress:
        state, code = IndicatorState.OP_KOERS, "indicator.on_track"
    elif progress >= expected_progress / 2:
        state, code = IndicatorState.ACHTER, "indicator.behind"
    else:
        state, code = IndicatorState.UIT_KOERS, "indicator.off_track"
    if past_due and not reached:
        code += "_past_due"
    return IndicatorStatus(
        indicator.id,
        state,
        reason(code, **params),
        baseline,
        baseline_date,
        target,
        target_date,
        latest,
        expected,
        trend,
    )


def value_monitoring(plan: EvidencePlan, as_of: dt.date) -> ValueMonitoring:
    """Whether the value of ``plan`` appears: its indicators' statuses, counted per state."""
    statuses = tuple(indicator_status(i, as_of) for i in plan.indicators)

    def count(state: IndicatorState) -> int:
        return sum(1 for s in statuses if s.state is state)

    if not statuses:
        why = reason("monitoring.no_indicators")
    else:
        why = reason(
            "monitoring.value",
            on_track=count(IndicatorState.OP_KOERS),
            behind=count(IndicatorState.ACHTER),
            off_track=count(IndicatorState.UIT_KOERS),
            no_data=count(IndicatorState.GEEN_GEGEVENS),
            total=len(statuses),
        )
    return ValueMonitoring(plan.value, statuses, why)


def monitoring(plans: Iterable[EvidencePlan], as_of: dt.date) -> tuple[ValueMonitoring, ...]:
    """:func:`value_monitoring` for every plan, in their order."""
    return tuple(value_monitoring(plan, as_of) for plan in plans)
