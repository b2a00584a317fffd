"""The log's changes as Dutch sentences: ``Stuurknop 6: stand 1 → 3``.

A log entry stores its changes as data (:class:`~stuurknop.projectfile.schema.LogChange`: entity,
key, action, field, old, new); this module is the one place that says them in words. Each entity
is declared once in :data:`ENTITIES`: how it is named (from the key, the ``about`` snapshot the
writer kept, or the data itself) and how its fields read. A field's label is its title in the
project file's schema (:mod:`stuurknop.projectfile.schema`, the one declaration of every entity);
its values come from the model where the model has them (the scales' and vocabularies' words,
knob, value, route and party-type names, sources as ``bron III``).

Choices, and why:

- A sentence names its entity in full (``Financiering door Woco (bron III)``), so it can stand
  alone in a table of the plan or a list on the history page.
- Long texts are not printed: the sentence says the text changed and quotes its first
  :data:`QUOTE_CHARACTERS` characters, so one long elaboration cannot fill a page of the log.
- Nothing is ever shown as JSON or as an internal id: an id that cannot be resolved any more (a
  party since deleted) is said as such, and a value this module does not know reads as
  ``gewijzigd``. A test holds every entity and field of the project file to a declaration.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.actual_changes import ACTUAL_ENTITIES
from stuurknop.presentation.agreement_changes import AGREEMENT_ENTITIES
from stuurknop.presentation.change_values import (
    Context,
    CostItemName,
    Names,
    cost_item_ref,
    date,
    field_label,
    knob,
    money,
    name_of,
    number,
    or_absent,
    party,
    party_type,
    plain,
    quoted,
    routes,
    source,
    text,
    value_name,
    word,
    yes_no,
)
from stuurknop.presentation.change_words import EntityWords, FieldWords, fields_of, known
from stuurknop.presentation.commitments import commitment_change, request_change
from stuurknop.presentation.effect_changes import EFFECT_ENTITIES
from stuurknop.presentation.evidence_changes import EVIDENCE_ENTITIES
from stuurknop.presentation.lesson_changes import LESSON_ENTITIES
from stuurknop.presentation.meeting_changes import MEETING_ENTITIES
from stuurknop.projectfile import schema as doc
from stuurknop.projectfile.schema import (
    ChangeAction,
    CostKind,
    LogChange,
    LogEntity,
    LogEntry,
)

__all__ = [
    "ENTITIES",
    "CostItemName",
    "Names",
    "change_sentence",
    "entry_sentences",
    "entry_text",
    "naming_fields",
]

ARROW = "→"
# Without the project at hand, ids read as gone (a test, a log shown on its own).
NO_NAMES = Names()


_LONG = text  # a long text: not printed, see _changed_field

_BASICS = fields_of(
    doc.Basics,
    {
        "name": text,
        "municipality": text,
        "neighbourhood": text,
        "homes": number,
        "phase": word("phase"),
        "first_year": number,
        "horizon_years": number,
        "description": _LONG,
    },
    long=("description",),
)
_PARTY = fields_of(
    doc.Party,
    {
        "id": text,
        "name": text,
        "party_type": party_type,
        "at_table": yes_no,
        "organisation": text,
    },
    labels={"organisation": "organisatie"},  # kept here, not in the project file
)
_SCENARIO = fields_of(
    doc.Scenario,
    {"name": text, "description": _LONG, "chosen": yes_no},
    long=("description",),
)
_KNOB_SETTING = fields_of(
    doc.KnobSetting,
    {
        "knob": knob,
        "status": word("knob_status"),
        "opening": number,
        "elaboration": _LONG,
        "lead_party": party,
        "routes": routes,
        "answers": _LONG,
    },
    long=("elaboration", "answers"),
)
_INTEREST = fields_of(
    doc.Interest,
    {"party": party, "value": value_name, "weight": number, "reason": _LONG},
    # The entity's name says it already: "Belang van Woco voor Goed wonen: 1 → 3".
    labels={"weight": ""},
    long=("reason",),
)
_COST_ITEM = fields_of(
    doc.CostItem,
    {
        "id": text,
        "knob": knob,
        "description": text,
        "kind": word("cost_kind"),
        "amount": money,
        "first_year": number,
        "years": or_absent("structureel", number),
        "party": or_absent("de trekker", party),
    },
)
_FUNDING_LINE = fields_of(
    doc.FundingLine,
    {
        "id": text,
        "cost_item": cost_item_ref,
        "party": party,
        "source": source,
        "amount": money,
        "first_year": or_absent("het eerste jaar van de kostenpost", number),
        "years": or_absent("zolang de kostenpost loopt", number),
        "status": word("funding_status"),
        "commitment": commitment_change,
        "request": request_change,
    },
)
_PERSPECTIVE = fields_of(
    doc.Perspective,
    {"party": party, "origin": word("perspective_origin"), "session": text},
)
_RESIDENT_INPUT = fields_of(doc.ResidentInput, {"date": date, "respondents": number})
_MEMBER = {"role": FieldWords("rol", plain)}  # members are not in the project file


def _project_name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    return "Projectgegevens"


def _party_name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    name = name_of(known(change, data, "name")) or context.names.parties.get(change.key or "")
    return f"Partij '{quoted(name)}'" if name else "Partij"


def _scenario_name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    return f"Scenario '{quoted(change.key)}'" if change.key else "Scenario"


def _knob_name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    return f"Stuurknop {change.key}" if change.key else "Stuurknop"


def _interest_name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    party, value = name_of(known(change, data, "party")), name_of(known(change, data, "value"))
    if (party is None or value is None) and change.key and "/" in change.key:
        party, value = change.key.split("/", 1)
    of = f" van {context.party(party)}" if party else ""
    for_value = f" voor {value_name(value, context)}" if value else ""
    return f"Belang{of}{for_value}"


def _cost_item_name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    description = name_of(known(change, data, "description"))
    if description is None and change.key:
        item = context.cost_item(change.key)
        description = item.description if item else None
    return f"Kostenpost '{quoted(description)}'" if description else "Kostenpost"


def _funding_line_name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    payer, numeral = name_of(known(change, data, "party")), name_of(known(change, data, "source"))
    by = f" door {context.party(payer)}" if payer else ""
    out_of = f" ({source(numeral, context)})" if numeral else ""
    return f"Financiering{by}{out_of}"


def _perspective_name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    of = name_of(known(change, data, "party")) or change.key
    return f"Perspectief van {context.party(of)}" if of else "Perspectief"


def _resident_input_name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    return "Inbreng van de bewoners"


def _member_name(change: LogChange, data: Mapping[str, Any], context: Context) -> str:
    return f"Lid {quoted(change.key)}" if change.key else "Lid"


def _cost_item_summary(data: Mapping[str, Any], context: Context) -> str:
    amount = money(data.get("amount"), context)
    per_year = " per jaar" if data.get("kind") == CostKind.JAARLIJKS.value else ""
    return f"{amount}{per_year}, {knob(data.get('knob'), context)}"


def _funding_line_summary(data: Mapping[str, Any], context: Context) -> str:
    item = context.cost_item(data.get("cost_item"))
    per_year = " per jaar" if item and item.kind == CostKind.JAARLIJKS.value else ""
    status = word("funding_status")(data.get("status"), context)
    towards = f" voor kostenpost '{item.description}'" if item else ""
    return f"{money(data.get('amount'), context)}{per_year}{towards} ({status})"


def _party_summary(data: Mapping[str, Any], context: Context) -> str:
    at_table = "" if data.get("at_table", True) else ", niet aan tafel"
    return party_type(data.get("party_type"), context) + at_table


def _perspective_summary(data: Mapping[str, Any], context: Context) -> str:
    origin = data.get("origin")
    return word("perspective_origin")(origin, context) if origin else ""


def _resident_input_summary(data: Mapping[str, Any], context: Context) -> str:
    count = data.get("respondents")
    return f"{count} deelnemers" if count is not None else ""


ENTITIES: Mapping[LogEntity, EntityWords] = {
    LogEntity.PROJECT: EntityWords(_project_name, _BASICS),
    LogEntity.PARTY: EntityWords(_party_name, _PARTY, _party_summary, ("name",)),
    LogEntity.SCENARIO: EntityWords(_scenario_name, _SCENARIO),
    LogEntity.KNOB_SETTING: EntityWords(_knob_name, _KNOB_SETTING),
    LogEntity.INTEREST: EntityWords(_interest_name, _INTEREST, None, ("party", "value")),
    LogEntity.COST_ITEM: EntityWords(
        _cost_item_name, _COST_ITEM, _cost_item_summary, ("description",)
    ),
    LogEntity.FUNDING_LINE: EntityWords(
        _funding_line_name, _FUNDING_LINE, _funding_line_summary, ("party", "source", "cost_item")
    ),
    LogEntity.PERSPECTIVE: EntityWords(_perspective_name, _PERSPECTIVE, _perspective_summary),
    LogEntity.RESIDENT_INPUT: EntityWords(
        _resident_input_name, _RESIDENT_INPUT, _resident_input_summary
    ),
    LogEntity.MEMBER: EntityWords(_member_name, _MEMBER),
    **MEETING_ENTITIES,
    **LESSON_ENTITIES,
    **ACTUAL_ENTITIES,
    **AGREEMENT_ENTITIES,
    **EVIDENCE_ENTITIES,
    **EFFECT_ENTITIES,
}


# --- sentences --------------------------------------------------------------------------------


def change_sentence(
    change: LogChange, model: Model, names: Names = NO_NAMES, *, scenario: str = ""
) -> str:
    """One change in words: ``Stuurknop 6: stand 1 → 3``, ``Kostenpost 'Huur' verwijderd``.

    ``scenario`` is the log entry's scenario (where a funding line's cost item is looked up).
    """
    context = Context(model, names, scenario)
    words = ENTITIES[change.entity]
    data = _data(change)
    name = words.name(change, data, context)
    if change.action is ChangeAction.ADDED:
        summary = words.summary(data, context) if words.summary else ""
        return f"{name} toegevoegd" + (f": {summary}" if summary else "")
    if change.action is ChangeAction.REMOVED:
        return f"{name} verwijderd"
    return f"{name}: {_changed_field(change, words, context)}"


def entry_sentences(entry: LogEntry, model: Model, names: Names = NO_NAMES) -> list[str]:
    """Every change of ``entry`` in words, in the order they were made."""
    return [change_sentence(c, model, names, scenario=entry.scenario) for c in entry.changes]


def entry_text(entry: LogEntry, model: Model, names: Names = NO_NAMES) -> str:
    """The entry as one text: what happened, then each change on a line of its own."""
    return "\n".join([entry.what, *entry_sentences(entry, model, names)]).strip()


def _changed_field(change: LogChange, words: EntityWords, context: Context) -> str:
    name = change.field or ""
    field_words = words.fields.get(name, FieldWords(field_label(name), plain))
    label = field_words.label
    if field_words.long:
        return _long_text_change(label, change.new)
    old = field_words.format(change.old, context)
    new = field_words.format(change.new, context)
    return f"{label} {old} {ARROW} {new}".strip()


def _long_text_change(label: str, new: Any) -> str:
    items = new if isinstance(new, list) else [new]
    if not all(t is None or isinstance(t, str) for t in items):
        return f"{label} gewijzigd"  # not a text nor a list of texts: never said as data
    texts = [t for t in items if t]
    if not texts:
        return f"{label} gewist"
    return f"{label} gewijzigd: “{quoted(' / '.join(texts))}”"


def _data(change: LogChange) -> Mapping[str, Any]:
    data = change.new if change.action is ChangeAction.ADDED else change.old
    return data if isinstance(data, dict) else {}


def naming_fields(entity: LogEntity) -> Sequence[str]:
    """The fields a writer keeps in a change's ``about`` to name ``entity`` later."""
    return ENTITIES[entity].named_by
