"""``stuurknop``: the command line. Every command is a thin face over the engine and the model.

Bad input never ends in a traceback: it gets the validation errors (in Dutch, with their place)
on standard error and exit code 1.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import shutil
import sys
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

import click

from stuurknop import __version__
from stuurknop.cli.analysis_data import analysis_data
from stuurknop.cli.commands import COMMANDS
from stuurknop.cli.monitoring import monitoring_report
from stuurknop.cli.realised import realised_report
from stuurknop.cli.report import (
    analysis_sections,
    comparison_sections,
    render_markdown,
    render_text,
)
from stuurknop.engine import analyse, compare
from stuurknop.engine.checks import CHECKS
from stuurknop.engine.result_data import to_data
from stuurknop.examples.meetings import thuisflat_with_meetings
from stuurknop.gespreksmodel import (
    DEFAULT_VERSION,
    ModelError,
    available_versions,
    check_model_folder,
    load_model,
)
from stuurknop.gespreksmodel.loader import version_path
from stuurknop.presentation.blocks import Section
from stuurknop.presentation.meetings import follow_up_section
from stuurknop.projectfile import (
    DocumentInvalid,
    ProjectDocument,
    dump_document,
    json_schema,
    load_document,
    parse_document,
)
from stuurknop.reports import FORMATS as DOCUMENT_FORMATS
from stuurknop.reports import DocumentError, FormatOption, Options, render

EXAMPLES = ("ontmoetingsruimte", "flatcoach", "thuisflat")
MEETING_EXAMPLE = "thuisflat-overleg"  # Thuisflat with its paper trail (examples/meetings.py)
FORMATS = click.Choice(["text", "json", "markdown"])


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, commands=COMMANDS)
@click.version_option(__version__, prog_name="stuurknop")
def cli() -> None:
    """Stuurknop: werkinstrument bij het Gespreksmodel duurzame WWZ-projecten."""


def fail(errors: list[Any], heading: str) -> NoReturn:
    click.echo(heading, err=True)
    for error in errors:
        click.echo(f"  - {error}", err=True)
    sys.exit(1)


def read_project(path: Path) -> ProjectDocument:
    try:
        return load_document(path)
    except DocumentInvalid as invalid:
        fail(
            invalid.errors,
            f"{path}: het projectbestand is niet geldig ({len(invalid.errors)} fout(en)):",
        )


def require_scenarios(project: Path, doc: ProjectDocument, *names: str) -> None:
    known = [s.name for s in doc.scenarios]
    unknown = [n for n in names if n not in known]
    if unknown:
        errors = [f"scenario {n!r} bestaat niet; wel: {', '.join(known)}" for n in unknown]
        fail(errors, f"{project}:")


def echo_report(fmt: str, title: str, sections: list[Section]) -> None:
    click.echo(
        render_markdown(title, sections) if fmt == "markdown" else render_text(title, sections)
    )


def echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@cli.command("analyse")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--scenario", "-s", help="Naam van het scenario (standaard: het gekozen scenario).")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=FORMATS,
    default="text",
    show_default=True,
    help="Leesbaar rapport, JSON voor scripts, of Markdown.",
)
def analyse_command(project: Path, scenario: str | None, fmt: str) -> None:
    """Analyseer een scenario van een projectbestand (JSON)."""
    doc = read_project(project)
    require_scenarios(project, doc, *([scenario] if scenario is not None else []))
    model = load_model(doc.model_version)
    analysis = analyse(model, doc, scenario)
    today = dt.date.today()
    if fmt == "json":
        echo_json(analysis_data(doc, scenario, today))
        return
    title = f'{doc.project.name}: scenario "{analysis.scenario}" (model {model.version})'
    sections = analysis_sections(model, analysis) + realised_report(model, doc, scenario)
    sections += monitoring_report(model, doc, analysis, scenario, today)
    if doc.actions or doc.decisions:  # what the meetings left to do, as of today
        sections.append(follow_up_section(model, doc, dt.date.today()))
    echo_report(fmt, title, sections)


@cli.command("compare")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("scenario_a")
@click.argument("scenario_b")
@click.option("--format", "-f", "fmt", type=FORMATS, default="text", show_default=True)
def compare_command(project: Path, scenario_a: str, scenario_b: str, fmt: str) -> None:
    """Vergelijk twee scenario's van een project."""
    doc = read_project(project)
    require_scenarios(project, doc, scenario_a, scenario_b)
    model = load_model(doc.model_version)
    comparison = compare(model, doc, scenario_a, scenario_b)
    if fmt == "json":
        echo_json(to_data(comparison))
        return
    title = f"{doc.project.name}: {scenario_a} tegenover {scenario_b}"
    echo_report(fmt, title, comparison_sections(comparison))


