"""Cross-references of the indicator library (``indicators.yaml``) with the rest of the model.

Every indicator names routes and values that exist, and each of its values is reached by one
of its routes; its instrument, categories and citations exist; an instrument's items name its
subscales and answers, its categories cover its total score without a gap, and the words of its
answers and categories are in scales.yaml. Problems are (path, reason) pairs; the loader adds
the file name.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from stuurknop.gespreksmodel.library import IndicatorsFile, Instrument, InstrumentKind

Problem = tuple[str, str]


class HasId(Protocol):
    @property
    def id(self) -> str: ...


def library_problems(
    library: IndicatorsFile,
    routes: dict[str, tuple[str, ...]] | None,
    vocabularies: dict[str, tuple[str, ...]] | None,
) -> list[Problem]:
    """``routes``: route id → the values it reaches (None when model.yaml did not load);
    ``vocabularies``: vocabulary id → its keys (None when scales.yaml did not load)."""
    problems = _duplicates("citations", library.citations)
    problems += _duplicates("instruments", library.instruments)
    problems += _duplicates("indicators", library.indicators)
    citations = {c.id for c in library.citations}
    instruments = {i.id: i for i in library.instruments}
    for i, each in enumerate(library.instruments):
        problems += _instrument_problems(f"instruments[{i}]", each, citations, vocabularies)
    values = {v for reached in (routes or {}).values() for v in reached}
    for i, indicator in enumerate(library.indicators):
        here = f"indicators[{i}]"
        reached: set[str] = set()
        for j, route in enumerate(indicator.routes):
            if routes is not None and route not in routes:
                problems.append((f"{here}.routes[{j}]", f"onbekende route {route!r}"))
            elif routes is not None:
                reached.update(routes[route])
        for j, value in enumerate(indicator.values):
            if routes is None:
                continue
            if value not in values:
                problems.append((f"{here}.values[{j}]", f"onbekende waarde {value!r}"))
            elif value not in reached:
                problems.append(
                    (
                        f"{here}.values[{j}]",
                        f"waarde {value!r} wordt via geen van de routes van deze indicator bereikt",
                    )
                )
        if indicator.source is not None and indicator.source not in citations:
            problems.append((f"{here}.source", f"onbekende bron {indicator.source!r}"))
        for j, related in enumerate(indicator.related):
            if related not in citations:
                problems.append((f"{here}.related[{j}]", f"onbekende bron {related!r}"))
        if indicator.instrument is None:
            continue
        instrument = instruments.get(indicator.instrument)
        if instrument is None:
            problems.append((f"{here}.instrument", f"onbekend instrument {indicator.instrument!r}"))
            continue
        keys = {c.key for c in instrument.categories}
        for j, category in enumerate(indicator.categories):
            if category not in keys:
                problems.append(
                    (
                        f"{here}.categories[{j}]",
                        f"instrument {instrument.id!r} kent geen categorie {category!r}",
                    )
                )
    return problems


def _instrument_problems(
    here: str,
    instrument: Instrument,
    citations: set[str],
    vocabularies: dict[str, tuple[str, ...]] | None,
) -> list[Problem]:
    problems: list[Problem] = []
    for j, source in enumerate(instrument.sources):
        if source not in citations:
            problems.append((f"{here}.sources[{j}]", f"onbekende bron {source!r}"))
    if instrument.missing_source is not None and instrument.missing_source not in citations:
        problems.append((f"{here}.missing_source", f"onbekende bron {instrument.missing_source!r}"))
    if instrument.kind is not InstrumentKind.SCHAAL:
        return problems
    problems += _duplicates(f"{here}.items", instrument.items)
    subscales = {s.id for s in instrument.subscales}
    for j, item in enumerate(instrument.items):
        if item.subscale not in subscales:
            problems.append(
                (f"{here}.items[{j}].subscale", f"onbekende deelschaal {item.subscale!r}")
            )
        for k, answer in enumerate(item.scores_on):
            if answer not in instrument.answers:
                problems.append(
                    (f"{here}.items[{j}].scores_on[{k}]", f"onbekend antwoord {answer!r}")
                )
    # The categories cover 0 … the number of items, in order, without gap or overlap.
    expected = 0
    for j, category in enumerate(instrument.categories):
        if category.low != expected or category.high < category.low:
            problems.append(
                (f"{here}.categories[{j}]", f"categorie moet bij score {expected} beginnen")
            )
        expected = category.high + 1
    if expected != instrument.top + 1:
        problems.append(
            (
                f"{here}.categories",
                f"de categorieën lopen niet tot de hoogste score {instrument.top}",
            )
        )
    if vocabularies is not None:
        words = (
            ("answer_vocabulary", instrument.answer_vocabulary, instrument.answers),
            (
                "category_vocabulary",
                instrument.category_vocabulary,
                [c.key for c in instrument.categories],
            ),
        )
        for field, vocabulary, keys in words:
            if vocabulary not in vocabularies:
                problems.append((f"{here}.{field}", f"woordenlijst {vocabulary!r} ontbreekt"))
            elif sorted(vocabularies[vocabulary]) != sorted(keys):
                problems.append(
                    (f"{here}.{field}", f"woordenlijst {vocabulary!r} heeft andere sleutels")
                )
    return problems


def _duplicates(path: str, items: Iterable[HasId]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, item in enumerate(items):
        item_id = str(item.id)
        if item_id in seen:
            problems.append((f"{path}[{i}]", f"{item_id!r} komt dubbel voor"))
        seen.add(item_id)
    return problems
