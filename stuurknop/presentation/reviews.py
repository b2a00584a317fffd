"""Indicators in words for the evaluation: a row per indicator (baseline, target, latest
measurement, status with its rule's sentence), and a decision's review (what its indicators
said by the review date). The status words come from the model's ``indicator_status``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from stuurknop.engine.indicators import IndicatorStatus, indicator_status
from stuurknop.engine.reviews import DecisionReview
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.blocks import Block, Paragraph, PlanTable
from stuurknop.presentation.instruments import category_band
from stuurknop.presentation.numbers import dutch_date, measured
from stuurknop.presentation.reasons import sentence
from stuurknop.projectfile.schema import Indicator, ResidentInput


def _figure(value: Decimal | None, day: dt.date | None, unit: str) -> str:
    if value is None:
        return "–"
    text = f"{measured(value)} {unit}".strip()
    return f"{text} ({dutch_date(day)})" if day is not None else text


def status_text(model: Model, status: IndicatorStatus) -> str:
    """The status in words, never a colour alone, with the rule's sentence and its figures
    (which starts with the status word; said before it where it does not)."""
    word = model.word("indicator_status", status.state.value)
    said = sentence(status.reason)
    return said if said.lower().startswith(word.lower()) else f"{word.capitalize()}. {said}"


def indicator_rows(
    model: Model, indicators: Sequence[Indicator], as_of: dt.date
) -> tuple[tuple[str, ...], ...]:
    """One row per indicator: name, baseline, target, latest measurement, status."""
    rows = []
    for indicator in indicators:
        status = indicator_status(indicator, as_of)
        latest = status.latest
        rows.append(
            (
                indicator.name,
                _figure(status.baseline, status.baseline_date, indicator.unit),
                _figure(status.target, status.target_date, indicator.unit),
                _figure(latest.value, latest.date, indicator.unit) if latest else "–",
                status_text(model, status),
            )
        )
    return tuple(rows)


def review_blocks(model: Model, review: DecisionReview) -> tuple[Block, ...]:
    """What the indicators of a decision's knobs said by its review date."""
    when = dutch_date(review.by)
    if not review.indicators:
        return (
            Paragraph(
                "Bij de stuurknoppen van dit besluit hoort nog geen indicator: er is niets om "
                "bij de herziening naast te leggen.",
                "note",
            ),
        )
    head = (
        f"Zo stonden de indicatoren op de herzieningsdatum {when}:"
        if review.due
        else f"De herziening komt nog; zo staan de indicatoren nu ({when}):"
    )
    values = {v.id: v.name for v in model.values}
    table = PlanTable(
        f"Indicatoren bij het besluit ‘{review.decision.title}’",
        ("Indicator", "Waarde", "Laatste meting tot dan", "Status"),
        tuple(
            (
                item.indicator.name,
                values.get(item.value, item.value),
                _figure(
                    item.status.latest.value if item.status.latest else None,
                    item.status.latest.date if item.status.latest else None,
                    item.indicator.unit,
                ),
                status_text(model, item.status),
            )
            for item in review.indicators
        ),
    )
    return (Paragraph(head), table)


def rounds_table(model: Model, rounds: Sequence[ResidentInput]) -> PlanTable:
    """The residents' rounds: when, how many took part, and each validated instrument's result
    over the whole round (a mean and the share per group; never one resident's answers)."""
    rows = []
    for taken in sorted(rounds, key=lambda r: r.date):
        results = []
        for result in taken.instruments:
            instrument = model.instrument(result.instrument)
            if result.mean is None:
                results.append(f"{instrument.name}: geen score")
                continue
            said = (
                f"{instrument.name}: gemiddeld {measured(result.mean)} ({result.scored} met score)"
            )
            groups = [
                f"{category_band(model, instrument, key)} {count}"
                for key, count in result.categories.items()
            ]
            results.append(f"{said}; {', '.join(groups)}" if groups else said)
        rows.append(
            (
                taken.round or "Nulmeting",
                dutch_date(taken.date),
                str(taken.respondents),
                "; ".join(results) or "–",
            )
        )
    return PlanTable(
        "Bewonersrondes",
        ("Ronde", "Datum", "Deelnemers", "Uitkomst van de vragenlijsten"),
        tuple(rows),
        align=("left", "left", "right", "left"),
        empty="Nog geen bewonersronde.",
    )
