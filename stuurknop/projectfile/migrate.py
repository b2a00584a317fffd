"""Older project files, brought to the current format before they are validated.

A file says which format it is in (``schema_version``); :func:`upgrade` rewrites the decoded JSON
of an older version step by step into the current one, so that import, the CLI and the engine only
ever see the current schema. Each step is frozen once written: a version-1 file reads the same in
every later release. The web app's database migration of the log uses the same step
(:func:`log_entry_v1_to_v2`), so a log converted in the database and one converted from a file
cannot differ.

Version 1 → 2: a log entry held two texts, ``old`` and ``new``. The app wrote JSON objects of
the fields that changed (``{"opening": 2}`` → ``{"opening": 3}``), with a ``what`` that named the
entity (``Stuurknop 6 gewijzigd``); people and other tools wrote plain text (``idee`` →
``plan``). Version 2 keeps ``what`` and stores the changes as data. The step:

- recognises the entity from the ``what`` the app wrote (:data:`_SUBJECTS`) and turns the two
  objects into one change per field, or an ``added``/``removed`` change with the whole entity;
  the key is taken from the data, or looked up by name in the file's own parties, cost items
  and funding lines (None when it cannot be found: the ``what`` still names it);
- turns the app's event payloads that name entities into changes (perspectives stored, residents'
  answers taken in) and keeps the rest of a payload as text;
- keeps everything else as text in ``what``: ``Fase gewijzigd — was: idee; nu: plan``.

Nothing is refused here: data this step does not recognise is left as it is, and validation then
says what is wrong with it, in Dutch, with its place.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from stuurknop.gespreksmodel import ModelInvalid, load_model
from stuurknop.projectfile.schema import LOG_VALUE_LENGTH, MAX_LOG_CHANGES

# ``what`` is a LongText (20,000 characters); folded old and new texts are shortened to fit.
WHAT_LENGTH = 20_000
SHORTENED = " … (ingekort)"

Data = dict[str, Any]


def upgrade(data: Any) -> Any:
    """``data`` (a decoded project file) in the current format; other data is returned as is.

    A file without ``schema_version`` is version 1 (the field's default in that version).
    """
    if not isinstance(data, dict):
        return data
    version = data.get("schema_version", 1)
    if version == 1:
        data = v1_to_v2(data)
    if data.get("schema_version") == 2:
        data = v2_to_v3(data)
    return data


def v2_to_v3(data: Data) -> Data:
    """A version-2 document as version 3: no meetings, decisions or actions yet (the earlier
    "op de agenda" lines stay what they were, lines of the log). A toegezegd funding line was
    set by whoever edited it: its commitment is recorded on the party's behalf, by the import."""
    scenarios = data.get("scenarios")
    if isinstance(scenarios, list):
        scenarios = [_commitments_on_behalf(s) for s in scenarios]
        return {**data, "scenarios": scenarios, "schema_version": 3}
    return {**data, "schema_version": 3}


def _commitments_on_behalf(scenario: Any) -> Any:
    if not isinstance(scenario, dict) or not isinstance(scenario.get("funding"), list):
        return scenario
    on_behalf = {"how": "namens", "by": "import"}
    funding = [
        {**line, "commitment": on_behalf}
        if isinstance(line, dict) and line.get("status") == "toegezegd" and "commitment" not in line
        else line
        for line in scenario["funding"]
    ]
    return {**scenario, "funding": funding}


def v1_to_v2(data: Data) -> Data:
    """A version-1 document as version 2: the log's old and new texts become changes."""
    upgraded = dict(data)
    upgraded["schema_version"] = 2
    log = data.get("log")
    if isinstance(log, list):
        upgraded["log"] = [
            log_entry_v1_to_v2(entry, data) if isinstance(entry, dict) else entry for entry in log
        ]
    return upgraded


def log_entry_v1_to_v2(entry: Mapping[str, Any], document: Mapping[str, Any]) -> Data:
    """One version-1 log entry as version 2, using ``document`` (version-1 data: its parties and
    scenarios) to find the keys of entities the entry names."""
    result = {k: v for k, v in entry.items() if k not in ("old", "new")}
    old_text, new_text = entry.get("old", ""), entry.get("new", "")
    if not isinstance(old_text, str) or not isinstance(new_text, str):
        return dict(entry)  # not version-1 data: validation says what is wrong
    what = entry.get("what", "")
    if not isinstance(what, str):
        return result
    scenario_name = entry.get("scenario", "")
    readable = readable_what(
        what, _Places(document, scenario_name if isinstance(scenario_name, str) else ""), document
    )
    result["what"] = readable
    if not old_text and not new_text:
        return result
    old, new = _object(old_text), _object(new_text)
    if old is None or new is None:
        result["what"] = _fold(readable, [("was", old_text), ("nu", new_text)])
        return result
    scenario = entry.get("scenario", "")
    changes, rest = _changes(
        what, scenario if isinstance(scenario, str) else "", old, new, document
    )
    if rest:
        shown = [(k, _shown(v)) for k, v in rest if _shown(v) not in what]
        result["what"] = _fold(readable, shown)
    if changes:
        if len(changes) > MAX_LOG_CHANGES or any(_too_long(c) for c in changes):
            result["what"] = _fold(result["what"], [("was", old_text), ("nu", new_text)])
        else:
            result["changes"] = changes
    return result


# --- the entities the app named in ``what`` ----------------------------------------------------


def _entity_changes(entity: str, key: str | None, about: Data, old: Data, new: Data) -> list[Data]:
    def change(action: str, **values: Any) -> Data:
        return {"entity": entity, "key": key, "action": action, "about": about, **values}

    if not old:
        return [change("added", new=new)]
    if not new:
        return [change("removed", old=old)]
    fields = list(dict.fromkeys([*old, *new]))
    return [
        change("changed", field=field, old=old.get(field), new=new.get(field))
        for field in fields
        if old.get(field) != new.get(field) and re.fullmatch(r"[A-Za-z0-9][\w\-]*", field)
    ]


def _event_changes(old: Data, new: Data) -> tuple[list[Data], list[tuple[str, Any]]]:
    """The app's event payloads (Dutch keys); what names an entity becomes a change."""
    changes: list[Data] = []
    rest: list[tuple[str, Any]] = []
    for key, value in [*old.items(), *new.items()]:
        if key == "perspectieven" and isinstance(value, list):
            changes += [{"entity": "perspective", "key": str(p), "action": "added"} for p in value]
        elif key == "respondenten" and isinstance(value, int):
            changes.append(
                {"entity": "resident_input", "action": "added", "new": {"respondents": value}}
            )
        elif key != "antwoorden":  # the reveal: its what already says shown or hidden
            rest.append((key, value))
    return changes, rest


class _Places:
    """The parties and one scenario's cost items and funding lines of a version-1 document."""

    def __init__(self, document: Mapping[str, Any], scenario: str) -> None:
        self.parties = _rows(document.get("parties"))
        found = [s for s in _rows(document.get("scenarios")) if s.get("name") == scenario]
        self.costs = _rows(found[0].get("costs")) if found else []
        self.funding = _rows(found[0].get("funding")) if found else []

    def party_id(self, name: str) -> str | None:
        return _only([p.get("id") for p in self.parties if p.get("name") == name])

    def cost_item_id(self, description: str) -> str | None:
        return _only([c.get("id") for c in self.costs if c.get("description") == description])

    def funding_line(self, key: str) -> Data:
        return next((f for f in self.funding if f.get("id") == key), {})


@dataclass(frozen=True)
class _Found:
    """What an entry's ``what`` and data say about its entity."""

    groups: dict[str, Any]  # the groups of the subject's pattern
    name: str | None  # the quoted name in ``what``
    data: Data  # the old data, or the new when there is no old
    places: _Places


Keys = Callable[[_Found], tuple[str | None, Data]]


def _knob_key(found: _Found) -> tuple[str | None, Data]:
    return found.groups["knob"], {}


def _cost_item_key(found: _Found) -> tuple[str | None, Data]:
    key = found.data.get("id") or (found.places.cost_item_id(found.name) if found.name else None)
    return _id(key), {"description": found.name} if found.name else {}


def _funding_added_key(found: _Found) -> tuple[str | None, Data]:
    # "Financiering voor 'Huur ruimte' toegevoegd": the line's own data says it all.
    return _id(found.data.get("id")), {}


def _funding_key(found: _Found) -> tuple[str | None, Data]:
    # "Financieringsregel 'f1' gewijzigd": the party, source and cost item of the line as the
    # file holds it now, for the line's name.
    key = found.data.get("id") or found.name
    if {"cost_item", "party", "source"} <= found.data.keys():  # removed: all its data
        return _id(key), {}
    line = found.places.funding_line(str(key)) if key else {}
    return _id(key), {f: line[f] for f in ("party", "source", "cost_item") if f in line}


def _interest_key(found: _Found) -> tuple[str | None, Data]:
    party = found.places.party_id(found.groups["party"])
    about = {"party": party, "value": found.name} if party else {"value": found.name}
    return (f"{party}/{found.name}" if party else None), about


def _scenario_key(found: _Found) -> tuple[str | None, Data]:
    return found.name, {}


def _party_key(found: _Found) -> tuple[str | None, Data]:
    key = found.data.get("id") or (found.places.party_id(found.name) if found.name else None)
    return _id(key), {"name": found.name} if found.name else {}


def _project_key(found: _Found) -> tuple[str | None, Data]:
    return None, {}


def _member_key(found: _Found) -> tuple[str | None, Data]:
    return found.groups["person"][:200], {}


# Version 1 named two things by their ids: "Financieringsregel 'f1' gewijzigd" and "Belang van
# Woco bij 'goed_wonen' gewijzigd". They are said the way the app says them now.
_FUNDING_BY_ID = re.compile(
    r"^Financieringsregel (?P<name>'[^']*'|\"[^\"]*\") (?P<rest>gewijzigd|verwijderd)"
)
_INTEREST_BY_ID = re.compile(
    r"^Belang van (?P<party>.+) bij (?P<name>'[a-z][a-z0-9_]*') (?P<rest>gewijzigd)"
)


def readable_what(what: str, places: _Places, document: Mapping[str, Any]) -> str:
    """``what`` of a version-1 entry with the ids it names said as names (a funding line by its
    cost item, a value by the model's name); unchanged where a name cannot be found."""
    funding = _FUNDING_BY_ID.match(what)
    if funding:
        line = places.funding_line(_unquoted(funding["name"]))
        cost = next((c for c in places.costs if c.get("id") == line.get("cost_item")), {})
        description = cost.get("description")
        if isinstance(description, str) and description:
            return f"Financiering voor {description!r} {funding['rest']}" + what[funding.end() :]
    interest = _INTEREST_BY_ID.match(what)
    if interest:
        name = _value_name(document, _unquoted(interest["name"]))
        if name:
            said = f"Belang van {interest['party']} bij {name} {interest['rest']}"
            return said + what[interest.end() :]
    return what


def _value_name(document: Mapping[str, Any], value_id: str) -> str | None:
    version = document.get("model_version")
    try:
        model = load_model(version) if isinstance(version, str) else load_model()
        return model.value(value_id).name
    except (KeyError, ModelInvalid):
        return None


_QUOTED = r"(?P<name>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"  # a Python repr of a name
_SUBJECTS: tuple[tuple[re.Pattern[str], str, Keys], ...] = (
    (re.compile(r"Stuurknop (?P<knob>\d+) gewijzigd"), "knob_setting", _knob_key),
    (
        re.compile(rf"Kostenpost {_QUOTED} (?:toegevoegd|gewijzigd|verwijderd)"),
        "cost_item",
        _cost_item_key,
    ),
    (re.compile(rf"Financiering voor {_QUOTED} toegevoegd"), "funding_line", _funding_added_key),
    (
        re.compile(rf"Financieringsregel {_QUOTED} (?:gewijzigd|verwijderd)"),
        "funding_line",
        _funding_key,
    ),
    (re.compile(rf"Belang van (?P<party>.+) bij {_QUOTED} gewijzigd"), "interest", _interest_key),
    (re.compile(rf"Scenario {_QUOTED} gewijzigd"), "scenario", _scenario_key),
    (re.compile(rf"Partij {_QUOTED} (?:toegevoegd|gewijzigd)"), "party", _party_key),
    (re.compile(r"Projectgegevens gewijzigd"), "project", _project_key),
    (re.compile(r"Rol van (?P<person>.+) gewijzigd"), "member", _member_key),
)


def _changes(
    what: str, scenario: str, old: Data, new: Data, document: Mapping[str, Any]
) -> tuple[list[Data], list[tuple[str, Any]]]:
    """The changes ``old`` → ``new`` make, and the payload items that are no change of an entity."""
    for pattern, entity, keys in _SUBJECTS:
        match = pattern.fullmatch(what)
        if match:
            groups = match.groupdict()
            name = _unquoted(groups["name"]) if groups.get("name") else None
            key, about = keys(_Found(groups, name, old or new, _Places(document, scenario)))
            return _entity_changes(entity, key, about, old, new), []
    return _event_changes(old, new)


# --- small helpers --------------------------------------------------------------------------


def _object(text: str) -> Data | None:
    """The JSON object in ``text`` ({} for no text), or None for any other text."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def _unquoted(quoted: str) -> str:
    try:
        value = ast.literal_eval(quoted)
    except (ValueError, SyntaxError):
        return quoted[1:-1]
    return value if isinstance(value, str) else quoted[1:-1]


def _rows(value: Any) -> list[Data]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _only(values: list[Any]) -> str | None:
    """The one value found; None when none or several match (a guess would be worse)."""
    return str(values[0]) if len(values) == 1 and values[0] is not None else None


def _id(value: Any) -> str | None:
    return str(value)[:200] if value not in (None, "") else None


def _too_long(change: Data) -> bool:
    return any(
        len(json.dumps(change.get(f), ensure_ascii=False)) > LOG_VALUE_LENGTH
        for f in ("old", "new")
    )


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        return ", ".join(str(v) for v in value)
    return json.dumps(value, ensure_ascii=False)


def _shortened(text: str, length: int) -> str:
    return text if len(text) <= length else text[: max(0, length - len(SHORTENED))] + SHORTENED


def _fold(what: str, parts: list[tuple[str, str]]) -> str:
    """``what`` with the texts of ``parts`` after it (``— was: idee; nu: plan``), shortened to
    fit the field: only a text of thousands of characters loses its end."""
    parts = [(label, text) for label, text in parts if text]
    if not parts:
        return what
    room = max(0, WHAT_LENGTH - len(what) - 3 - sum(len(label) + 4 for label, _ in parts))
    each = room // len(parts)
    shown = [f"{label}: {_shortened(text, each)}" for label, text in parts]
    return f"{what} — " + "; ".join(shown) if what else "; ".join(shown)
