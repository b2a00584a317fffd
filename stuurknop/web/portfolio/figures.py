"""The portfolio's rows as the presentation layer's plain figures (no Django beyond here)."""

from __future__ import annotations

from stuurknop.presentation.portfolio import PortfolioFigures, ProjectRow
from stuurknop.web.portfolio.selectors import Portfolio, recurring


def portfolio_figures(
    data: Portfolio, *, departures: dict[int, int] | None = None
) -> PortfolioFigures:
    """``data`` as :class:`PortfolioFigures`; ``departures`` per project id where known."""
    rows = [
        ProjectRow(
            id=entry.project_id,
            name=entry.name,
            municipality=entry.municipality,
            phase=entry.phase,
            parties=tuple(data.parties.get(entry.project_id, ())),
            knobs=entry.knobs,
            committed=entry.committed,
            open=entry.open,
            departures=None if departures is None else departures.get(entry.project_id, 0),
        )
        for entry in data.page
    ]
    again = recurring(data.learning)
    return PortfolioFigures(
        organisation=data.organisation.name,
        total=data.total,
        projects=tuple(rows),
        knob_counts=tuple(data.knob_counts),
        money=tuple((m["year"], m["source"], m["committed"], m["amount"]) for m in data.money),
        cliffs=tuple((c["year"], c["drop"], c["projects"]) for c in data.cliffs),
        interests=tuple(data.interests),
        indicators=dict(data.indicators),
        appearing=tuple((s.project.name, tuple(s.values_appearing)) for s in data.learning),
        settings=tuple((knob, code, n) for (knob, code), n in sorted(again["settings"].items())),
        constructions=tuple(
            (knob, source, n) for (knob, source), n in sorted(again["constructions"].items())
        ),
        lessons=tuple(
            (lesson.project.name, lesson.title, lesson.learned) for lesson in data.lessons
        ),
        show_departures=departures is not None,
    )
