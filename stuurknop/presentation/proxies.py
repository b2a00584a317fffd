"""The proxy library in words: the model's financial proxies ("kengetallen") with their cited
sources, the project's own proxies with the source it gave, and the discount rates — as blocks
for the Kengetallen page, the plan and the command line — and one proxy said in a line, so an
effect priced with it reads "4 uur × Verpleging thuis (€ 75,00 per uur, Kostenhandleiding
2024)" wherever it is shown, never as its id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from stuurknop.gespreksmodel.library import Citation
from stuurknop.gespreksmodel.proxies import ProxyEntry, ProxyLibrary, load_proxies
from stuurknop.presentation.blocks import Block, Bullets, Paragraph, PlanTable
from stuurknop.presentation.instruments import citation_text
from stuurknop.presentation.numbers import decimal, euro, measured
from stuurknop.projectfile.effects import EffectEstimate, EffectSettings, Proxy

# Dutch counts these units in the singular after a number ("4 uur"); for the others the
# library holds no plural, so their quantity stands bare before the proxy ("12 × Huisarts…").
SINGULAR_COUNTS = frozenset({"uur", "jaar", "keer", "maal"})
SHORT_TITLE = 40  # a title longer than this is named by its first word in a line
OWN_SOURCE_IN_LINE = 60  # an own proxy's free-text source is cut here in a line (whole on the page)
NO_LIBRARY = "Deze modelversie heeft geen bibliotheek met kengetallen."


@dataclass(frozen=True)
class SourceLine:
    """A cited source as a reader names it, with its web address when it has one."""

    text: str
    url: str | None


def model_library(version: str) -> ProxyLibrary | None:
    """The proxy library of model ``version``, or None when that version has none."""
    try:
        return load_proxies(version)
    except (FileNotFoundError, KeyError):
        return None


def short_source(citation: Citation) -> str:
    """The source in a few words for a line: its title up to a colon or bracket, or its first
    word when that is still long, with its year ("Kostenhandleiding 2024")."""
    title = citation.title.split(":")[0].split("(")[0].strip()
    if len(title) > SHORT_TITLE:
        title = title.split()[0]
    year = str(citation.year) if citation.year is not None else ""
    return title if not year or year in title else f"{title} {year}"


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def price(proxy: ProxyEntry | Proxy) -> str:
    """``€ 75,00 per uur``: the amount in cents with its unit."""
    return f"{euro(proxy.amount, cents=True)} {proxy.unit}"


def proxy_phrase(proxy_id: str, library: ProxyLibrary | None, settings: EffectSettings) -> str:
    """The proxy ``proxy_id`` in a line: its name, price and where the price comes from."""
    entry = library.proxy(proxy_id) if library is not None else None
    if library is not None and entry is not None:
        return f"{entry.name} ({price(entry)}, {short_source(library.citation(entry.source))})"
    own = next((p for p in settings.proxies if p.id == proxy_id), None)
    if own is not None:
        source = _cut(own.source, OWN_SOURCE_IN_LINE)
        return f"{own.name} ({price(own)}, eigen kengetal; bron: {source})"
    return f"kengetal {proxy_id}"  # not in the library: validation refuses this before here


def _count_word(proxy_id: str, library: ProxyLibrary | None, settings: EffectSettings) -> str:
    entry = library.proxy(proxy_id) if library is not None else None
    unit = entry.unit if entry else next((p.unit for p in settings.proxies if p.id == proxy_id), "")
    word = unit.removeprefix("per ").strip()
    return f" {word}" if word in SINGULAR_COUNTS else ""


def effect_amount(
    effect: EffectEstimate, library: ProxyLibrary | None, settings: EffectSettings
) -> str:
    """An estimate per year, low / expected / high: in euros, or as quantities times the proxy
    said in words ("2 / 4 / 6 uur × Verpleging thuis (€ 75,00 per uur, …)")."""
    figures = (effect.low, effect.expected, effect.high)
    if effect.proxy is None:
        return " / ".join(euro(f) for f in figures)
    counts = " / ".join(measured(f) for f in figures)
    word = _count_word(effect.proxy, library, settings)
    return f"{counts}{word} × {proxy_phrase(effect.proxy, library, settings)}"


def model_proxies_table(
    library: ProxyLibrary | None, only: Iterable[str] | None = None
) -> PlanTable:
    """The model's proxies (or ``only`` those ids): name, unit, amount, price year, source and
    where in the source."""
    keep = None if only is None else set(only)
    rows: tuple[tuple[str, ...], ...] = ()
    if library is not None:
        rows = tuple(
            (
                p.name,
                p.unit,
                euro(p.amount, cents=True),
                str(p.price_year),
                short_source(library.citation(p.source)),
                p.where,
            )
            for p in library.proxies
            if keep is None or p.id in keep
        )
    return PlanTable(
        "Kengetallen uit het model",
        ("Kengetal", "Eenheid", "Bedrag", "Prijspeil", "Bron", "Waar in de bron"),
        rows,
        ("left", "left", "right", "right", "left", "left"),
        empty=NO_LIBRARY if library is None else "Geen.",
    )


def own_proxies_table(settings: EffectSettings, only: Iterable[str] | None = None) -> PlanTable:
    """The project's own proxies (or ``only`` those ids), each with the source it gave."""
    keep = None if only is None else set(only)
    rows = tuple(
        (
            p.name,
            p.unit,
            euro(p.amount, cents=True),
            str(p.price_year),
            f"{p.source} ({p.url})" if p.url else p.source,
        )
        for p in settings.proxies
        if keep is None or p.id in keep
    )
    return PlanTable(
        "Eigen kengetallen van het project",
        ("Kengetal", "Eenheid", "Bedrag", "Prijspeil", "Bron"),
        rows,
        ("left", "left", "right", "right", "left"),
        empty="Dit project heeft geen eigen kengetallen.",
    )


