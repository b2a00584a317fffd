"""``stuurknop effects PROJECT.json``: a scenario's effects in money — per party present values,
net present value, the chance of coming out ahead, the tornado and the redistribution — as text
(the blocks of :mod:`stuurknop.presentation.effects`) or JSON (the engine's figures)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from stuurknop.cli.report import render_text
from stuurknop.engine.effect_report import effect_report
from stuurknop.engine.result_data import to_data
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.effects import effect_section
from stuurknop.projectfile import DocumentInvalid, load_document


@click.command("effects")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--scenario", "-s", help="Naam van het scenario (standaard: het gekozen scenario).")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Leesbaar rapport of JSON voor scripts.",
)
def effects_command(project: Path, scenario: str | None, fmt: str) -> None:
    """Effecten in geld per partij: contante waarden, netto, kans op winst, herverdeling."""
    try:
        doc = load_document(project)
    except DocumentInvalid as invalid:
        click.echo(f"{project}: het projectbestand is niet geldig:", err=True)
        for error in invalid.errors:
            click.echo(f"  - {error}", err=True)
        sys.exit(1)
    known = [s.name for s in doc.scenarios]
    if scenario is not None and scenario not in known:
        click.echo(
            f"{project}: scenario {scenario!r} bestaat niet; wel: {', '.join(known)}", err=True
        )
        sys.exit(1)
    model = load_model(doc.model_version)
    chosen = doc.scenario(scenario)
    report = effect_report(model, doc, chosen)
    if fmt == "json":
        data = to_data(report)
        data["scenario"] = chosen.name
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    title = f'{doc.project.name}: scenario "{chosen.name}", effecten in geld'
    click.echo(render_text(title, [effect_section(model, doc, chosen, report)]))
