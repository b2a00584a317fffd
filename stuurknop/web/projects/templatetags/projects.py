"""Template filters for project pages."""

from __future__ import annotations

from django import template

from stuurknop.web.projects.roles import Role

register = template.Library()


@register.filter
def role_label(role: str | None) -> str:
    """The translated name of a role value (``bewerker`` → ``Bewerker``)."""
    return str(Role(role).label) if role else ""
