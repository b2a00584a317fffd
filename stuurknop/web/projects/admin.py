"""The admin shows projects for support, but never edits their content.

Content changes go through the services (version check, document validation, log); the admin
would bypass all three, so project rows are read-only here. Members and invitations are the
exception support needs: removing access, revoking a link.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from stuurknop.web.projects.models import Invitation, Project, ProjectMember, ProjectParty


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PartyInline(ReadOnlyInline):
    model = ProjectParty
    fields = ["key", "name", "party_type", "at_table", "organisation"]


class MemberInline(admin.TabularInline):
    model = ProjectMember
    extra = 0
    fields = ["user", "role", "party"]
    readonly_fields = ["user", "role", "party"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "phase", "created_by_organisation", "archived"]
    list_filter = ["archived", "phase", "model_version"]
    search_fields = ["name", "municipality"]
    inlines = [PartyInline, MemberInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "project", "role", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "project__name"]
    readonly_fields = [f.name for f in Invitation._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
