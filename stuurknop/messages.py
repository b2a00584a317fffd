"""Pydantic's validation messages in Dutch, for the model's owners and for project files."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic_core import ErrorDetails

MESSAGES: Mapping[str, str] = {
    "missing": "ontbreekt",
    "extra_forbidden": "onbekend veld",
    "greater_than_equal": "moet ≥ {ge} zijn",
    "greater_than": "moet > {gt} zijn",
    "less_than_equal": "moet ≤ {le} zijn",
    "less_than": "moet < {lt} zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_type": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "decimal_parsing": "moet een getal zijn",
    "decimal_type": "moet een getal zijn",
    "decimal_max_places": "mag hoogstens {decimal_places} decimalen hebben",
    "finite_number": "moet een eindig getal zijn",
    "string_type": "moet tekst zijn",
    "string_too_short": "mag niet leeg zijn",
    "string_too_long": "mag hoogstens {max_length} tekens lang zijn",
    "string_pattern_mismatch": "heeft geen geldige vorm (letters, cijfers, - en _)",
    "bool_parsing": "moet waar of onwaar zijn",
    "bool_type": "moet waar of onwaar zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een object zijn",
    "model_type": "moet een object zijn",
    "too_short": "moet minstens {min_length} element(en) bevatten",
    "too_long": "mag hoogstens {max_length} elementen bevatten",
    "literal_error": "moet een van deze zijn: {expected}",
    "enum": "moet een van deze zijn: {expected}",
    "date_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_from_datetime_parsing": "moet een datum zijn (JJJJ-MM-DD)",
    "date_type": "moet een datum zijn (JJJJ-MM-DD)",
    "datetime_parsing": "moet een tijdstip zijn (JJJJ-MM-DDTuu:mm)",
    "datetime_from_date_parsing": "moet een tijdstip zijn (JJJJ-MM-DDTuu:mm)",
    "datetime_type": "moet een tijdstip zijn (JJJJ-MM-DDTuu:mm)",
}


def dutch_message(err: ErrorDetails) -> str:
    """The Dutch message for one pydantic error; pydantic's own text when we have none."""
    template = MESSAGES.get(err["type"])
    ctx = {k: _plain(v) for k, v in (err.get("ctx") or {}).items()}
    if "expected" in ctx:  # pydantic lists the choices as "'a', 'b' or 'c'"
        ctx["expected"] = ctx["expected"].replace(" or ", " of ")
    try:
        return template.format(**ctx) if template else err["msg"]
    except (KeyError, IndexError):
        return err["msg"]


def _plain(value: Any) -> str:
    text = str(value)
    return text.replace("'", "") if isinstance(value, str) else text
