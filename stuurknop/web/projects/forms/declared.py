"""Form fields from the project file's declaration: label, help and bounds of each field.

The classes of :mod:`stuurknop.projectfile.schema` declare every field's Dutch ``title`` and help
(``description``) and its bounds; a form takes them from there, so a field added to the schema
appears in its form with its label. A form builds a field itself only where it needs more than
the schema says (a choice of the project's parties, a year within the project's horizon, the
model's words for a choice) and may ask a field as a question (``labels``); the label, help and
bounds it does not give come from the schema.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, get_args

from django import forms
from django.utils.text import capfirst
from django_stubs_ext import StrOrPromise
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from stuurknop.web.projects.forms.euro import EuroField

LONG_TEXT = 200  # a text allowed to be longer than this gets a text area


def declared_fields(
    schema: type[BaseModel],
    names: Sequence[str],
    *,
    built: Mapping[str, forms.Field],
    labels: Mapping[str, StrOrPromise] | None = None,
    help_texts: Mapping[str, StrOrPromise] | None = None,
) -> dict[str, forms.Field]:
    """The form fields for ``names`` of ``schema``, in that order: ``built`` where the form made
    one, else a plain field from the schema's type and bounds; each labelled with ``labels`` or
    the schema's title, with ``help_texts`` or the schema's description as help."""
    fields: dict[str, forms.Field] = {}
    for name in names:
        info = schema.model_fields[name]
        field = built[name] if name in built else plain_field(info)
        field.label = (labels or {}).get(name) or capfirst(info.title or name)
        field.help_text = (help_texts or {}).get(name, info.description or "")
        fields[name] = field
    return fields


def label_of(schema: type[BaseModel], name: str) -> str:
    """The label a form shows for ``name`` when it does not ask it otherwise."""
    return str(capfirst(schema.model_fields[name].title or name))


def plain_field(info: FieldInfo) -> forms.Field:
    """A form field for a text, number, amount or yes/no of the schema, with its bounds."""
    kind, bounds = _unwrapped(info)
    required = info.is_required()
    if kind is bool:
        return forms.BooleanField(required=False)
    if kind is Decimal:
        return EuroField(required=required)
    if kind is int:
        return forms.IntegerField(
            required=required, min_value=bounds.get("ge"), max_value=bounds.get("le")
        )
    max_length = bounds.get("max_length")
    widget = forms.Textarea if max_length is None or max_length > LONG_TEXT else forms.TextInput
    return forms.CharField(
        required=required and bounds.get("min_length", 0) > 0,
        max_length=max_length,
        widget=widget,
    )


def bounds(schema: type[BaseModel], name: str) -> dict[str, Any]:
    """The declared bounds of ``name`` of ``schema``: ``ge``, ``le``, ``max_length``, …"""
    return _unwrapped(schema.model_fields[name])[1]


def item_field(schema: type[BaseModel], name: str) -> forms.Field:
    """A plain form field for one item of the list field ``name`` (an answer of ``answers``)."""
    (item,) = get_args(schema.model_fields[name].annotation)
    return plain_field(FieldInfo.from_annotation(item))


def _unwrapped(info: FieldInfo) -> tuple[Any, dict[str, Any]]:
    """The field's type without ``None`` and its bounds (``ge``, ``le``, ``max_length``, …)."""
    annotation: Any = info.annotation
    metadata: list[Any] = list(info.metadata)
    while True:
        args = [a for a in get_args(annotation) if a is not type(None)]
        if hasattr(annotation, "__metadata__"):  # Annotated[...]
            metadata += list(annotation.__metadata__)
            annotation = annotation.__origin__
        elif len(args) == 1 and type(None) in get_args(annotation):  # X | None
            annotation = args[0]
        else:
            break
    bounds: dict[str, Any] = {}
    for item in metadata:
        for name in ("ge", "le", "min_length", "max_length"):
            value = getattr(item, name, None)
            if value is not None:
                bounds[name] = value
        if isinstance(item, FieldInfo):
            bounds.update(_unwrapped(item)[1])
    return annotation, bounds
