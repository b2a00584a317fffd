"""Staff see every organisation's positions and their history in the admin, read only: the
positions change through the strategy pages, which keep the history."""

from __future__ import annotations

from django.contrib import admin

from stuurknop.web.projects.admin import ReadOnlyAdmin
from stuurknop.web.strategy.models import StrategyChange, StrategyPositions


@admin.register(StrategyPositions)
class StrategyPositionsAdmin(ReadOnlyAdmin[StrategyPositions]):
    list_display = ("organisation", "version", "updated_at")
    search_fields = ("organisation__name", "organisation__slug")


@admin.register(StrategyChange)
class StrategyChangeAdmin(ReadOnlyAdmin[StrategyChange]):
    list_display = ("organisation", "at", "who", "what", "version")
    list_filter = ("organisation",)
    search_fields = ("organisation__name", "who", "what")
