"""A version of the partners' agreement with everything its page can show, for the page tests
over every route (``routes.APP_PAGES``): the partners' texts (a long word too), hours for the
first party, and its confirmation by that party (anna speaks for the housing corporation)."""

from __future__ import annotations

import contextlib
from typing import Any

from django.core.exceptions import PermissionDenied

from stuurknop.web.projects.models import Project
from stuurknop.web.projects.services.agreements import (
    agreement_confirm,
    agreement_draw_up,
    agreements_version,
)


def agreement_values(project: Project, by: Any) -> dict[str, Any]:
    first = project.parties.filter(at_table=True).order_by("position", "id").first()
    hours = {first.key: 120} if first is not None else {}
    words = {first.key: "Een vaste aanspreekpersoon; zie https://example.org/een/heel/lang/adres"}
    version = agreement_draw_up(
        project=project,
        by=by,
        expected_version=agreements_version(project),
        changes="Een wijziging bespreken we in de stuurgroep; alle partijen aan tafel stemmen in.",
        hours=hours,
        commitments=words if first is not None else {},
    )
    project.refresh_from_db()
    # Should the world's beheerder speak for no party, the page shows an unconfirmed concept.
    with contextlib.suppress(PermissionDenied):
        agreement_confirm(
            project=project,
            by=by,
            number=version.number,
            expected_version=agreements_version(project),
        )
    return {"agreement_number": version.number}
