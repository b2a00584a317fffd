"""The words of the indicator library and its instruments, in one place for every face.

An instrument's name, the word of an answer or a category of its scale (from the model's
scales.yaml), an indicator's direction, frequency and how it is measured, the citation as a
reader sees it, and the sentences of the engine's instrument reasons
(:data:`INSTRUMENT_TEMPLATES`, merged into :data:`stuurknop.presentation.reasons.TEMPLATES`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal

from stuurknop.engine.instruments import RoundResult
from stuurknop.engine.reasons import Param
from stuurknop.gespreksmodel import Model, load_model
from stuurknop.gespreksmodel.library import (
    Citation,
    Instrument,
    InstrumentKind,
    LibraryIndicator,
)
from stuurknop.presentation.lists import and_list
from stuurknop.presentation.numbers import measured

Params = Mapping[str, Param]


def answer_word(model: Model, instrument: Instrument, key: str) -> str:
    """``min of meer`` for ``min_of_meer``: the word residents choose."""
    assert instrument.answer_vocabulary is not None  # a scale names it (the schema checks)
    return model.word(instrument.answer_vocabulary, key)


def category_word(model: Model, instrument: Instrument, key: str) -> str:
    """``matig eenzaam`` for ``matig_eenzaam``."""
    assert instrument.category_vocabulary is not None
    return model.word(instrument.category_vocabulary, key)


def category_band(model: Model, instrument: Instrument, key: str) -> str:
    """``matig eenzaam (score 2–4)``: the word with its band of the total."""
    band = next(c for c in instrument.categories if c.key == key)
    scores = str(band.low) if band.low == band.high else f"{band.low}–{band.high}"
    return f"{category_word(model, instrument, key)} (score {scores})"


def citation_text(citation: Citation) -> str:
    """A citation as a reader names it: authors, title, publisher, year."""
    parts = [p for p in (citation.authors, citation.title, citation.publisher) if p]
    if citation.year is not None:
        parts.append(str(citation.year))
    return ". ".join(parts)


def indicator_facts(model: Model, indicator: LibraryIndicator) -> list[tuple[str, str]]:
    """(label, text) pairs that describe a library indicator for people."""
    facts = [
        ("Wat het meet", indicator.definition),
        ("Eenheid", indicator.unit),
        ("Richting", model.word("indicator_direction", indicator.direction.value)),
        ("Hoe vaak meten", model.word("measurement_frequency", indicator.frequency.value)),
        ("Hoe gemeten", model.word("measure_kind", indicator.measure.value)),
        ("Routes", and_list([model.route(r).name for r in indicator.routes])),
        ("Waarden", and_list([model.value(v).name for v in indicator.values])),
        ("Definitie", model.word("definition_status", indicator.definition_status.value)),
    ]
    if indicator.instrument is not None:
        facts.append(("Vragenlijst", model.instrument(indicator.instrument).name))
    if indicator.source is not None:
        facts.append(("Bron", citation_text(model.citation(indicator.source))))
    if indicator.source_note:
        facts.append(("Over de bron", indicator.source_note))
    return facts


def _instrument(p: Params) -> Instrument:
    return load_model().instrument(str(p["instrument"]))


def _people(count: int) -> str:
    return f"{count} {'bewoner' if count == 1 else 'bewoners'}"


def _unscored(p: Params) -> str:
    unscored = int(str(p["unscored"]))
    if not unscored:
        return ""
    return f"; {_people(unscored)} zonder score, omdat te veel antwoorden ontbraken"


def _mean(p: Params) -> str:
    name = _instrument(p).name
    return (
        f"{name}: gemiddeld {measured(Decimal(str(p['mean'])))} (van {p['low']} tot "
        f"{p['high']}), over {_people(int(str(p['scored'])))} met een score" + _unscored(p)
    )


def _share(p: Params) -> str:
    model = load_model()
    instrument = _instrument(p)
    keys = p["categories"]
    assert isinstance(keys, tuple)
    words = [category_band(model, instrument, str(k)) for k in keys]
    joined = words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" of {words[-1]}"
    return (
        f"{measured(Decimal(str(p['share'])))}% is {joined}: {p['count']} van de "
        f"{_people(int(str(p['scored'])))} met een score" + _unscored(p)
    )


def _no_scores(p: Params) -> str:
    return (
        f"{_instrument(p).name}: geen score. {_people(int(str(p['respondents'])))} vulden "
        "deze vragen in, maar niemand volledig genoeg voor een score"
    )


INSTRUMENT_TEMPLATES: dict[str, Callable[[Params], str]] = {
    "instrument.mean": _mean,
    "instrument.share": _share,
    "instrument.no_scores": _no_scores,
}


def outcome_facts(
    model: Model, instrument: Instrument, result: RoundResult
) -> list[tuple[str, str]]:
    """(label, text) pairs of an instrument over a round, for a page or a document: how many
    filled it in and got a score, the mean, and per category how many (scales)."""
    facts = [
        ("Ingevuld door", _people(result.respondents)),
        ("Met een score", _people(result.scored)),
    ]
    if result.mean is None:
        facts.append(("Uitkomst", "geen score: niemand vulde genoeg in"))
        return facts
    low, high = (
        (0, instrument.top)
        if instrument.kind is InstrumentKind.SCHAAL
        else (instrument.lowest, instrument.highest)
    )
    facts.append(("Gemiddelde", f"{measured(result.mean)} (van {low} tot {high})"))
    for category in instrument.categories:
        count = result.categories.get(category.key, 0)
        share = Decimal(100 * count) / Decimal(result.scored)
        facts.append(
            (
                category_band(model, instrument, category.key).capitalize(),
                f"{count} ({measured(share.quantize(Decimal('0.1')))}%)",
            )
        )
    for subscale in instrument.subscales:
        mean = result.subscale_means.get(subscale.id)
        top = len(instrument.item_ids(subscale.id))
        said = f"{measured(mean)} (van 0 tot {top})" if mean is not None else "geen score"
        facts.append((f"{subscale.name}, gemiddeld", said))
    return facts


def round_status(model: Model, is_open: bool) -> str:
    """``loopt`` or ``gesloten``: a residents' round's status."""
    return model.word("round_status", "open" if is_open else "gesloten")


def missing_rule(instrument: Instrument) -> str:
    """How a scale treats unanswered items, as its source prescribes."""
    total = instrument.max_missing
    sub = instrument.max_missing_subscale
    said = (
        "Geen totaalscore als er een uitspraak ontbreekt"
        if total == 0
        else f"Een totaalscore zolang er hoogstens {total} "
        f"{'uitspraak' if total == 1 else 'uitspraken'} ontbreken; de ontbrekende tellen niet mee"
    )
    said += (
        "; geen score voor een deelschaal waarvan een uitspraak ontbreekt."
        if sub == 0
        else f"; een deelschaal mag {sub} ontbrekende uitspraken hebben."
    )
    return said