def format_options(command: Any) -> Any:
    """A flag for every choice a document format declares (``--paper`` for the poster): the
    options come from the one table of formats, as the documents page's fields do."""
    declared: dict[str, FormatOption] = {}
    for fmt in DOCUMENT_FORMATS.values():
        for option in fmt.options:
            declared.setdefault(option.name, option)
    for option in reversed(declared.values()):
        metavar = "|".join(option.choices) or "ID"
        command = click.option(f"--{option.name}", metavar=metavar, help=option.help)(command)
    return command


def chosen_options(fmt: str, given: dict[str, str | None]) -> Options:
    """The :class:`Options` for ``fmt`` from the flags given; a flag that ``fmt`` does not take,
    or a choice it does not offer, is a Dutch error."""
    offered = {option.name: option for option in DOCUMENT_FORMATS[fmt].options}
    for name, value in given.items():
        if value is not None and name not in offered:
            owners = " of ".join(
                f.key for f in DOCUMENT_FORMATS.values() if name in {o.name for o in f.options}
            )
            fail([f"--{name} hoort bij --format {owners}, niet bij {fmt}"], "Ongeldige keuze:")
    values: dict[str, str] = {}
    for name, option in offered.items():
        value = option.choose(given.get(name))
        if value is None:
            unknown = f"Onbekend {option.label.lower()} {given[name]!r}."
            if not option.choices:
                fail([option.help], unknown)
            fail([f"kies uit: {', '.join(option.choices)}"], unknown)
        values[name] = value
    return Options().choosing(values)


@cli.command("report")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "-f",
    "fmt",
    default="pdf",
    show_default=True,
    metavar="SOORT",
    help="Soort document: " + ", ".join(DOCUMENT_FORMATS) + ".",
)
@click.option(
    "--scenario",
    "-s",
    metavar="NAAM",
    help="Naam van het scenario (standaard: het gekozen scenario).",
)
@click.option(
    "--output",
    "-o",
    metavar="BESTAND",
    help="Bestand om naar te schrijven (standaard: de naam van het document, in de huidige "
    "map; een bestaande map: daarin; '-': naar standaarduitvoer).",
)
@format_options
def report_command(
    project: Path, fmt: str, scenario: str | None, output: str | None, **given: str | None
) -> None:
    """Maak een document van een projectbestand: het plan (PDF of Word), de werkbladen, de
    geldtabellen (Excel) of de poster van de kaart."""
    if fmt not in DOCUMENT_FORMATS:
        fail(
            [f"kies uit: {', '.join(DOCUMENT_FORMATS)}"],
            f"Onbekende documentsoort {fmt!r}.",
        )
    options = chosen_options(fmt, given)
    doc = read_project(project)
    require_scenarios(project, doc, *([scenario] if scenario is not None else []))
    model = load_model(doc.model_version)
    try:
        rendered = render(fmt, model, doc, scenario, options)
    except DocumentError as error:
        fail([str(error)], f"{project}: het document kon niet worden gemaakt:")
    if output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(rendered.content)
        sys.stdout.buffer.flush()
        return
    target = Path(output) if output else Path(rendered.filename)
    if target.is_dir():
        target = target / rendered.filename
    write_whole(target, rendered.content)
    click.echo(str(target))


def write_whole(target: Path, content: bytes) -> None:
    """Write ``content`` to ``target`` so that no half-written file is ever seen there: to a
    new file beside it first, then renamed over it in one step."""
    folder = target.parent
    if not folder.is_dir():
        fail([f"map {folder} bestaat niet"], f"{target}: kan het bestand niet schrijven:")
    temporary = folder / f".{target.name}.{secrets.token_hex(4)}.tmp"
    try:
        # O_EXCL: never follow or reuse a file someone else put there; 0o666 minus the umask,
        # as for any other new file.
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        fail([error.strerror or str(error)], f"{target}: kan het bestand niet schrijven:")


@cli.command("validate")
@click.argument("project", type=click.Path(dir_okay=False, path_type=Path))
def validate_command(project: Path) -> None:
    """Controleer een projectbestand tegen het schema en het model."""
    doc = read_project(project)
    click.echo(f"{project}: geldig ({len(doc.scenarios)} scenario('s), model {doc.model_version})")


