"""The admin shows projects for support, but never edits their content.

Content changes go through the services (version check, document validation, log); the admin
would bypass all three, so project rows are read-only here. Members and invitations are the
exception support needs: removing access, revoking a link.
"""

from __future__ import annotations

from typing import TypeVar

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from stuurknop.web.projects.entities import (
    ACTION_ROW,
    ACTUAL_ROW,
    AGENDA_POINT,
    COST_ITEM,
    DECISION_ROW,
    FUNDING_LINE,
    INTEREST,
    KNOB_SETTING,
    LESSON_ROW,
    MEETING_ROW,
    PROJECT_PARTY,
    RowEntity,
    column,
)
from stuurknop.web.projects.models import (
    Action,
    Actual,
    AgendaPoint,
    CostItem,
    Decision,
    FundingLine,
    Interest,
    Invitation,
    KnobSetting,
    Lesson,
    LogEntry,
    Meeting,
    Project,
    ProjectMember,
    ProjectParty,
    Scenario,
)

_M = TypeVar("_M", bound=Model)


def admin_columns(
    entity: RowEntity,
    *,
    first: str,
    long: tuple[str, ...] = (),
    last: tuple[str, ...] = (),
    owner: str = "scenario",
) -> tuple[str, ...]:
    """A row entity's columns from its field table: ``first`` (the link), the rest but the
    ``long`` texts, its ``owner``, then ``last``."""
    rest = [column(name) for name in entity.fields() if column(name) not in (first, *long)]
    return (first, *rest, owner, *last)


class ReadOnlyInline(admin.TabularInline[_M, Project]):
    """The rows of a project, shown on its admin page and never changed there."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Project | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Project | None = None) -> bool:
        return False


class PartyInline(ReadOnlyInline[ProjectParty]):
    model = ProjectParty
    fields = [*(column(name) for name in PROJECT_PARTY.fields()), "organisation"]


class MemberInline(admin.TabularInline[ProjectMember, Project]):
    model = ProjectMember
    extra = 0
    fields = ["user", "role", "party"]
    readonly_fields = ["user", "role", "party"]

    def has_add_permission(self, request: HttpRequest, obj: Project | None = None) -> bool:
        return False


class ScenarioInline(ReadOnlyInline[Scenario]):
    model = Scenario
    fields = ["name", "chosen", "version"]
    readonly_fields = ["version"]
    show_change_link = True


class ReadOnlyAdmin(admin.ModelAdmin[_M]):
    """A list and a detail page to look at; adding, changing and deleting go via the app."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: _M | None = None) -> bool:
        return False


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin[Project]):
    list_display = [
        "name",
        "municipality",
        "phase",
        "created_by_organisation",
        "model_version",
        "archived",
        "created_at",
    ]
    list_filter = ["archived", "phase", "model_version"]
    search_fields = ["name", "municipality", "neighbourhood"]
    date_hierarchy = "created_at"
    inlines = [PartyInline, ScenarioInline, MemberInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Project | None = None) -> bool:
        return False


@admin.register(ProjectParty)
class ProjectPartyAdmin(ReadOnlyAdmin[ProjectParty]):
    list_display = (*admin_columns(PROJECT_PARTY, first="name", owner="project"), "organisation")
    list_filter = ["party_type", "at_table"]
    search_fields = ["name", "key", "project__name", "organisation__name"]
    list_select_related = ["project", "organisation"]


