"""Template filters for project pages."""

from __future__ import annotations

from django import template

from stuurknop.gespreksmodel import Model
from stuurknop.web.projects.roles import Role

register = template.Library()


@register.filter
def role_label(role: str | None) -> str:
    """The translated name of a role value (``bewerker`` → ``Bewerker``)."""
    return str(Role(role).label) if role else ""


@register.filter
def document_title(model: Model, file: str) -> str:
    """The title of a seed document the model cites: ``{{ model|document_title:ref.file }}``."""
    return model.document_title(file)
