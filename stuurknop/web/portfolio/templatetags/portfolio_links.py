"""The "Portefeuille" link of each organisation a person works at (the project list)."""

from __future__ import annotations

from typing import Any

from django import template

from stuurknop.web.accounts.selectors import organisations_for_user

register = template.Library()


@register.inclusion_tag("portfolio/_links.html")
def portfolio_links(user: Any) -> dict[str, Any]:
    return {"organisations": list(organisations_for_user(user).order_by("name"))}
