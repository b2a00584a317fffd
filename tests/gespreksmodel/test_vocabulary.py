"""The words of the scales and enumerations are spelled once, in the model's scales.yaml."""

from __future__ import annotations

import io
import re
import tokenize
from enum import StrEnum
from pathlib import Path

import pytest

from stuurknop.engine.indicators import IndicatorState
from stuurknop.engine.routes import MAX_OPENING
from stuurknop.gespreksmodel import available_versions, library, load_model
from stuurknop.gespreksmodel.schema import Model, Severity
from stuurknop.projectfile import positions
from stuurknop.projectfile import schema as doc

ENUMS: dict[str, type[StrEnum]] = {
    "knob_status": doc.KnobStatus,
    "funding_status": doc.FundingStatus,
    "commitment_how": doc.CommitmentHow,
    "request_state": doc.RequestState,
    "phase": doc.Phase,
    "cost_kind": doc.CostKind,
    "evidence_kind": doc.EvidenceKind,
    "perspective_origin": doc.PerspectiveOrigin,
    "agenda_origin": doc.AgendaOrigin,
    "action_status": doc.ActionStatus,
    "scale_up_verdict": doc.ScaleUpVerdict,
    "severity": Severity,
    "evidence_status": doc.EvidenceStatus,
    "indicator_direction": doc.Direction,
    "measurement_frequency": doc.Frequency,
    "measurement_source": doc.MeasurementSource,
    "indicator_status": IndicatorState,
    "measure_kind": library.MeasureKind,
    "definition_status": library.DefinitionStatus,
    "instrument_kind": library.InstrumentKind,
    "instrument_statistic": library.Statistic,
    "position_role": positions.PositionRole,
    "ceiling_basis": positions.CeilingBasis,
}

PACKAGE = Path(__file__).resolve().parents[2] / "stuurknop"
# Where words may be spelled besides the model data: Django's migrations (a snapshot of the
# choices at the time) and the English catalogue. The shell's own short tab labels ("aan",
# "uit", "nog niet besproken") are interface strings, translated by that catalogue.
EXEMPT_PARTS = {"migrations", "locale", "gespreksmodel"}
# Files being moved to the model's words by work in progress (each named with why).
NOT_YET: set[str] = set()  # files still being moved to the model's words


@pytest.mark.parametrize("version", available_versions())
@pytest.mark.parametrize("name", sorted(ENUMS))
def test_every_stored_value_of_an_enumeration_has_exactly_one_word(version: str, name: str) -> None:
    vocabulary = load_model(version).vocabulary(name)
    keys = [entry.key for entry in vocabulary.words]
    assert sorted(keys) == sorted(member.value for member in ENUMS[name])
    assert len(set(keys)) == len(keys)


@pytest.mark.parametrize("version", available_versions())
def test_the_scales_run_as_the_project_file_stores_them(version: str) -> None:
    model = load_model(version)
    assert model.scale("opening").keys == tuple(range(MAX_OPENING + 1))
    assert model.scale("weight").keys == (0, 1, 2, 3)


def test_a_word_is_looked_up_by_its_stored_key() -> None:
    model = load_model()
    assert model.word("funding_status", "in_gesprek") == "in gesprek"
    assert model.word("opening", 2) == "gemiddeld"
    assert model.scale("weight").numbered(3) == "3 – heel belangrijk"
    with pytest.raises(KeyError):
        model.word("opening", 4)


def _spellings(model: Model) -> list[re.Pattern[str]]:
    """How a scale word gets copied: numbered ("2 gemiddeld", "stand 1: licht", "1 (licht)"),
    as a quoted literal, or (the multi-word phrases of a scale) anywhere in code or a page. A
    word that is also a stored key ("uit") is code when quoted, so only its numbered form
    counts; the words of the enumerations count when quoted with their exact case."""
    keys = {entry.key for vocabulary in model.vocabularies for entry in vocabulary.words}
    patterns = []
    for scale_id in ("opening", "weight"):
        for entry in model.scale(scale_id).words:
            word = re.escape(entry.word)
            patterns.append(re.compile(rf"\b{entry.key}\s*[–:\-]?\s*\(?{word}\b", re.I))
            if entry.word not in keys:
                patterns.append(re.compile(rf"[\"'‘“]{word}[\"'’”]", re.I))
            if " " in entry.word:
                patterns.append(re.compile(rf"\b{word}\b", re.I))
    for vocabulary in model.vocabularies:
        for vocab_entry in vocabulary.words:
            if vocab_entry.word not in keys and " " in vocab_entry.word:
                patterns.append(re.compile(rf"[\"'‘“]{re.escape(vocab_entry.word)}[\"'’”]"))
    return patterns


def _code_text(path: Path) -> str:
    """What a file says to people: for Python its code and strings without comments and
    docstrings (which may quote the words they explain); a template or script whole."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return text
    lines: dict[int, str] = {}
    previous = tokenize.NEWLINE
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        is_docstring = token.type == tokenize.STRING and previous in (
            tokenize.NEWLINE,
            tokenize.INDENT,
            tokenize.DEDENT,
            tokenize.ENCODING,
        )
        if token.type not in (tokenize.COMMENT, tokenize.NL) and not is_docstring:
            for row in range(token.start[0], token.end[0] + 1):
                lines[row] = lines.get(row, "") + " " + token.string.replace("\n", " ")
        if token.type not in (tokenize.NL, tokenize.COMMENT):
            previous = token.type
    return "\n".join(lines.get(row, "") for row in range(1, max(lines, default=0) + 1))


def _sources() -> list[Path]:
    files = []
    for path in PACKAGE.rglob("*"):
        if path.suffix not in {".py", ".html", ".txt", ".js", ".typ", ".j2"}:
            continue
        relative = path.relative_to(PACKAGE)
        if EXEMPT_PARTS & set(relative.parts) or relative.as_posix() in NOT_YET:
            continue
        files.append(path)
    return files


def test_no_scale_or_status_word_is_spelled_outside_the_model_data() -> None:
    patterns = _spellings(load_model())
    found = []
    for path in _sources():
        for number, line in enumerate(_code_text(path).splitlines(), start=1):
            if any(p.search(line) for p in patterns):
                found.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert not found, (
        "Take these words from the model (model.scale(...).word, model.word(...), "
        "stuurknop.web.vocabulary) instead of spelling them:\n" + "\n".join(found)
    )


def test_the_check_finds_a_copied_scale_word(tmp_path: Path) -> None:
    patterns = _spellings(load_model())
    copies = ['(1, _("1 licht"))', 'OPENINGS = {2: "gemiddeld"}', "Kies 3 – heel belangrijk"]
    assert all(any(p.search(copy) for p in patterns) for copy in copies)
    assert not any(p.search("Hoe sterk elke route werkt (activatie)") for p in patterns)
