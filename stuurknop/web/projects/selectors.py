"""Reads of projects: lists for a user, the project document, the engine's analysis."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from stuurknop.engine import Analysis, analyse
from stuurknop.gespreksmodel import load_model
from stuurknop.projectfile import ProjectDocument
from stuurknop.web.accounts.models import Membership, Organisation
from stuurknop.web.projects.models import (
    Interest,
    LogEntry,
    Project,
    ProjectMember,
    Scenario,
)
from stuurknop.web.projects.permissions import AnyUser, projects_visible_to
from stuurknop.web.projects.project_file import project_data


class ListedAnnotations(TypedDict):
    """What :func:`projects_for_user` adds to each project."""

    my_role: str | None
    is_own: bool


if TYPE_CHECKING:
    # A project with those annotations; only a type (at run time it takes one argument).
    from django_stubs_ext import WithAnnotations

    ListedProject = WithAnnotations[Project, ListedAnnotations]


def projects_for_user(user: AnyUser, *, archived: bool = False) -> QuerySet[ListedProject]:
    """The projects ``user`` is a member of, with ``my_role`` and ``is_own`` annotated.

    ``is_own``: made by an organisation the user works at (the "mine" list); the others are
    shared with the user by a partner. ``archived=True`` lists the archive instead.
    """
    role = ProjectMember.objects.filter(project=OuterRef("pk"), user=user.pk).values("role")[:1]
    own = Membership.objects.filter(organisation=OuterRef("created_by_organisation"), user=user.pk)
    return (
        projects_visible_to(user)
        .filter(archived=archived)
        .annotate(my_role=Subquery(role), is_own=Exists(own))
        .select_related("created_by_organisation")
        .order_by("name", "id")
    )


def project_document(project: Project) -> ProjectDocument:
    """The project as its document (the export, and the engine's input).

    Rows were validated when they were written, so this only builds the document; exporting it
    and importing the result gives the same document again.
    """
    return ProjectDocument.model_validate(project_data(project))


_T = TypeVar("_T")


def project_revision(project: Project) -> int:
    """A number that changes whenever the project's document changes.

    Every write service appends to the project's log in the same transaction (a test holds
    them to it), so the newest log entry's id is the revision.
    """
    newest = (
        LogEntry.objects.filter(project=project).order_by("-id").values_list("id", flat=True)
    ).first()
    return newest or 0


class _LocalMemo:
    """A small, thread-safe LRU of this process in front of the shared cache: a hit costs no
    unpickling. Keys carry the project's revision, so an entry is never stale, only unused."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.items: OrderedDict[str, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: str) -> Any:
        with self.lock:
            value = self.items.get(key)
            if value is not None:
                self.items.move_to_end(key)
            return value

    def put(self, key: str, value: Any) -> None:
        with self.lock:
            self.items[key] = value
            self.items.move_to_end(key)
            while len(self.items) > self.size:
                self.items.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()


_local = _LocalMemo(512)


def forget_local_cache() -> None:
    """Empty this process's memo (tests do, as their rolled-back ids repeat)."""
    _local.clear()


def cached_for_revision(
    project: Project, name: str, compute: Callable[[], _T], *, revision: int | None = None
) -> _T:
    """``compute()``, cached under ``name`` until the project changes.

    For figures derived from the project document only (analyses, charts, rendered page
    bodies), never for anything that depends on who asks beyond what ``name`` says: permissions
    are checked before this is reached. Looked up in this process's memo first, then in the
    shared cache (Redis when configured), computed on a miss and stored in both.
    """
    key = revision_key(project, name, revision=revision)
    value = cached_value(key)
    if value is None:
        value = compute()
        remember(key, value)
    return value  # type: ignore[no-any-return]


def revision_key(project: Project, name: str, *, revision: int | None = None) -> str:
    """The cache key of ``name`` for the project as it is now (or at ``revision``)."""
    if revision is None:
        revision = project_revision(project)
    return f"project:{project.pk}:r{revision}:{project.model_version}:{name}"


def cached_value(key: str) -> Any:
    """What :func:`remember` stored under ``key`` (this process first, then shared), or None."""
    value = _local.get(key)
    if value is None:
        value = cache.get(key)
        if value is not None:
            _local.put(key, value)
    return value


def remember(key: str, value: Any) -> None:
    """Keep ``value`` under a key of :func:`revision_key`; safe from any thread."""
    cache.set(key, value)
    _local.put(key, value)


def scenario_analysis(project: Project, scenario: Scenario) -> Analysis:
    """Every analysis of the engine for one scenario of the project (cached per revision)."""
    return cached_for_revision(
        project,
        f"analysis:{scenario.pk}",
        lambda: analyse(
            load_model(project.model_version), project_document(project), scenario.name
        ),
    )


def project_members(project: Project) -> QuerySet[ProjectMember]:
    """The members of a project with their users and parties, beheerders first."""
    return (
        ProjectMember.objects.filter(project=project)
        .select_related("user", "party")
        .order_by("role", "user__username")
    )


def organisations_visible_to(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations ``user`` may link a party to: their own, and those they already work
    with (linked to a party of, or employing a member of, a project the user is a member of).
    """
    projects = projects_visible_to(user)
    return (
        Organisation.objects.filter(
            Q(memberships__user=user.pk)
            | Q(project_parties__project__in=projects)
            | Q(memberships__user__project_memberships__project__in=projects)
        )
        .distinct()
        .order_by("name")
    )


def interests_by_party(scenario: Scenario) -> dict[int, dict[str, Interest]]:
    """The weights of a scenario as rows (with their versions, for editing): by the party's row
    id, then by value id.
    """
    result: dict[int, dict[str, Interest]] = {}
    for interest in Interest.objects.filter(scenario=scenario):
        result.setdefault(interest.party_id, {})[interest.value] = interest
    return result


def last_change(project: Project, what_starts_with: str, *, scenario: str = "") -> LogEntry | None:
    """The newest log entry whose text starts with ``what_starts_with`` (who changed it, when):
    shown beside a conflict, so that the editor knows whose version they are looking at.
    """
    entries = LogEntry.objects.filter(project=project, what__startswith=what_starts_with)
    if scenario:
        entries = entries.filter(scenario=scenario)
    return entries.order_by("-id").first()
