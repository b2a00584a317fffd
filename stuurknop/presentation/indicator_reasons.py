"""The Dutch sentences of an indicator's status (:mod:`stuurknop.engine.indicators`): each says
the rule and the figures it was applied to. Merged into :data:`stuurknop.presentation.reasons.
TEMPLATES`; :data:`RULE` is the rule itself, written beside every status."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from decimal import Decimal

from stuurknop.engine.reasons import Param
from stuurknop.presentation.numbers import dutch_date, measured

Params = Mapping[str, Param]

RULE = (
    "Regel: de lijn loopt recht van de nulmeting naar de streefwaarde op de streefdatum. "
    "Bij de laatste meting is minstens de verwachte vooruitgang (of het doel gehaald) op koers, "
    "minstens de helft ervan achter en minder dan de helft uit koers. Is de streefdatum voorbij, "
    "dan wordt het hele doel verwacht. Zonder nulmeting, streefwaarde of meting na de nulmeting: "
    "geen gegevens."
)

_VERDICTS = {
    "target_reached": "Op koers: het doel is gehaald",
    "on_track": "Op koers: minstens de verwachte vooruitgang",
    "behind": "Achter: minder dan verwacht, maar minstens de helft van de verwachte vooruitgang",
    "off_track": "Uit koers: minder dan de helft van de verwachte vooruitgang",
}


def _number(value: Param) -> str:
    return measured(Decimal(str(value)))


def _date(value: Param) -> str:
    return dutch_date(dt.date.fromisoformat(str(value))) if value else "geen datum"


def _status(verdict: str, past_due: bool) -> Callable[[Params], str]:
    def say(p: Params) -> str:
        said = (
            f"{_VERDICTS[verdict]}. Gemeten: {_number(p['latest'])} op {_date(p['latest_date'])}; "
            f"nulmeting {_number(p['baseline'])} op {_date(p['baseline_date'])}, streefwaarde "
            f"{_number(p['target'])} op {_date(p['target_date'])}"
        )
        if verdict != "target_reached":
            said += f"; verwacht op dat moment: {_number(p['expected'])}"
        if past_due:
            said += ". De streefdatum is voorbij, dus het hele doel werd verwacht"
        return said

    return say


def _monitoring(p: Params) -> str:
    return (
        f"{p['on_track']} van de {p['total']} indicatoren op koers, {p['behind']} achter, "
        f"{p['off_track']} uit koers, {p['no_data']} zonder gegevens"
    )


INDICATOR_TEMPLATES: dict[str, str | Callable[[Params], str]] = {
    **{f"indicator.{v}": _status(v, False) for v in _VERDICTS},
    **{f"indicator.{v}_past_due": _status(v, True) for v in _VERDICTS if v != "target_reached"},
    "indicator.no_target": "Geen gegevens: {name} heeft nog geen streefwaarde",
    "indicator.no_data": "Geen gegevens: er is nog geen nulmeting met een meting daarna",
    "monitoring.value": _monitoring,
    "monitoring.no_indicators": "nog geen indicatoren",
}
