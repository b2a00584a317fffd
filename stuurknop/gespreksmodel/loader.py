"""Load a model version folder, reporting every problem with its file, path and reason.

The model's owners edit these YAML files without a programmer, so a broken folder must yield a
complete list of precise errors rather than the first traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from stuurknop.gespreksmodel.library import IndicatorsFile
from stuurknop.gespreksmodel.library_checks import library_problems
from stuurknop.gespreksmodel.proxies import PROXIES_FILE, ProxyLibrary
from stuurknop.gespreksmodel.schema import (
    NUMERALS,
    ChecksFile,
    CheckText,
    Knob,
    Lesson,
    LessonsFile,
    Model,
    ModelCore,
    QuestionnaireFile,
    ScalesFile,
    SourcesFile,
)
from stuurknop.messages import dutch_message

MODEL_ROOT = Path(__file__).parent
DEFAULT_VERSION = "2025-concept"

_M = TypeVar("_M", bound=BaseModel)


@dataclass(frozen=True)
class ModelError:
    """One problem in a model folder."""

    file: str
    path: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.path}" if self.path else self.file
        return f"{where}: {self.reason}"


class ModelInvalid(Exception):
    """A model folder that does not validate; ``errors`` lists every problem found."""

    def __init__(self, errors: list[ModelError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def available_versions() -> list[str]:
    """The model versions shipped with this package, oldest first."""
    return sorted(p.name for p in MODEL_ROOT.iterdir() if (p / "model.yaml").is_file())


def version_path(version: str) -> Path:
    if version not in available_versions():
        known = ", ".join(available_versions())
        raise KeyError(f"onbekende modelversie {version!r} (bekend: {known})")
    return MODEL_ROOT / version


def load_model(version: str = DEFAULT_VERSION) -> Model:
    """The shipped model ``version``, validated once and cached for the process."""
    return _load_shipped(version)


@cache
def _load_shipped(version: str) -> Model:
    return load_model_folder(version_path(version))


def load_model_folder(folder: Path) -> Model:
    """Validate and load the model folder at ``folder``; raise :class:`ModelInvalid`."""
    errors: list[ModelError] = []
    core = _load(folder, "model.yaml", ModelCore, errors)
    sources = _load(folder, "sources.yaml", SourcesFile, errors)
    lessons = _load(folder, "lessons.yaml", LessonsFile, errors)
    checks = _load(folder, "checks.yaml", ChecksFile, errors)
    questionnaire = _load(folder, "questionnaire.yaml", QuestionnaireFile, errors)
    scales = _load(folder, "scales.yaml", ScalesFile, errors)
    library = _load(folder, "indicators.yaml", IndicatorsFile, errors)
    _load(folder, PROXIES_FILE, ProxyLibrary, errors)  # checked here; read by load_proxies
    knobs: list[tuple[str, Knob]] = []
    knob_dir = folder / "knobs"
    knob_files = sorted(knob_dir.glob("*.yaml")) if knob_dir.is_dir() else []
    if not knob_files:
        errors.append(ModelError("knobs/", "", "map ontbreekt of bevat geen stuurknoppen"))
    for path in knob_files:
        knob = _load(folder, f"knobs/{path.name}", Knob, errors)
        if knob is not None:
            knobs.append((f"knobs/{path.name}", knob))
    # Cross-references are checked on whatever did load, so one broken file does not hide
    # the problems in the others.
    all_knobs_loaded = len(knobs) == len(knob_files)
    errors.extend(_cross_references(core, sources, lessons, checks, knobs, all_knobs_loaded))
    errors.extend(_questionnaire_references(core, questionnaire, knobs))
    if scales is not None:
        errors += _duplicates("scales.yaml", "vocabularies", [v.id for v in scales.vocabularies])
    if library is not None:
        routes = {r.id: tuple(r.values) for r in core.routes} if core else None
        words = (
            {v.id: tuple(w.key for w in v.words) for v in scales.vocabularies} if scales else None
        )
        errors.extend(
            ModelError("indicators.yaml", path, reason)
            for path, reason in library_problems(library, routes, words)
        )
    if (
        errors
        or core is None
        or sources is None
        or lessons is None
        or checks is None
        or questionnaire is None
        or scales is None
        or library is None
    ):
        raise ModelInvalid(errors)
    return Model(
        version=core.version,
        title=core.title,
        status=core.status,
        source=core.source,
        values=tuple(core.values),
        routes=tuple(core.routes),
        party_types=tuple(core.party_types),
        conversation_questions=tuple(core.conversation_questions),
        documents=tuple(core.documents),
        knobs=tuple(k for _, k in sorted(knobs, key=lambda fk: fk[1].number)),
        sources=tuple(sources.sources),
        lessons=tuple(lessons.lessons),
        checks=tuple(checks.checks),
        questionnaire=tuple(questionnaire.items),
        scales=scales.scales,
        vocabularies=scales.vocabularies,
        citations=tuple(library.citations),
        instruments=tuple(library.instruments),
        indicators=tuple(library.indicators),
    )


def check_model_folder(folder: Path) -> list[ModelError]:
    """Every problem in the folder; an empty list means it is a valid model."""
    try:
        load_model_folder(folder)
    except ModelInvalid as invalid:
        return invalid.errors
    return []


def _load(folder: Path, name: str, schema: type[_M], errors: list[ModelError]) -> _M | None:
    path = folder / name
    if not path.is_file():
        errors.append(ModelError(name, "", "bestand ontbreekt"))
        return None
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"regel {mark.line + 1}, kolom {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        errors.append(ModelError(name, where, f"geen geldige YAML: {problem}"))
        return None
    except UnicodeDecodeError:
        errors.append(ModelError(name, "", "geen UTF-8-tekst"))
        return None
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            errors.append(ModelError(name, _dotted(err["loc"]), dutch_message(err)))
        return None


def _dotted(loc: Iterable[int | str]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _cross_references(
    core: ModelCore | None,
    sources: SourcesFile | None,
    lessons: LessonsFile | None,
    checks: ChecksFile | None,
    knobs: list[tuple[str, Knob]],
    all_knobs_loaded: bool,
) -> list[ModelError]:
    errors: list[ModelError] = []
    value_ids = [v.id for v in core.values] if core else []
    route_ids = [r.id for r in core.routes] if core else []
    type_ids = [t.id for t in core.party_types] if core else []
    errors += _duplicates("model.yaml", "values", value_ids)
    errors += _duplicates("model.yaml", "routes", route_ids)
    errors += _duplicates("model.yaml", "party_types", type_ids)
    for i, route in enumerate(core.routes if core else ()):
        for j, value in enumerate(route.values):
            if value not in value_ids:
                errors.append(
                    ModelError(
                        "model.yaml", f"routes[{i}].values[{j}]", f"onbekende waarde {value!r}"
                    )
                )

    numbers = [k.number for _, k in knobs]
    if all_knobs_loaded:
        for number in sorted(set(range(1, 11)) - set(numbers)):
            errors.append(ModelError("knobs/", "", f"stuurknop {number} ontbreekt"))
    errors += _duplicates("knobs/", "number", [str(n) for n in numbers])
    errors += _duplicates("knobs/", "id", [k.id for _, k in knobs])
    for file, knob in knobs:
        expected = f"{knob.number:02d}.yaml"
        if not file.endswith(expected):
            errors.append(
                ModelError(file, "number", f"stuurknop {knob.number} hoort in {expected}")
            )
        seen: set[str] = set()
        for i, mechanism in enumerate(knob.mechanisms):
            if core and mechanism.route not in route_ids:
                errors.append(
                    ModelError(
                        file, f"mechanisms[{i}].route", f"onbekende route {mechanism.route!r}"
                    )
                )
            if mechanism.route in seen:
                errors.append(
                    ModelError(file, f"mechanisms[{i}].route", f"route {mechanism.route!r} dubbel")
                )
            seen.add(mechanism.route)

    numerals = [s.numeral for s in sources.sources] if sources else list(NUMERALS)
    if sorted(numerals, key=NUMERALS.index) != list(NUMERALS):
        errors.append(
            ModelError("sources.yaml", "sources", "bronnen I tot en met X elk precies één keer")
        )
    for i, source in enumerate(sources.sources if sources else ()):
        for j, party_type in enumerate(source.party_types):
            if core and party_type not in type_ids:
                errors.append(
                    ModelError(
                        "sources.yaml",
                        f"sources[{i}].party_types[{j}]",
                        f"onbekend partijtype {party_type!r}",
                    )
                )

    lesson_list = lessons.lessons if lessons else []
    errors += _duplicates("lessons.yaml", "lessons", [lesson.id for lesson in lesson_list])
    for i, lesson in enumerate(lesson_list):
        if not lesson.knobs and not lesson.themes:
            errors.append(
                ModelError("lessons.yaml", f"lessons[{i}]", "les hoort bij geen stuurknop of thema")
            )
    errors += _duplicates("checks.yaml", "checks", [c.id for c in checks.checks] if checks else [])
    errors += _unnamed_documents(core, lesson_list, checks.checks if checks else [])
    return errors


def _questionnaire_references(
    core: ModelCore | None, questionnaire: QuestionnaireFile | None, knobs: list[tuple[str, Knob]]
) -> list[ModelError]:
    """Every item's values and routes exist; its values are reached by one of its routes and
    its knobs work via one of them, so that an answer counts where the model says it acts."""
    if questionnaire is None:
        return []
    file = "questionnaire.yaml"
    items = questionnaire.items
    errors = _duplicates(file, "items", [item.id for item in items])
    routes = {r.id: r for r in core.routes} if core else {}
    value_ids = {v.id for v in core.values} if core else set()
    # A knob with a route the model does not know is reported at the knob, not here again.
    knob_routes = {
        k.number: set(k.route_ids())
        for _, k in knobs
        if not core or set(k.route_ids()) <= set(routes)
    }
    named = {d.file for d in core.documents} if core else set()
    for i, item in enumerate(items):
        here = f"items[{i}]"
        reached: set[str] = set()
        for j, route in enumerate(item.routes):
            if core and route not in routes:
                errors.append(ModelError(file, f"{here}.routes[{j}]", f"onbekende route {route!r}"))
            elif core:
                reached.update(routes[route].values)
        for j, value in enumerate(item.values):
            if not core:
                continue
            if value not in value_ids:
                errors.append(
                    ModelError(file, f"{here}.values[{j}]", f"onbekende waarde {value!r}")
                )
            elif value not in reached:
                errors.append(
                    ModelError(
                        file,
                        f"{here}.values[{j}]",
                        f"waarde {value!r} wordt via geen van de routes van deze vraag bereikt",
                    )
                )
        for j, number in enumerate(item.knobs):
            if number in knob_routes and not knob_routes[number] & set(item.routes):
                errors.append(
                    ModelError(
                        file,
                        f"{here}.knobs[{j}]",
                        f"stuurknop {number} werkt via geen van de routes van deze vraag",
                    )
                )
        if named and item.source.file not in named:
            errors.append(
                ModelError(
                    file,
                    f"{here}.source.file",
                    f"document {item.source.file!r} staat niet in documents",
                )
            )
    return errors


def _unnamed_documents(
    core: ModelCore | None, lessons: list[Lesson], checks: list[CheckText]
) -> list[ModelError]:
    """Once the model names its seed documents, every citation must be to one of them."""
    if core is None or not core.documents:
        return []
    named = {d.file for d in core.documents}
    cited = [("model.yaml", "source", core.source)]
    cited += [("lessons.yaml", f"lessons[{i}].source", x.source) for i, x in enumerate(lessons)]
    cited += [("checks.yaml", f"checks[{i}].source", x.source) for i, x in enumerate(checks)]
    return [
        ModelError(file, f"{path}.file", f"document {ref.file!r} staat niet in documents")
        for file, path, ref in cited
        if ref.file not in named
    ]


def _duplicates(file: str, path: str, ids: list[str]) -> list[ModelError]:
    seen: set[str] = set()
    errors = []
    for i, item in enumerate(ids):
        if item in seen:
            errors.append(ModelError(file, f"{path}[{i}]", f"{item!r} komt dubbel voor"))
        seen.add(item)
    return errors
