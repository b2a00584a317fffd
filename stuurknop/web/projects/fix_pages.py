"""Where each open point of an analysis is fixed: one table from engine ids to pages.

The engine names what is open by id: a checklist item's kind
(:class:`stuurknop.engine.checklist.ItemKind`), a check's id
(:data:`stuurknop.engine.checks.CHECKS`) or a next step's own topic
(:class:`stuurknop.engine.next_steps.Topic`). :data:`FIX_PAGES` says which page fixes it; a
test keeps the table complete. A page that is not routed (yet) gives no link, never an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class FixPage:
    url_name: str
    knob: int | None = None  # the knob whose page fixes it, when it is always the same one


KNOB = "knob_page"  # (project, scenario, knob): the worksheet with the knob's costs and funding
MONEY = "money_page"  # (project, scenario)
VALUES = "values_page"  # (project, scenario): values, routes and each party's interests
PARTIES = "project_parties"  # (project): who is at the table
EVIDENCE = "evidence_page"  # (project, scenario): evidence and monitoring per aimed value
AGREEMENT = "agreement_page"  # (project): the partners' agreement and its versions

FIX_PAGES: dict[str, FixPage] = {
    # Checklist items.
    "stuurknop_besproken": FixPage(KNOB),
    "stuurknop_uitgewerkt": FixPage(KNOB),
    "kosten_gedekt": FixPage(KNOB),  # a cost item and its funding are edited on its knob
    "kosten_op_tijd_gedekt": FixPage(KNOB),  # the funding line's years, on the same page
    "betaler_aan_tafel": FixPage(PARTIES),
    "waarde_bereikt": FixPage(VALUES),
    "waarde_onderbouwd": FixPage(EVIDENCE),
    # Checks.
    "activiteiten_zonder_ruimte": FixPage(KNOB, knob=2),  # the room (knob 2) is missing
    "servicekosten_en_buurt": FixPage(MONEY),
    "structureel_op_tijdelijk_geld": FixPage(MONEY),
    "onrendabele_investering": FixPage(MONEY),
    "drempel_voor_bewoners": FixPage(MONEY),
    "gemeenschap_zonder_professional": FixPage(KNOB, knob=6),  # add its professional's cost
    "vaste_aanbieder_zonder_gemeente": FixPage(KNOB, knob=10),  # the municipality's policy
    "geen_bewoners": FixPage(PARTIES),
    "bron_past_niet_bij_partij": FixPage(MONEY),
    "gebruik_door_derden": FixPage(MONEY),
    "corporatie_betaalt_baten_elders": FixPage(MONEY),  # the balance between parties
    "aan_zonder_kosten": FixPage(MONEY),  # names several knobs; the money page shows them all
    # The money page links to the commitments page, where the party confirms.
    "toezegging_namens_partij": FixPage(MONEY),
    # Discussed, then drawn up again as a new version for the parties to confirm.
    "afspraak_wijkt_af": FixPage(AGREEMENT),
    # Next steps of their own.
    "financieringstekort": FixPage(MONEY),
    "klif": FixPage(MONEY),
    "belangen_ontbreken": FixPage(VALUES),
}


@dataclass(frozen=True)
class FixLink:
    url: str
    label: str


def fix_link(
    project_id: int, scenario_id: int, topic: str, knob: int | None = None
) -> FixLink | None:
    """The link to the page that fixes ``topic`` (about ``knob``, if given), or None."""
    page = FIX_PAGES.get(topic)
    if page is None:
        return None
    knob = page.knob or knob
    try:
        if page.url_name == KNOB:
            if knob is None:
                return None
            url = reverse(KNOB, args=[project_id, scenario_id, knob])
        elif page.url_name in (PARTIES, AGREEMENT):
            url = reverse(page.url_name, args=[project_id])
        else:
            url = reverse(page.url_name, args=[project_id, scenario_id])
    except NoReverseMatch:  # a page another part of the app has not routed yet
        return None
    return FixLink(url, _label(page.url_name, knob))


def _label(url_name: str, knob: int | None) -> str:
    labels: dict[str, str | Promise] = {
        KNOB: _("Naar stuurknop %(knob)s") % {"knob": knob},
        MONEY: _("Naar geld"),
        VALUES: _("Naar waarden en routes"),
        PARTIES: _("Naar de partijen"),
        EVIDENCE: _("Naar bewijs en monitoring"),
        AGREEMENT: _("Naar de samenwerkingsafspraak"),
    }
    return str(labels[url_name])
