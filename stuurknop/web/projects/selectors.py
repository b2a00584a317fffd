"""Reads of projects: lists for a user, the project document, the engine's analysis."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet, Subquery

from stuurknop.document import ProjectDocument
from stuurknop.engine import Analysis, analyse
from stuurknop.model import load_model
from stuurknop.web.accounts.models import Membership
from stuurknop.web.projects.export import project_data
from stuurknop.web.projects.models import Project, ProjectMember, Scenario
from stuurknop.web.projects.permissions import AnyUser, projects_visible_to


def projects_for_user(user: AnyUser, *, archived: bool = False) -> QuerySet[Project]:
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


def scenario_analysis(project: Project, scenario: Scenario) -> Analysis:
    """Every analysis of the engine for one scenario of the project."""
    return analyse(load_model(project.model_version), project_document(project), scenario.name)


def project_members(project: Project) -> QuerySet[ProjectMember]:
    """The members of a project with their users and parties, beheerders first."""
    return (
        ProjectMember.objects.filter(project=project)
        .select_related("user", "party")
        .order_by("role", "user__username")
    )
