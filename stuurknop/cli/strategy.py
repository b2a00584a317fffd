"""``stuurknop strategy-check PROJECT.json POSITIONS.json …``: where a project departs from the
positions of organisations at its table, the same checks and sentences as the project's checks
page (:mod:`stuurknop.engine.strategy`, :mod:`stuurknop.presentation.strategy`).

Each positions file (as the strategy page exports it) belongs to the party of the project whose
name is the file's organisation, or to the party given with ``--partij`` (in the files' order).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NoReturn

import click

from stuurknop.engine.reasons import Param
from stuurknop.engine.strategy import departures
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.reasons import sentence
from stuurknop.presentation.strategy import departures_by_organisation
from stuurknop.projectfile import DocumentInvalid, ProjectDocument, load_document
from stuurknop.projectfile.positions import Positions
from stuurknop.projectfile.positions_io import PositionsInvalid, read_positions


def _fail(heading: str, errors: list[str]) -> NoReturn:
    click.echo(heading, err=True)
    for error in errors:
        click.echo(f"  - {error}", err=True)
    sys.exit(1)


def _party_of(doc: ProjectDocument, positions: Positions, given: str | None) -> str | None:
    if given is not None:
        return given if any(p.id == given for p in doc.parties) else None
    named = [p.id for p in doc.parties if p.name == positions.organisation]
    return named[0] if len(named) == 1 else None


@click.command("strategy-check")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.argument(
    "positions", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path)
)
@click.option(
    "--partij",
    "-p",
    "parties",
    multiple=True,
    help="Id van de partij in het project bij elk standpuntenbestand, in dezelfde volgorde "
    "(standaard: de partij met de naam van de organisatie).",
)
@click.option("--scenario", "-s", help="Naam van het scenario (standaard: het gekozen scenario).")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Leesbaar of JSON voor scripts.",
)
def strategy_check_command(
    project: Path,
    positions: tuple[Path, ...],
    parties: tuple[str, ...],
    scenario: str | None,
    fmt: str,
) -> None:
    """Waar een project afwijkt van de strategie van organisaties aan tafel."""
    try:
        doc = load_document(project)
    except DocumentInvalid as invalid:
        _fail(f"{project}: het projectbestand is niet geldig:", [str(e) for e in invalid.errors])
    known = [s.name for s in doc.scenarios]
    if scenario is not None and scenario not in known:
        _fail(f"{project}:", [f"scenario {scenario!r} bestaat niet; wel: {', '.join(known)}"])
    if parties and len(parties) != len(positions):
        _fail("--partij:", ["geef bij elk standpuntenbestand een partij, of bij geen enkel"])
    model = load_model(doc.model_version)
    by_party: dict[str, Positions] = {}
    for i, path in enumerate(positions):
        try:
            read = read_positions(path.read_bytes(), model)
        except OSError as exc:
            _fail(f"{path}:", [exc.strerror or str(exc)])
        except PositionsInvalid as invalid:
            _fail(f"{path}: het strategiebestand is niet geldig:", [str(e) for e in invalid.errors])
        party = _party_of(doc, read, parties[i] if parties else None)
        if party is None:
            ids = ", ".join(p.id for p in doc.parties)
            _fail(
                f"{path}:", [f"welke partij is {read.organisation}? Geef --partij (een van: {ids})"]
            )
        by_party[party] = read
    chosen = doc.scenario(scenario)
    found = departures(model, doc, by_party, chosen)
    if fmt == "json":
        data: list[dict[str, Param | dict[str, Param] | None]] = [
            {
                "party": d.party,
                "organisation": d.organisation,
                "knob": d.knob,
                "source": d.source,
                "code": d.reason.code,
                "params": {k: v for k, v in d.reason.params.items()},
                "text": sentence(d.reason),
            }
            for d in found
        ]
        click.echo(
            json.dumps(
                {"scenario": chosen.name, "departures": data},
                default=str,
                indent=2,
                ensure_ascii=False,
            )
        )
        return
    click.echo(f'{doc.project.name}: scenario "{chosen.name}" naast de strategie')
    for organisation, sentences in departures_by_organisation(
        [p.organisation for p in by_party.values()], found
    ):
        click.echo(f"\n{organisation}")
        for said in sentences or ["Dit scenario past binnen de strategie."]:
            click.echo(f"  - {said}")
