"""A service's validation errors, put beside the form fields they are about."""

from __future__ import annotations

from collections.abc import Callable

from django import forms

from stuurknop.projectfile import DocumentInvalid


def first_segment(path: str) -> str:
    """``homes`` → homes; ``routes[1]`` → routes; ``party.name`` → party."""
    return path.split(".")[0].split("[")[0]


def add_document_errors(
    form: forms.Form,
    invalid: DocumentInvalid,
    *,
    field_for: Callable[[str], str] = first_segment,
) -> None:
    """Put each error of ``invalid`` beside the visible field ``field_for(error.path)`` names,
    with its message starting in capitals; an error about no visible field goes on top of the
    form with its Dutch location (say, a cost outside a horizon that was just shortened).
    """
    for error in invalid.errors:
        name = field_for(error.path)
        field = form.fields.get(name)
        if field is not None and not field.widget.is_hidden:
            form.add_error(name, error.message[:1].upper() + error.message[1:])
        else:
            form.add_error(None, str(error))
