"""The residents' questionnaire: its management and the public form: their part of the access table.

``ACCESS`` is merged into ``access_matrix.ACCESS``. ``world_kwargs`` adds the URL kwargs these
routes need to the access test's world (one project shared by anna, bram, carla; olaf outside).
"""

from __future__ import annotations

from typing import Any

from .access import Access

ACCESS: dict[str, Access] = {
    # Members see the results and the remarks, and may print the poster.
    "residents_manage": Access("lezer"),
    "residents_poster": Access("lezer"),
    # A beheerder's buttons. Closing stays possible on an archived project (it only protects).
    "residents_create": Access("beheerder", method="POST", editable=True),
    "residents_open": Access("beheerder", method="POST", editable=True),
    "residents_close": Access("beheerder", method="POST"),
    "residents_new_link": Access("beheerder", method="POST", editable=True),
    "residents_take_in": Access("beheerder", method="POST", editable=True),
    # Rounds: starting one opens the questionnaire (not on an archived project); closing one
    # only protects, so it stays possible there (an archived project takes nothing in).
    "residents_round_start": Access("beheerder", method="POST", editable=True),
    "residents_round_close": Access("beheerder", method="POST"),
    # The public link: anyone with it, signed in or not (the form answers GET and POST; a
    # POST is tested with its limits in tests/web/residents/).
    "residents_form": Access("public"),
    "residents_thanks": Access("public"),
}


def world_kwargs(project: Any, people: dict[str, Any]) -> dict[str, Any]:
    """Extra URL kwargs (name → value) for this area's routes; built inside the world's
    transaction after the project and its members exist."""
    import datetime as dt

    from stuurknop.web.residents.rounds import round_start
    from stuurknop.web.residents.services import questionnaire_create

    questionnaire = questionnaire_create(project=project, by=people["anna"])
    round_ = round_start(
        questionnaire=questionnaire,
        by=people["anna"],
        name="Nulmeting",
        starts_on=dt.date(2026, 1, 5),
        ends_on=None,
        instruments=["eenzaamheid_djg6"],
    )
    return {"questionnaire_token": questionnaire.token, "round_id": round_.pk}