@cli.command("schema")
def schema_command() -> None:
    """Druk het JSON Schema van het projectbestand af."""
    echo_json(json_schema())


@cli.command("example")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=Path("."))
@click.option("--force", is_flag=True, help="Bestaande bestanden overschrijven.")
def example_command(directory: Path, force: bool) -> None:
    """Schrijf de drie voorbeeldprojecten (fictief) naar DIRECTORY, en Thuisflat nog eens met
    een overleg, besluiten en acties (voor de agenda: --format agenda)."""
    directory.mkdir(parents=True, exist_ok=True)
    targets = [directory / f"{name}.json" for name in (*EXAMPLES, MEETING_EXAMPLE)]
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        fail(
            [str(t) for t in existing],
            "Deze bestanden bestaan al (gebruik --force om te overschrijven):",
        )
    for name, target in zip(EXAMPLES, targets[: len(EXAMPLES)], strict=True):
        with resources.as_file(resources.files("stuurknop.examples") / f"{name}.json") as src:
            shutil.copyfile(src, target)
        click.echo(str(target))
    target = directory / f"{MEETING_EXAMPLE}.json"
    target.write_text(dump_document(parse_document(thuisflat_with_meetings())), encoding="utf-8")
    click.echo(str(target))


@cli.command("demo")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--no-server", is_flag=True, help="Alleen de demo-gegevens laden, niet starten.")
def demo_command(port: int, no_server: bool) -> None:
    """Start de webapp lokaal met demo-organisaties, -gebruikers en de voorbeeldprojecten."""
    from stuurknop.web.run import run_demo  # Django is loaded only for this command

    run_demo(port=port, serve=not no_server)


@cli.group("model")
def model_group() -> None:
    """Het gespreksmodel: controleren en exporteren."""


@model_group.command("check")
@click.argument("path", type=click.Path(file_okay=False, path_type=Path), required=False)
def model_check_command(path: Path | None) -> None:
    """Controleer een modelmap (standaard: het meegeleverde model)."""
    folder = path if path is not None else version_path(DEFAULT_VERSION)
    if not folder.is_dir():
        fail([f"{folder} is geen map"], "Model niet gevonden:")
    errors = check_model_folder(folder)
    if not errors:
        errors = _unknown_checks(folder)
    if errors:
        fail(errors, f"{folder}: {len(errors)} fout(en) in het model:")
    click.echo(f"{folder}: het model is geldig.")


def _unknown_checks(folder: Path) -> list[ModelError]:
    """Check texts whose logic this engine lacks, and engine checks without text."""
    import yaml

    data = yaml.safe_load((folder / "checks.yaml").read_text(encoding="utf-8"))
    ids = [c["id"] for c in data["checks"]]
    errors = [
        ModelError(
            "checks.yaml",
            f"checks[{i}].id",
            f"controle {cid!r} is onbekend in deze versie van Stuurknop",
        )
        for i, cid in enumerate(ids)
        if cid not in CHECKS
    ]
    errors += [
        ModelError("checks.yaml", "checks", f"tekst voor controle {cid!r} ontbreekt")
        for cid in sorted(set(CHECKS) - set(ids))
    ]
    return errors


@model_group.command("export")
@click.option(
    "--version",
    "version",
    type=click.Choice(available_versions()),
    default=DEFAULT_VERSION,
    show_default=True,
)
def model_export_command(version: str) -> None:
    """Druk de structuur van het model af als JSON."""
    model = load_model(version)
    echo_json(
        {
            "version": model.version,
            "title": model.title,
            "values": [{"id": v.id, "name": v.name} for v in model.values],
            "routes": [
                {"id": r.id, "name": r.name, "values": list(r.values)} for r in model.routes
            ],
            "knobs": [
                {
                    "number": k.number,
                    "id": k.id,
                    "name": k.name,
                    "domain": k.domain.value,
                    "routes": list(k.route_ids()),
                }
                for k in model.knobs
            ],
            "sources": [
                {
                    "numeral": s.numeral,
                    "name": s.name,
                    "party_types": list(s.party_types),
                    "temporary": s.temporary,
                }
                for s in model.sources
            ],
            "party_types": [{"id": t.id, "name": t.name} for t in model.party_types],
            # The indicator library, its instruments and the sources they cite, as data.
            "indicators": [i.model_dump(mode="json") for i in model.indicators],
            "instruments": [i.model_dump(mode="json") for i in model.instruments],
            "citations": [c.model_dump(mode="json") for c in model.citations],
        }
    )
