"""The portfolio's rows as the presentation layer's plain figures (no Django beyond here)."""

from __future__ import annotations

from decimal import Decimal

from stuurknop.presentation.portfolio import PortfolioFigures, ProjectRow
from stuurknop.web.portfolio.selectors import Portfolio, recurring

ZERO = Decimal(0)
NOT_SUMMED = "." * 10


def portfolio_figures(
    data: Portfolio, *, departures: dict[int, int] | None = None
) -> PortfolioFigures:
    """``data`` as :class:`PortfolioFigures`; ``departures`` per project id where known."""
    rows = []
    for project in data.page:
        summary = getattr(project, "portfolio_summary", None)
        money = data.money_by_project.get(project.pk, {})
        rows.append(
            ProjectRow(
                id=project.pk,
                name=project.name,
                municipality=project.municipality,
                phase=project.phase,
                parties=tuple(p.name for p in project.parties.all()),
                knobs=summary.knobs if summary else NOT_SUMMED,
                committed=money.get(True, ZERO),
                open=money.get(False, ZERO),
                departures=None if departures is None else departures.get(project.pk, 0),
            )
        )
    again = recurring(data.learning)
    return PortfolioFigures(
        organisation=data.organisation.name,
        total=data.total,
        projects=tuple(rows),
        knob_codes=tuple(data.knob_codes),
        money=tuple((m["year"], m["source"], m["committed"], m["amount"]) for m in data.money),
        cliffs=tuple((c["year"], c["drop"], c["projects"]) for c in data.cliffs),
        interests=tuple((i["value"], float(i["average"]), i["projects"]) for i in data.interests),
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
