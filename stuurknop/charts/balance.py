"""The balance charts and their table, from the engine's ``Analysis.balance``.

What is compared: each party's part of the funded total (what the parties pay; the unfunded gap
is no one's payment) against its share of the value. Each chart has its table, and together
they carry exactly the figures the verdict is taken from (:mod:`stuurknop.engine.balance`):
both shares as whole percentages with their difference in percentage points, and the split of
the funded total to the cent with the difference in euros; a total row shows that the split
adds up.
"""

from __future__ import annotations

from decimal import Decimal

from stuurknop.charts.bars import grouped_bar_chart
from stuurknop.charts.chart import Chart, Table
from stuurknop.engine.balance import Balance, PartyBalance, Verdict
from stuurknop.engine.money import ZERO
from stuurknop.presentation.numbers import euro, percent
from stuurknop.presentation.reasons import text as reason_text

MILLION = Decimal(1_000_000)
NONE = "–"

SHARES_COLUMNS = (
    "Partij",
    "Deel van de financiering",
    "Deel van de waarde",
    "Verschil in procentpunten",
    "Deel van de waarde zonder eigen weging",
)
SPLIT_COLUMNS = ("Partij", "Betaalt", "Naar waarde", "Verschil in euro (betaalt − naar waarde)")


def points(number: int) -> str:
    """Percentage points with their sign: ``+40``, ``-12``, ``0``."""
    return f"{number:+d}" if number else "0"


def _axis_euro(amount: Decimal) -> str:
    if abs(amount) < MILLION:
        return euro(amount)
    millions = f"{amount / MILLION:.1f}".replace(".", ",").removesuffix(",0")
    return f"€ {millions} mln"


def balance_shares_chart(balance: Balance, *, id_prefix: str) -> Chart:
    """Per party its part of the funded total beside its share of the value."""
    parties = balance.parties
    return grouped_bar_chart(
        [p.name for p in parties],
        {
            "Deel van de financiering": [Decimal(p.funding_percent) / 100 for p in parties],
            "Deel van de waarde": [Decimal(p.value_percent) / 100 for p in parties],
        },
        title="Deel van de financiering en deel van de waarde per partij",
        description=shares_description(balance),
        value_format=lambda share: percent(float(share)),
        id_prefix=id_prefix,
        label_heading="Partij",
        value_labels=len(parties) <= 6,
    )


def balance_split_chart(balance: Balance, *, id_prefix: str) -> Chart:
    """Per party what it pays beside its part when the funded total follows the value."""
    parties = balance.parties
    return grouped_bar_chart(
        [p.name for p in parties],
        {
            "Betaalt": [p.paid for p in parties],
            "Naar waarde": [p.split for p in parties],
        },
        title="Wat elke partij betaalt en wat zij zou betalen bij verdeling naar waarde",
        description=(
            f"Per partij wat zij betaalt, naast haar deel als de financiering "
            f"({euro(balance.total_funding)}) verdeeld wordt naar het deel van de waarde. "
            "Een begin voor het gesprek, geen advies: het deel van de waarde komt uit de "
            "belangen die partijen invullen, niet uit geld."
        ),
        value_format=euro,
        axis_format=_axis_euro,
        id_prefix=id_prefix,
        label_heading="Partij",
    )


def shares_table(balance: Balance) -> Table:
    """Per party both shares as whole percentages, their difference in points (the verdict's
    figures), and the share of the value without the party's own weighting."""
    return Table(
        caption=(
            f"Deel van de financiering ({euro(balance.total_funding)}) en deel van de waarde "
            "per partij"
        ),
        columns=SHARES_COLUMNS,
        rows=tuple(_shares_row(p, balance.value_known) for p in balance.parties),
    )


def split_table(balance: Balance) -> Table:
    """Per party what it pays, its part of the funded total by value (to the cent) and the
    difference in euros; a total row shows that the split adds up to what is paid."""
    known = balance.value_known
    rows = tuple(
        (
            p.name,
            euro(p.paid, cents=True),
            euro(p.split, cents=True) if known else NONE,
            euro(p.difference, cents=True) if known else NONE,
        )
        for p in balance.parties
    )
    if rows:
        difference = sum((p.difference for p in balance.parties), ZERO)
        rows += (
            (
                "Totaal",
                euro(balance.total_funding, cents=True),
                euro(balance.total_split, cents=True) if known else NONE,
                euro(difference, cents=True) if known else NONE,
            ),
        )
    return Table(
        caption=(
            f"Verdeling van de financiering ({euro(balance.total_funding)}) naar het deel van de "
            "waarde"
        ),
        columns=SPLIT_COLUMNS,
        rows=rows,
    )


def _shares_row(p: PartyBalance, value_known: bool) -> tuple[str, ...]:
    known = value_known and p.stated
    without_own = p.value_share_without_own
    return (
        p.name,
        percent(p.funding_share),
        percent(p.value_share) if known else NONE,
        points(p.points) if known else NONE,
        percent(without_own) if value_known and without_own is not None else NONE,
    )


def shares_description(balance: Balance) -> str:
    """The text alternative of the shares chart: what it shows and the verdicts."""
    text = (
        "Per partij haar deel van de financiering naast haar deel van de waarde. Meer dan "
        f"{balance.margin} procentpunten verschil telt als duidelijk meer of minder."
    )
    clear = [p.finding for p in balance.parties if p.finding and _clear(p)]
    for finding in clear:
        text += f" {reason_text(finding)}."
    if not clear:
        text += " Geen partij betaalt duidelijk meer of minder dan haar deel van de waarde."
    return text


def _clear(p: PartyBalance) -> bool:
    return p.verdict in (Verdict.PAYS_MORE, Verdict.PAYS_LESS)
