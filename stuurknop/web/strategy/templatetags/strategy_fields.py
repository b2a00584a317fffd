"""``form|bound:name``: a form's field by a name held in a variable (the strategy form's groups)."""

from __future__ import annotations

from django import forms, template

register = template.Library()


@register.filter
def bound(form: forms.Form, name: str) -> forms.BoundField:
    return form[name]
