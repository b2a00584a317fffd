"""What the worksheet page of one stuurknop reads and how it says it.

Reads (the knob's setting, its cost items and the funding lines that pay for them) and the
plain texts the page shows for them: a period, a source with its caveat, two versions of a
row side by side after a conflict. The model's content (knobs, routes, values, sources) comes
from the model version; nothing of it is spelled here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from stuurknop.gespreksmodel.schema import Knob, Model
from stuurknop.presentation.numbers import euro
from stuurknop.projectfile.schema import CostKind
from stuurknop.web.projects.entities import COST_ITEM, FUNDING_LINE, KNOB_SETTING, RowEntity
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.models import (
    CostItem,
    FundingLine,
    KnobSetting,
    LogEntry,
    Project,
    ProjectParty,
    Scenario,
)
from stuurknop.web.projects.project_file import knob_setting_data
from stuurknop.web.vocabulary import COST_KINDS, FUNDING_STATUSES, KNOB_STATUSES

Data = Mapping[str, Any]


@dataclass(frozen=True)
class KnobSheet:
    """One knob in one scenario: its setting (as document data), costs and funding."""

    knob: Knob
    setting: dict[str, Any]
    version: int  # 0: the knob has no setting yet ('niet besproken')
    cost_items: list[CostItem]
    funding_lines: list[FundingLine]
    parties: list[ProjectParty]


def knob_sheet(project: Project, scenario: Scenario, knob: Knob) -> KnobSheet:
    """Everything of ``scenario`` the worksheet of ``knob`` shows.

    A funding line belongs to the knob of the cost item it pays for (the document links a
    funding line to a cost item, and a cost item to a knob).
    """
    row = (
        KnobSetting.objects.filter(scenario=scenario, knob=knob.number)
        .select_related("lead_party")
        .first()
    )
    setting = knob_setting_data(row or KnobSetting(scenario=scenario, knob=knob.number))
    return KnobSheet(
        knob=knob,
        setting=setting,
        version=row.version if row else 0,
        cost_items=list(scenario.cost_items.filter(knob=knob.number).select_related("party")),
        funding_lines=list(
            scenario.funding_lines.filter(cost_item__knob=knob.number).select_related(
                "cost_item", "party"
            )
        ),
        parties=list(project.parties.all()),
    )


def last_change(
    project: Project, scenario: Scenario, what: str, *, renamed_to: str | None = None
) -> LogEntry | None:
    """The newest log line about ``what`` (e.g. ``Stuurknop 4``) in ``scenario``.

    A cost item's log lines name it by its description before the change, so a line that
    renamed it to ``renamed_to`` counts as well. A funding line's conflict names it by its id
    (``Financieringsregel 'f1'``) while its log lines name the cost item it pays for: those
    are found by the key of their changes.
    """
    entries = LogEntry.objects.filter(project=project, scenario=scenario.name).order_by("-id")
    about = Q(what__startswith=f"{what} ")
    line = _FUNDING_LINE.fullmatch(what)
    if line:
        about |= Q(pk__in=entries.about("funding_line", line["key"]).values("pk"))
    if renamed_to is not None:
        about |= Q(changes__icontains='"field": "description"')
    for entry in entries.filter(about)[:200]:
        if (
            entry.what.startswith(f"{what} ")
            or (line and entry.changes_entity("funding_line", line["key"]))
            or (renamed_to is not None and entry.sets("cost_item", "description", renamed_to))
        ):
            return entry
    return None


_FUNDING_LINE = re.compile(r"Financieringsregel '(?P<key>[A-Za-z0-9][\w\-]*)'")


# --- texts -----------------------------------------------------------------------------------


def choice_label(choices: Sequence[tuple[str, Any]], value: str) -> str:
    """The (translated) label of ``value`` among a model field's choices."""
    return next((str(label) for key, label in choices if key == value), value)


def _party(parties: Mapping[str, str], key: str | None, empty: str) -> str:
    return parties.get(key, key) if key else empty


def _years(first_year: int | str, years: int | None, empty: str) -> str:
    if years is None:
        return _("vanaf %(year)s, %(rest)s") % {"year": first_year, "rest": empty}
    return _("vanaf %(year)s, %(n)s jaar") % {"year": first_year, "n": years}


def cost_period(item: Data) -> str:
    """``eenmalig in 2025``, ``vanaf 2025, 3 jaar`` or ``vanaf 2025, structureel``."""
    if item["kind"] == CostKind.EENMALIG.value:
        return _("eenmalig in %(year)s") % {"year": item["first_year"]}
    return _years(item["first_year"], item["years"], _("structureel"))


def money_text(amount: Decimal | str) -> str:
    """Whole euros without cents (``€ 20.000``), else with (``€ 12.500,50``)."""
    value = Decimal(amount)
    return euro(value, cents=value != value.to_integral_value())


def cost_amount(item: Data) -> str:
    amount = money_text(item["amount"])
    if item["kind"] == CostKind.JAARLIJKS.value:
        return _("%(amount)s per jaar") % {"amount": amount}
    return amount


def funding_amount(line: Data, cost_kind: str | None) -> str:
    amount = money_text(line["amount"])
    if cost_kind == CostKind.JAARLIJKS.value:
        return _("%(amount)s per jaar") % {"amount": amount}
    return amount


def funding_period(line: Data, cost_kind: str | None) -> str:
    """When a line pays, said with the defaults the document gives an empty year or count."""
    first = line["first_year"] or _("de start van de kostenpost")
    if cost_kind == CostKind.EENMALIG.value:
        return _("in %(year)s") % {"year": first}
    return _years(first, line["years"], _("zolang de kostenpost loopt"))


