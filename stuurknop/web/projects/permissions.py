"""Who may do what with a project: the one place that decides it.

Views use :func:`project_for` or the :func:`project_role` decorator; services call
:func:`require_role` / :func:`require_editable` again, so a new face (API, CLI, live session)
cannot forget the check. Someone who is not a member gets a plain 404, exactly as for a project
that does not exist, so that the name or even the existence of a project never leaks.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from stuurknop.web.accounts.models import Organisation
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.models import Meeting, Project, ProjectMember, Scenario
from stuurknop.web.projects.roles import Role

AnyUser = User | AnonymousUser
P = ParamSpec("P")


def projects_visible_to(user: AnyUser) -> QuerySet[Project]:
    """Every project ``user`` is a member of (archived ones included)."""
    if not user.is_authenticated:
        return Project.objects.none()
    return Project.objects.filter(members__user=user)


def role_of(user: AnyUser, project: Project) -> Role | None:
    """The user's role in ``project``, or None for someone who is not a member."""
    if not user.is_authenticated:
        return None
    role = (
        ProjectMember.objects.filter(project=project, user=user)
        .values_list("role", flat=True)
        .first()
    )
    return Role(role) if role else None


def require_role(user: AnyUser, project: Project, role_at_least: Role | str) -> Role:
    """The user's role if it is at least ``role_at_least``.

    Raises :class:`Http404` for a non-member and :class:`PermissionDenied` for a member whose
    role is too low (a member knows the project exists; an outsider must not learn it).
    """
    role = role_of(user, project)
    if role is None:
        raise Http404()
    if not role.at_least(role_at_least):
        raise PermissionDenied(
            _("Hiervoor is de rol %(role)s nodig.") % {"role": Role(role_at_least).label}
        )
    return role


def require_editable(user: AnyUser, project: Project) -> Role:
    """A bewerker or beheerder, on a project that is not archived (archived means read-only)."""
    role = require_role(user, project, Role.BEWERKER)
    if project.archived:
        raise PermissionDenied(_("Dit project is gearchiveerd; haal het eerst uit het archief."))
    return role


def project_for(user: AnyUser, project_id: int | str, role_at_least: Role | str) -> Project:
    """The project ``project_id`` if ``user`` has at least ``role_at_least`` in it.

    A missing project and a project of which the user is not a member both raise
    :class:`Http404`; a member with too low a role gets :class:`PermissionDenied`.
    """
    try:
        project = Project.objects.get(pk=int(project_id))
    except (Project.DoesNotExist, ValueError, TypeError):
        raise Http404() from None
    # Kept on the instance for this request, so the page need not ask the database again.
    project.viewer_role = require_role(user, project, role_at_least)  # type: ignore[attr-defined]
    return project


def project_role(
    role_at_least: Role | str,
) -> Callable[
    [Callable[Concatenate[AuthenticatedHttpRequest, Project, P], HttpResponse]],
    Callable[..., HttpResponse],
]:
    """Decorate a function view ``view(request, project, …)`` routed with ``<project_id>``.

    An anonymous visitor is sent to the login page (for every id alike, so nothing leaks).
    """

    def decorate(
        view: Callable[Concatenate[AuthenticatedHttpRequest, Project, P], HttpResponse],
    ) -> Callable[..., HttpResponse]:
        @login_required
        @functools.wraps(view)
        def wrapper(
            request: AuthenticatedHttpRequest, project_id: int, *args: Any, **kwargs: Any
        ) -> HttpResponse:
            project = project_for(request.user, project_id, role_at_least)
            return view(request, project, *args, **kwargs)

        return wrapper

    return decorate


def scenario_role(
    role_at_least: Role | str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view ``view(request, project, scenario, …)`` routed with ``<project_id>``
    and ``<scenario_id>``.

    The access check is :func:`project_role`'s; a scenario of another project is a 404 as well,
    so that a member of one project cannot reach another project through a scenario id.
    """

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @project_role(role_at_least)
        @functools.wraps(view)
        def wrapper(
            request: AuthenticatedHttpRequest,
            project: Project,
            scenario_id: int,
            *args: Any,
            **kwargs: Any,
        ) -> HttpResponse:
            try:
                scenario = Scenario.objects.get(pk=int(scenario_id), project=project)
            except (Scenario.DoesNotExist, ValueError, TypeError):
                raise Http404() from None
            return view(request, project, scenario, *args, **kwargs)

        return wrapper

    return decorate


def meeting_role(
    role_at_least: Role | str,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view ``view(request, project, meeting, …)`` routed with ``<project_id>`` and
    ``<meeting_id>``: :func:`project_role`'s check, and a meeting of another project is a 404."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @project_role(role_at_least)
        @functools.wraps(view)
        def wrapper(
            request: AuthenticatedHttpRequest,
            project: Project,
            meeting_id: int,
            *args: Any,
            **kwargs: Any,
        ) -> HttpResponse:
            meeting = Meeting.objects.filter(pk=meeting_id, project=project).first()
            if meeting is None:
                raise Http404()
            return view(request, project, meeting, *args, **kwargs)

        return wrapper

    return decorate


def organisation_for(user: AnyUser, slug: str) -> Organisation:
    """The organisation ``slug`` if ``user`` works there (a Membership) or is staff.

    Its portfolio and positions are for its own people; anyone else gets :class:`Http404`,
    exactly as for an organisation that does not exist, so that nothing about it leaks. Opening
    one of its projects still takes project membership (:func:`project_for`).
    """
    if not user.is_authenticated:
        raise Http404()
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None:
        raise Http404()
    if not user.is_staff and not organisation.memberships.filter(user=user).exists():
        raise Http404()
    return organisation


def organisation_member() -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view ``view(request, organisation, …)`` routed with ``<organisation_slug>``:
    the sign-in and :func:`organisation_for`'s check, in one place."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @login_required
        @functools.wraps(view)
        def wrapper(
            request: AuthenticatedHttpRequest, organisation_slug: str, *args: Any, **kwargs: Any
        ) -> HttpResponse:
            organisation = organisation_for(request.user, organisation_slug)
            return view(request, organisation, *args, **kwargs)

        return wrapper

    return decorate