@admin.register(ProjectMember)
class ProjectMemberAdmin(admin.ModelAdmin[ProjectMember]):
    """Support may take someone's access away; roles are given in the app (it keeps a log)."""

    list_display = ["user", "project", "role", "party", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email", "project__name"]
    list_select_related = ["user", "project", "party"]
    readonly_fields = ["project", "user", "role", "party", "created_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Scenario)
class ScenarioAdmin(ReadOnlyAdmin[Scenario]):
    list_display = ["name", "project", "chosen", "version"]
    list_filter = ["chosen"]
    search_fields = ["name", "project__name"]
    list_select_related = ["project"]


@admin.register(KnobSetting)
class KnobSettingAdmin(ReadOnlyAdmin[KnobSetting]):
    list_display = admin_columns(
        KNOB_SETTING, first="knob", long=("elaboration", "answers"), last=("version",)
    )
    list_filter = ["status", "knob", "opening"]
    search_fields = ["scenario__name", "scenario__project__name", "elaboration"]
    list_select_related = ["scenario", "lead_party"]


@admin.register(CostItem)
class CostItemAdmin(ReadOnlyAdmin[CostItem]):
    list_display = admin_columns(COST_ITEM, first="description")
    list_filter = ["kind", "knob"]
    search_fields = ["description", "key", "scenario__project__name"]
    list_select_related = ["scenario"]


@admin.register(FundingLine)
class FundingLineAdmin(ReadOnlyAdmin[FundingLine]):
    list_display = admin_columns(FUNDING_LINE, first="key")
    list_filter = ["source", "status"]
    search_fields = ["key", "party__name", "cost_item__description", "scenario__project__name"]
    list_select_related = ["party", "cost_item", "scenario"]


@admin.register(Interest)
class InterestAdmin(ReadOnlyAdmin[Interest]):
    list_display = admin_columns(INTEREST, first="party", long=("reason",))
    list_filter = ["value", "weight"]
    search_fields = ["party__name", "scenario__project__name", "reason"]
    list_select_related = ["party", "scenario"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin[Invitation]):
    list_display = ["email", "project", "role", "expires_at", "accepted_at"]
    list_filter = ["role"]
    search_fields = ["email", "project__name"]
    readonly_fields = [f.name for f in Invitation._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(LogEntry)
class LogEntryAdmin(ReadOnlyAdmin[LogEntry]):
    """The project log is a record: nobody adds, changes or removes a line, not even staff."""

    list_display = ["at", "who", "what", "project", "scenario"]
    list_filter = ["at"]
    search_fields = ["who", "what", "project__name"]
    date_hierarchy = "at"
    list_select_related = ["project"]


# The meeting's paper trail: looked at for support, written only through the app.
@admin.register(Meeting)
class MeetingAdmin(ReadOnlyAdmin[Meeting]):
    list_display = (*admin_columns(MEETING_ROW, first="title", owner="project"), "version")
    search_fields = ["title", "place", "project__name"]
    list_select_related = ["project"]


@admin.register(AgendaPoint)
class AgendaPointAdmin(ReadOnlyAdmin[AgendaPoint]):
    list_display = admin_columns(
        AGENDA_POINT,
        first="title",
        long=("explanation", "minutes", "outcome"),
        owner="meeting",
        last=("version",),
    )
    list_filter = ["origin", "knob"]
    search_fields = ["title", "meeting__title", "meeting__project__name"]
    list_select_related = ["meeting", "brought_by"]


@admin.register(Decision)
class DecisionAdmin(ReadOnlyAdmin[Decision]):
    list_display = admin_columns(DECISION_ROW, first="title", long=("why",), owner="project")
    search_fields = ["title", "project__name"]
    list_select_related = ["project", "meeting", "point"]


@admin.register(Lesson)
class LessonAdmin(ReadOnlyAdmin[Lesson]):
    list_display = admin_columns(
        LESSON_ROW, first="title", long=("happened", "learned"), owner="project"
    )
    list_filter = ["shared"]
    search_fields = ["title", "project__name"]
    list_select_related = ["project"]


@admin.register(Action)
class ActionAdmin(ReadOnlyAdmin[Action]):
    list_display = admin_columns(ACTION_ROW, first="title", owner="project")
    list_filter = ["status"]
    search_fields = ["title", "owner_person", "project__name"]
    list_select_related = ["project", "owner_party", "decision", "meeting", "point"]


@admin.register(Actual)
class ActualAdmin(ReadOnlyAdmin[Actual]):
    list_display = admin_columns(ACTUAL_ROW, first="key", long=("note",))
    list_filter = ["year"]
    search_fields = ["key", "cost_item__description", "scenario__project__name"]
    list_select_related = ["cost_item", "funding_line", "scenario"]