@dataclass(frozen=True)
class SourceText:
    label: str  # III – Tijdelijke subsidie of financiële bijdrage
    temporary: bool
    caveat: str


def source_text(model: Model, numeral: str) -> SourceText:
    source = model.source_by_numeral(numeral)
    return SourceText(f"{source.numeral} – {source.name}", source.temporary, source.caveat or "")


def parties_by_key(parties: Sequence[ProjectParty]) -> dict[str, str]:
    return {p.key: p.name for p in parties}


def describe_setting(
    setting: Data, model: Model, knob: Knob, parties: Mapping[str, str]
) -> list[tuple[str, str]]:
    """A knob setting as (label, text) pairs, the conversation answers last."""
    none = _("nog niet ingevuld")
    opening = setting["opening"]
    rows = [
        (_("Status"), choice_label(KNOB_STATUSES, setting["status"])),
        (_("Stand"), _("stand %(n)s van 3") % {"n": opening} if opening else "—"),
        (_("Uitwerking"), setting["elaboration"] or none),
        (_("Trekker"), _party(parties, setting["lead_party"], _("nog geen trekker"))),
        (
            _("Beoogde routes"),
            ", ".join(model.route(r).name for r in setting["routes"] if r in knob.route_ids())
            or _("nog geen gekozen"),
        ),
    ]
    answers = list(setting["answers"])
    for i, question in enumerate(model.conversation_questions[:3]):
        rows.append((question, answers[i] if i < len(answers) and answers[i] else none))
    said = ("status", "opening", "elaboration", "lead_party", "routes", "answers")
    return rows + _declared_rest(KNOB_SETTING, setting, said=said)


def describe_cost_item(item: Data, parties: Mapping[str, str]) -> list[tuple[str, str]]:
    return [
        (_("Omschrijving"), item["description"]),
        (_("Soort"), choice_label(COST_KINDS, item["kind"])),
        (_("Bedrag"), cost_amount(item)),
        (_("Periode"), cost_period(item)),
        (_("Wie maakt de kosten"), _party(parties, item["party"], _("de trekker"))),
        *_declared_rest(COST_ITEM, item, said=("description", "kind", "amount", "first_year")),
    ]


def describe_funding_line(
    line: Data, model: Model, parties: Mapping[str, str], cost_items: Mapping[str, CostItem]
) -> list[tuple[str, str]]:
    cost = cost_items.get(line["cost_item"])
    source = source_text(model, line["source"])
    return [
        (_("Kostenpost"), cost.description if cost else line["cost_item"]),
        (_("Wie betaalt"), _party(parties, line["party"], "—")),
        (_("Bron"), source.label + (f" ({_('tijdelijk')})" if source.temporary else "")),
        (_("Bedrag"), funding_amount(line, cost.kind if cost else None)),
        (_("Periode"), funding_period(line, cost.kind if cost else None)),
        (_("Status"), choice_label(FUNDING_STATUSES, line["status"])),
        *_declared_rest(FUNDING_LINE, line, said=("cost_item", "source", "amount", "status")),
    ]


def _declared_rest(entity: RowEntity, data: Data, *, said: Sequence[str]) -> list[tuple[str, str]]:
    """The entity's other fields, each with its title: a field added to the project file shows
    in a conflict before anyone words it. ``said``: the fields the lines above show, besides
    the id, the knob (the page's), the years and the party."""
    shown = {"id", "knob", "first_year", "years", "party", *said}
    return [
        (capfirst(entity.title(name)), "—" if data.get(name) in (None, "") else str(data[name]))
        for name in entity.fields()
        if name not in shown
    ]


# --- conflicts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Compared:
    label: str
    yours: str
    stored: str

    @property
    def differs(self) -> bool:
        return self.yours != self.stored


@dataclass(frozen=True)
class ConflictView:
    """A lost update, explained: the message, both versions, and who saved last and when.

    ``wanted_delete``: the editor tried to delete the row, so "your version" is the deletion
    and only the stored version has values. ``deleted``: the row itself is gone.
    """

    message: str
    rows: list[Compared]
    deleted: bool
    wanted_delete: bool
    by: str = ""
    at: Any = None


def conflict_view(
    conflict: Conflict,
    yours: list[tuple[str, str]] | None,
    stored: list[tuple[str, str]] | None,
    change: LogEntry | None,
) -> ConflictView:
    """``yours`` is None for a delete, ``stored`` None when the row is gone."""
    gone = _("(verwijderd)")
    stored_texts = dict(stored) if stored is not None else {}
    labels = [label for label, _text in (yours if yours is not None else stored or [])]
    your_texts = dict(yours) if yours is not None else {}
    return ConflictView(
        message=str(conflict),
        rows=[
            Compared(label, your_texts.get(label, ""), stored_texts.get(label, gone))
            for label in labels
        ],
        deleted=stored is None,
        wanted_delete=yours is None,
        by=change.who if change else "",
        at=change.at if change else None,
    )


def stored_cost_item(scenario: Scenario, pk: int) -> CostItem | None:
    return CostItem.objects.filter(scenario=scenario, pk=pk).select_related("party").first()


def stored_funding_line(scenario: Scenario, pk: int) -> FundingLine | None:
    return (
        FundingLine.objects.filter(scenario=scenario, pk=pk)
        .select_related("cost_item", "party")
        .first()
    )
