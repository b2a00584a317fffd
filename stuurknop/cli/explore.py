"""``stuurknop explore``: the front of effort against value over every knob setting, and the
nearest better designs, from :mod:`stuurknop.engine.explorer` and said by
:mod:`stuurknop.presentation.explorer`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import NoReturn

import click

from stuurknop.cli.report import render_markdown, render_text
from stuurknop.engine.explorer import Constraints, explore
from stuurknop.engine.explorer_nearest import nearest_better
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.explorer import explorer_data, explorer_sections
from stuurknop.projectfile import DocumentInvalid, load_document


def _bad(message: str, option: str = "") -> NoReturn:
    click.echo(f"{option}: {message}" if option else message, err=True)
    sys.exit(1)


def _pairs(items: tuple[str, ...], option: str) -> dict[str, str]:
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key or not value:
            _bad(f"schrijf SLEUTEL=WAARDE, niet {item!r}", option)
        out[key.strip()] = value.strip()
    return out


def _number(text: str, option: str) -> float:
    try:
        return float(text.replace(",", "."))
    except ValueError:
        _bad(f"{text!r} is geen getal", option)


@click.command("explore")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--scenario", "-s", help="Naam van het scenario (standaard: het gekozen scenario).")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
)
@click.option("--value", "value", help="Eén waarde (id uit het model) in plaats van de weging.")
@click.option("--budget", help="Ten hoogste zoveel euro per jaar in totaal.")
@click.option("--fix", multiple=True, help="Knop vast op een stand: 6=2 (0 is uit).")
@click.option("--party-budget", multiple=True, help="Ten hoogste per partij per jaar: woco=20000.")
@click.option("--minimum", multiple=True, help="Ten minste deze kans op waarde: goed_wonen=0,5.")
@click.option(
    "--robust", is_flag=True, help="Alleen ontwerpen waarin elke betaler haar deel krijgt."
)
@click.option("--scale", multiple=True, help="Hoe de kosten met de stand schalen: 6=0,5 (macht).")
def explore_command(
    project: Path,
    scenario: str | None,
    fmt: str,
    value: str | None,
    budget: str | None,
    fix: tuple[str, ...],
    party_budget: tuple[str, ...],
    minimum: tuple[str, ...],
    robust: bool,
    scale: tuple[str, ...],
) -> None:
    """Verken alle standen van de tien stuurknoppen: de beste ontwerpen voor de moeite en
    de veranderingen van één of twee knoppen die het meeste waarde per euro geven."""
    try:
        doc = load_document(project)
    except DocumentInvalid as invalid:
        click.echo(f"{project}: het projectbestand is niet geldig:", err=True)
        for error in invalid.errors:
            click.echo(f"  - {error}", err=True)
        sys.exit(1)
    model = load_model(doc.model_version)
    try:
        chosen = doc.scenario(scenario)
    except KeyError:
        known = ", ".join(s.name for s in doc.scenarios)
        click.echo(f"{project}: scenario {scenario!r} bestaat niet; wel: {known}", err=True)
        sys.exit(1)
    knobs = {k.number for k in model.knobs}
    fixed = {
        int(_number(k, "--fix")): int(_number(v, "--fix")) for k, v in _pairs(fix, "--fix").items()
    }
    if any(k not in knobs or not 0 <= o <= 3 for k, o in fixed.items()):
        _bad("een knop is 1–10, een stand 0–3", "--fix")
    parties = {p.id for p in doc.parties}
    caps = {
        p: _number(v, "--party-budget") for p, v in _pairs(party_budget, "--party-budget").items()
    }
    if set(caps) - parties:
        _bad(f"onbekende partij; wel: {', '.join(sorted(parties))}", "--party-budget")
    values = {v.id for v in model.values}
    least = {v: _number(x, "--minimum") for v, x in _pairs(minimum, "--minimum").items()}
    if set(least) - values or (value is not None and value not in values):
        _bad(f"onbekende waarde; wel: {', '.join(sorted(values))}")
    exponents = {
        int(_number(k, "--scale")): _number(v, "--scale")
        for k, v in _pairs(scale, "--scale").items()
    }
    constraints = Constraints(
        fixed=fixed,
        budget=_number(budget, "--budget") if budget is not None else None,
        party_budget=caps,
        minimum=least,
        robust_only=robust,
    )
    exploration = explore(
        model, doc, chosen, value=value, constraints=constraints, exponents=exponents
    )
    nearest = nearest_better(exploration.tables, value)
    if fmt == "json":
        click.echo(
            json.dumps(explorer_data(model, exploration, nearest), ensure_ascii=False, indent=2)
        )
        return
    title = f'{doc.project.name}: verkenner, scenario "{chosen.name}"'
    sections = list(explorer_sections(model, exploration, nearest))
    click.echo(
        render_markdown(title, sections) if fmt == "markdown" else render_text(title, sections)
    )
