"""``stuurknop proxies [PROJECT.json]``: the model's proxy library (name, unit, amount, price
year, cited source and where in it) and the discount rates, with a project's own proxies when
a project file is given — as text (the blocks of :mod:`stuurknop.presentation.proxies`, as on
the Kengetallen page) or JSON (the library's data as it stands in the model)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from stuurknop.cli.report import render_text
from stuurknop.gespreksmodel import DEFAULT_VERSION, available_versions
from stuurknop.gespreksmodel.proxies import ProxyLibrary
from stuurknop.presentation.blocks import Section
from stuurknop.presentation.proxies import model_library, proxy_blocks
from stuurknop.projectfile import DocumentInvalid, load_document
from stuurknop.projectfile.effects import EffectSettings


def proxies_data(
    version: str, library: ProxyLibrary | None, settings: EffectSettings | None
) -> dict[str, Any]:
    """The library and (with a project) its own proxies and rate, as plain JSON data."""
    data: dict[str, Any] = {
        "model_version": version,
        "library": library.model_dump(mode="json") if library is not None else None,
    }
    if settings is not None:
        data["project"] = settings.model_dump(mode="json")
    return data


@click.command("proxies")
@click.argument("project", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--model",
    "version",
    help=f"Modelversie zonder projectbestand (standaard: {DEFAULT_VERSION}).",
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Leesbaar overzicht of JSON voor scripts.",
)
def proxies_command(project: Path | None, version: str | None, fmt: str) -> None:
    """Kengetallen en discontovoeten met hun bronnen (en de eigen kengetallen van een project)."""
    settings = None
    if project is not None:
        try:
            doc = load_document(project)
        except DocumentInvalid as invalid:
            click.echo(f"{project}: het projectbestand is niet geldig:", err=True)
            for error in invalid.errors:
                click.echo(f"  - {error}", err=True)
            sys.exit(1)
        settings, version = doc.effect_settings, version or doc.model_version
    version = version or DEFAULT_VERSION
    if version not in available_versions():
        known = ", ".join(available_versions())
        click.echo(f"onbekende modelversie {version!r}; wel: {known}", err=True)
        sys.exit(1)
    library = model_library(version)
    if fmt == "json":
        click.echo(
            json.dumps(proxies_data(version, library, settings), ensure_ascii=False, indent=2)
        )
        return
    blocks = proxy_blocks(library, settings)
    title = f"Kengetallen en discontovoeten (model {version})"
    click.echo(render_text(title, [Section("kengetallen", "Kengetallen", 1, blocks)]))
