"""The shape of the package: small modules, and imports that only run downward.

Module size: a module under ``stuurknop/`` (migrations excluded) has at most
:data:`MAX_LINES` lines; a longer one is asking to be split by meaning (STYLE.md, habit 9).

Imports, read from the source (every ``import`` of a ``stuurknop`` module, also those inside a
function or under ``TYPE_CHECKING``):

1. No cycles: no two ``stuurknop`` modules import each other, directly or through others.
2. Layers, from the bottom up; a module imports only from its own layer or one below:

   - 0: ``stuurknop`` (the package itself), ``messages``, ``examples``, ``gespreksmodel``
     (the conversation model) and ``projectfile`` (the project document);
   - 1: ``engine`` (the analyses, pure Python);
   - 2: ``charts``, ``presentation`` and ``reports`` (what people see and print);
   - 3: ``cli`` and ``web`` (the two faces).

3. Within ``web``, again from the bottom up:

   - 0: the shared pieces every app may use: ``web`` itself, ``env``, ``http``,
     ``no_store`` and ``vocabulary``;
   - 1: the ``accounts`` app; 2: the ``projects`` app and ``strategy`` (a project's checks show
     the strategy's departures); 3: the ``live`` and ``residents`` apps;
   - 4: the ``demo`` app (it loads data through the others; no app imports it);
   - 5: the wiring: ``settings``, ``settings_typecheck``, ``urls``, ``asgi``, ``wsgi``, ``run``.

A module that fits no layer fails the test: a new package is placed in a layer on purpose.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import stuurknop

PACKAGE = Path(stuurknop.__file__).parent
MAX_LINES = 400

# Modules allowed over the limit (none): split a module by meaning before it gets there.
ALLOWED_OVER_LIMIT: set[str] = set()
# No exceptions: every import runs downward.
ALLOWED_UPWARD: set[tuple[str, str]] = set()

LAYERS = {
    "stuurknop": 0,
    "stuurknop.messages": 0,
    "stuurknop.examples": 0,
    "stuurknop.gespreksmodel": 0,
    "stuurknop.projectfile": 0,
    "stuurknop.engine": 1,
    "stuurknop.charts": 2,
    "stuurknop.presentation": 2,
    "stuurknop.reports": 2,
    "stuurknop.cli": 3,
    "stuurknop.web": 3,
}
WEB_LAYERS = {
    "stuurknop.web": 0,
    "stuurknop.web.env": 0,
    "stuurknop.web.http": 0,
    "stuurknop.web.no_store": 0,
    "stuurknop.web.vocabulary": 0,
    "stuurknop.web.accounts": 1,
    "stuurknop.web.projects": 2,
    "stuurknop.web.jobs": 2,
    "stuurknop.web.strategy": 2,
    "stuurknop.web.live": 3,
    "stuurknop.web.residents": 3,
    "stuurknop.web.portfolio": 3,
    "stuurknop.web.api": 3,
    "stuurknop.web.demo": 4,
    "stuurknop.web.settings": 5,
    "stuurknop.web.settings_typecheck": 5,
    "stuurknop.web.urls": 5,
    "stuurknop.web.asgi": 5,
    "stuurknop.web.wsgi": 5,
    "stuurknop.web.run": 5,
}


def module_files() -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its ``__init__``)."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.relative_to(PACKAGE).parts:
            continue
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


MODULES = module_files()


def owning_module(name: str) -> str | None:
    """The module of the package that ``name`` is, or is in (``a.b.func`` → ``a.b``)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imported_modules(module: str, path: Path) -> Iterator[str]:
    """The modules of the package that ``module`` imports.

    ``from a import b`` imports the module ``a.b`` if there is one, else the name ``b`` of
    ``a``; either way only the most precise module counts, so that a module inside a package
    does not depend on that package's ``__init__`` when it imports a sibling.
    """
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - (node.level - 1)]
                source = ".".join([*base, *([node.module] if node.module else [])])
            else:
                source = node.module or ""
            names.extend(
                f"{source}.{alias.name}" if f"{source}.{alias.name}" in MODULES else source
                for alias in node.names
            )
    for name in names:
        target = owning_module(name)
        if target is not None and target != module:
            yield target


def import_graph() -> dict[str, set[str]]:
    """Module → the other modules of the package it imports."""
    return {module: set(imported_modules(module, path)) for module, path in MODULES.items()}


def layer_of(module: str) -> tuple[int, int | None] | None:
    """(package layer, layer within web or None outside it) of ``module``; None when it fits
    no layer."""

    def longest(layers: dict[str, int]) -> int | None:
        matches = [name for name in layers if module == name or module.startswith(name + ".")]
        return layers[max(matches, key=len)] if matches else None

    layer = longest(LAYERS)
    return None if layer is None else (layer, longest(WEB_LAYERS))


def is_upward(module: str, target: str) -> bool:
    """Whether ``module`` importing ``target`` goes up a layer (unknown layers do not count
    here: :func:`test_every_module_has_a_layer` reports them)."""
    here, there = layer_of(module), layer_of(target)
    if here is None or there is None:
        return False
    if there[0] != here[0]:
        return there[0] > here[0]
    return here[1] is not None and there[1] is not None and there[1] > here[1]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_is_longer_than_the_limit() -> None:
    too_long = {
        f"{path.relative_to(PACKAGE.parent)}: {lines} lines"
        for path in MODULES.values()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
        and str(path.relative_to(PACKAGE.parent)) not in ALLOWED_OVER_LIMIT
    }
    assert not too_long, f"split by meaning (at most {MAX_LINES} lines): {sorted(too_long)}"


def test_no_modules_import_each_other_in_a_cycle() -> None:
    assert cycles(import_graph()) == []


def test_every_module_has_a_layer() -> None:
    assert [module for module in MODULES if layer_of(module) is None] == []


def test_imports_run_downward_only() -> None:
    upward = sorted(
        f"{module} imports {target}"
        for module, targets in import_graph().items()
        for target in targets
        if is_upward(module, target) and (module, target) not in ALLOWED_UPWARD
    )
    assert upward == []


def test_the_checks_see_a_cycle_and_an_upward_import() -> None:
    graph = {"stuurknop.charts.chart": {"stuurknop.charts.draw"}}
    graph["stuurknop.charts.draw"] = {"stuurknop.charts.chart"}
    assert cycles(graph) == [["stuurknop.charts.chart", "stuurknop.charts.draw"]]
    assert is_upward("stuurknop.web.projects.worksheet.views", "stuurknop.web.demo.loader")
    assert is_upward("stuurknop.engine.money", "stuurknop.charts.bars")
    assert not is_upward("stuurknop.web.demo.loader", "stuurknop.web.projects.models")
    assert not is_upward("stuurknop.cli.main", "stuurknop.web.run")
