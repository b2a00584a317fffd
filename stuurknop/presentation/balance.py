"""The balance between parties in words: what is compared with what, how the value shares are
found, and the verdicts — the same sentences on the money page, in the plan (PDF and Word) and
in the command line's report."""

from __future__ import annotations

from stuurknop.engine.balance import Balance, Verdict
from stuurknop.engine.value_shares import MONEY
from stuurknop.presentation.numbers import euro
from stuurknop.presentation.reasons import sentence

CAVEAT = (
    "Een begin voor het gesprek, geen advies: het deel van de waarde komt uit de belangen die "
    "partijen invullen, niet uit geld."
)
SAID = (Verdict.PAYS_MORE, Verdict.PAYS_LESS, Verdict.NO_INTERESTS)
HOW_MONEY_SHARES = (
    "Het deel van de waarde is hier in geld: de contante waarde van de baten die volgens de "
    "effectschattingen van dit scenario bij elke partij landen, gedeeld door die van alle "
    "partijen samen (zie 'Waarde tegenover kosten, in geld')."
)
HOW_VALUE_SHARES = (
    "Het deel van de waarde volgt uit de routes die dit scenario in gang zet en uit de belangen "
    "van alle partijen. Elke partij verdeelt evenveel gewicht over de waarden: wie alles minder "
    "belangrijk noemt, verandert haar deel niet. De kolom 'zonder eigen weging' laat zien wat "
    "het deel zou zijn als de weging van de partij zelf niet meetelt."
)


def compared(balance: Balance) -> str:
    """What is compared with what, and what is split; the gap apart."""
    text = (
        "Per partij staat wat zij betaalt als deel van de financiering "
        f"({euro(balance.total_funding)}) naast haar deel van de waarde. 'Naar waarde' verdeelt "
        f"precies die {euro(balance.total_funding)} naar het deel van de waarde, tot op de cent."
    )
    if balance.total_shortfall:
        text += (
            f" Het tekort van {euro(balance.total_shortfall)} (kosten die niemand betaalt) "
            "wordt niet verdeeld: dat geld moet nog gevonden worden."
        )
    return text


def findings(balance: Balance) -> tuple[str, ...]:
    """A sentence per party that pays clearly more or less than its share, or stated nothing."""
    if not balance.value_known or not balance.total_funding:
        return ()
    return tuple(sentence(p.finding) for p in balance.parties if p.finding and p.verdict in SAID)


def in_line(balance: Balance) -> str | None:
    """One sentence when no party pays clearly more or less than its share."""
    if not balance.value_known or not balance.total_funding:
        return None
    if any(p.verdict in (Verdict.PAYS_MORE, Verdict.PAYS_LESS) for p in balance.parties):
        return None
    return (
        "Geen partij betaalt duidelijk meer of minder dan haar deel van de waarde (meer dan "
        f"{balance.margin} procentpunten verschil)."
    )


def caveat(balance: Balance) -> str:
    if balance.basis == MONEY:
        return "Een begin voor het gesprek, geen advies: de baten zijn schattingen."
    return CAVEAT


def how_value_shares(balance: Balance) -> str:
    """How the value shares were found: in money from the effect estimates, or from the
    stated interests (the ordinal view, for scenarios without effect estimates)."""
    if balance.basis == MONEY:
        return HOW_MONEY_SHARES
    return "Zonder effectschattingen in geld: een schatting uit de belangen. " + HOW_VALUE_SHARES


def weighting_notes(balance: Balance) -> tuple[str, ...]:
    """Where a party's own weighting moves its share of the value by 5 points or more."""
    if not balance.value_known:
        return ()
    return tuple(sentence(p.own_weighting) for p in balance.parties if p.own_weighting)