def _rate(rate: Decimal) -> str:
    return f"{decimal(float(rate))}%".replace("-", "−")


def rates_table(library: ProxyLibrary | None, settings: EffectSettings | None) -> PlanTable:
    """The project's discount rate (with a project) beside the model's standard and risk-free
    rates."""
    rows = []
    if settings is not None:
        rows.append(("Dit project", _rate(settings.discount_rate), "Instelling van het project"))
    if library is not None:
        rates, source = (
            library.discount_rates,
            short_source(library.citation(library.discount_rates.source)),
        )
        rows += [
            ("Standaard", _rate(rates.standard), source),
            ("Risicovrij (alleen voor zekere effecten)", _rate(rates.risk_free), source),
        ]
    return PlanTable(
        "Discontovoeten (reëel, per jaar)",
        ("Discontovoet", "Procent", "Bron"),
        tuple(rows),
        ("left", "right", "left"),
    )


def source_lines(
    library: ProxyLibrary | None, settings: EffectSettings | None
) -> tuple[SourceLine, ...]:
    """Every cited source of the library in full, then each own proxy's source."""
    lines = [
        SourceLine(f"{short_source(c)}: {citation_text(c)}", c.url)
        for c in (library.citations if library else [])
    ]
    own = settings.proxies if settings is not None else []
    lines += [SourceLine(f"{p.name}: {p.source}", p.url or None) for p in own]
    return tuple(lines)


def sources_block(lines: Iterable[SourceLine]) -> Bullets:
    """The sources for a face without links (text, plan): the address after the citation."""
    return Bullets(tuple(f"{line.text} ({line.url})" if line.url else line.text for line in lines))


INTRO = (
    "Een kengetal is een vast bedrag per eenheid, bijvoorbeeld per uur zorg of per bezoek. "
    "Een effect kan een aantal per jaar zijn, maal zo'n kengetal. Het model levert alleen "
    "kengetallen met een openbare bron; een project kan eigen kengetallen toevoegen, elk met "
    "zijn bron."
)


def proxy_blocks(
    library: ProxyLibrary | None, settings: EffectSettings | None, *, with_sources: bool = True
) -> tuple[Block, ...]:
    """The whole library for the Kengetallen page and the command line: the rates, the model's
    proxies and (with a project) its own, and, for faces without links, the sources."""
    blocks: list[Block] = [
        Paragraph(INTRO),
        rates_table(library, settings),
        model_proxies_table(library),
    ]
    if settings is not None:
        blocks.append(own_proxies_table(settings))
    if library is not None and library.note:
        blocks.insert(1, Paragraph(library.note, tone="note"))
    if with_sources:
        blocks += [
            Paragraph("Bronnen", tone="lead"),
            sources_block(source_lines(library, settings)),
        ]
    return tuple(blocks)


def used_proxy_blocks(
    library: ProxyLibrary | None, settings: EffectSettings, used: Iterable[str]
) -> tuple[Block, ...]:
    """For the plan: only the proxies a scenario's estimates use, with their sources."""
    ids = set(used)
    if not ids:
        return ()
    own_ids = {p.id for p in settings.proxies} & ids
    model_ids = ids - own_ids
    blocks: list[Block] = [Paragraph("Gebruikte kengetallen", tone="lead")]
    if model_ids:
        blocks.append(model_proxies_table(library, model_ids))
    if own_ids:
        blocks.append(own_proxies_table(settings, own_ids))
    cited = {p.source for p in (library.proxies if library else []) if p.id in model_ids}
    lines = [
        SourceLine(f"{short_source(c)}: {citation_text(c)}", c.url)
        for c in (library.citations if library else [])
        if c.id in cited
    ]
    if lines:
        blocks.append(sources_block(lines))
    return tuple(blocks)
