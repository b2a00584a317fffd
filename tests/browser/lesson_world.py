"""Lessons and a scale-up verdict with everything their pages can show, for the page tests over
every route (``routes.APP_PAGES``): two lessons (one shared, with long words), the partners'
verdict with reasons. Returns the route value ``lesson_id``."""

from __future__ import annotations

import datetime as dt
from typing import Any

from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services.lessons import lesson_create, scale_up_save


def lesson_values(project: Project, by: Any) -> dict[str, Any]:
    parties = list(project.parties.filter(at_table=True).values_list("key", flat=True))
    lesson = lesson_create(
        project=project,
        by=by,
        title="Een ruimte heeft tijd nodig voordat bewoners hem als de hunne zien",
        happened="Het eerste half jaar kwamen er vijf bewoners; na anderhalf jaar dertig. "
        "Zie https://example.org/een/heel/lang/adres/zonder/spaties/dat/toch/moet/afbreken",
        learned="Tel niet na drie maanden. Laat bewoners zelf de openingstijden kiezen.",
        knobs=[2, 6, 9],
        themes=["ontmoetingsruimte", "participatie", "gemeenschap"],
        date=dt.date(2026, 10, 1),
        shared=True,
    )
    lesson_create(project=project, by=by, title="Spreek de schoonmaak vooraf af", knobs=[3])
    scale_up_save(
        project=project,
        by=by,
        expected_version=0,
        conditions="Een vaste community builder die de bewoners kennen.",
        elsewhere="Een ruimte in het complex zelf, buiten de huur en de servicekosten.",
        verdict="met_aanpassingen",
        reasons="Het werkt, maar het geld na het fonds is nog niet rond.",
        date=dt.date(2026, 11, 20),
        decided_by=parties,
    )
    return {"lesson_id": lesson.pk}
