"""Stand-in formats in the one table of formats, rendered by a test's function."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from stuurknop.gespreksmodel import Model
from stuurknop.projectfile import ProjectDocument
from stuurknop.reports import FORMATS, Format, Options, Rendered


@dataclass(frozen=True)
class FakeFormat(Format):
    """A format whose renderer is a test's function instead of a module's."""

    function: Callable[..., Rendered] | None = None

    def load(self) -> Any:
        return self.function


@dataclass
class Calls:
    """A renderer that records what it was asked for and answers with plain text."""

    seen: list[tuple[str, Options]] = field(default_factory=list)

    def render(
        self, model: Model, document: ProjectDocument, scenario: Any, options: Options
    ) -> Rendered:
        self.seen.append((scenario.name, options))
        body = f"{document.project.name} / {scenario.name} / {options.paper}".encode()
        return Rendered(f"nep-{scenario.name.lower()}.txt", "text/plain; charset=utf-8", body)


def fake_format(key: str, function: Callable[..., Rendered]) -> FakeFormat:
    # A stand-in keeps the real format's choices (the poster's paper size), if there is one.
    real = FORMATS.get(key)
    return FakeFormat(
        key,
        f"Nep {key}",
        "Een nepdocument.",
        "txt",
        "text/plain",
        "",
        options=real.options if real else (),
        function=function,
    )
