"""Setting a project up: create it (basics, then the parties at the table), change its basics
and its parties later.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.accounts.selectors import organisations_for_user
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.forms.errors import add_document_errors
from stuurknop.web.projects.forms.projects import (
    BasicsEditForm,
    BasicsForm,
    CreateForm,
    PartyForm,
    posted,
)
from stuurknop.web.projects.models import LogEntry, Project, ProjectParty
from stuurknop.web.projects.permissions import project_role, require_editable
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import organisations_visible_to
from stuurknop.web.projects.services import projects as project_services
from stuurknop.web.projects.views.common import project_context

BASICS_FIELDS = tuple(BasicsForm.base_fields)
BASICS_CHANGED = "Projectgegevens gewijzigd"  # the log line of project_basics_update
STEP_TWO = "2"  # ?stap=2: the parties page as the second step of a new project


def project_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Step 1 of a new project: its basics. The creator becomes its beheerder."""
    organisations = organisations_for_user(request.user)
    form = CreateForm(posted(request), organisations=organisations)
    if request.method == "POST" and organisations and form.is_valid():
        data = dict(form.cleaned_data)
        organisation = data.pop("organisation")
        try:
            project = project_services.project_create(
                by=request.user, organisation=organisation, **data
            )
        except DocumentInvalid as exc:
            add_document_errors(form, exc)
        else:
            return redirect(_parties_url(project, step=True))
    return render(
        request,
        "projects/create/basics.html",
        {"form": form, "has_organisation": organisations.exists()},
        status=400 if form.is_bound else 200,
    )


@project_role(Role.BEWERKER)
def project_basics(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Change the basics; a save over someone else's newer one shows both, overwrites nothing."""
    require_editable(request.user, project)
    form = BasicsEditForm(posted(request), initial=_basics(project))
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            project_services.project_basics_update(
                project=project, by=request.user, expected_version=version, **data
            )
        except Conflict as exc:
            project.refresh_from_db()
            conflict = _conflict(exc, project, data)
            form = BasicsEditForm(initial=_basics(project))
        except DocumentInvalid as exc:
            add_document_errors(form, exc)
        else:
            messages.success(request, _("De projectgegevens zijn opgeslagen."))
            return redirect("project_detail", project.pk)
    return render(
        request,
        "projects/create/basics_edit.html",
        project_context(request, project, tab="basics", form=form, conflict=conflict),
        status=409 if conflict else 400 if form.is_bound else 200,
    )


@project_role(Role.LEZER)
def project_parties(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Who is at the table (and who is named beside it); a beheerder adds and changes them."""
    return _parties_page(request, project, form=None)


@project_role(Role.BEHEERDER)
@require_POST
def project_party_add(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Add a party; on bad input the parties page comes back with the errors by the fields."""
    require_editable(request.user, project)
    form = _party_form(request, project, data=request.POST)
    if form.is_valid():
        try:
            party = project_services.project_party_add(
                project=project, by=request.user, **form.cleaned_data
            )
        except DocumentInvalid as exc:
            add_document_errors(form, exc)
        else:
            messages.success(request, _("%(name)s is toegevoegd.") % {"name": party.name})
            return redirect(_parties_url(project, step=request.POST.get("stap") == STEP_TWO))
    return _parties_page(request, project, form=form, status=400)


@project_role(Role.BEHEERDER)
def project_party_edit(
    request: AuthenticatedHttpRequest, project: Project, party_id: int
) -> HttpResponse:
    """Change one party: its name, type, seat at the table or linked organisation."""
    require_editable(request.user, project)
    party = get_object_or_404(ProjectParty, pk=party_id, project=project)
    initial = {
        "name": party.name,
        "party_type": party.party_type,
        "at_table": "ja" if party.at_table else "nee",
        "organisation": party.organisation_id,
    }
    form = _party_form(request, project, data=posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            project_services.project_party_update(
                project=project, party=party, by=request.user, **form.cleaned_data
            )
        except DocumentInvalid as exc:
            add_document_errors(form, exc)
        else:
            messages.success(request, _("%(name)s is opgeslagen.") % {"name": party.name})
            return redirect("project_parties", project.pk)
    return render(
        request,
        "projects/create/party_edit.html",
        project_context(request, project, tab="parties", form=form, party=party),
        status=400 if form.is_bound else 200,
    )


def _parties_page(
    request: HttpRequest, project: Project, *, form: PartyForm | None, status: int = 200
) -> HttpResponse:
    context = project_context(request, project, tab="parties")
    manage = context["is_beheerder"] and not project.archived
    suggestions = []
    if manage:
        form = form or _party_form(request, project, initial={"at_table": "ja"})
        # Organisations the beheerder works with that have no seat yet: one click to add.
        linked = project.parties.exclude(organisation=None).values("organisation")
        suggestions = list(organisations_visible_to(request.user).exclude(pk__in=linked))
    party_types = {t.id: t.name for t in context["model"].party_types}
    step = (request.GET.get("stap") or request.POST.get("stap")) == STEP_TWO
    context.update(
        parties=[
            (party, party_types.get(party.party_type, party.party_type))
            for party in project.parties.select_related("organisation")
        ],
        form=form if manage else None,
        manage=manage,
        suggestions=suggestions,
        step=step,
    )
    return render(request, "projects/create/parties.html", context, status=status)


def _party_form(request: HttpRequest, project: Project, **kwargs: Any) -> PartyForm:
    return PartyForm(
        kwargs.pop("data", None),
        model_version=project.model_version,
        organisations=organisations_visible_to(request.user),
        **kwargs,
    )


def _parties_url(project: Project, *, step: bool) -> str:
    url = reverse("project_parties", args=[project.pk])
    return f"{url}?stap={STEP_TWO}" if step else url


def _basics(project: Project) -> dict[str, Any]:
    return {
        **{name: getattr(project, name) for name in BASICS_FIELDS},
        "version": project.version,
    }


def _conflict(exc: Conflict, project: Project, mine: dict[str, Any]) -> dict[str, Any]:
    """Both versions side by side, and who saved the stored one when (from the log)."""
    stored = _basics(project)
    form = BasicsForm()
    last = LogEntry.objects.filter(project=project, what=BASICS_CHANGED).order_by("-id").first()
    return {
        "message": str(exc),
        "rows": [
            (form.fields[name].label, mine.get(name), stored[name], mine.get(name) != stored[name])
            for name in BASICS_FIELDS
        ],
        "last": last,
    }


urlpatterns = [
    path("projecten/nieuw/", project_create, name="project_create"),
    path("projecten/<int:project_id>/gegevens/", project_basics, name="project_basics"),
    path("projecten/<int:project_id>/partijen/", project_parties, name="project_parties"),
    path(
        "projecten/<int:project_id>/partijen/toevoegen/",
        project_party_add,
        name="project_party_add",
    ),
    path(
        "projecten/<int:project_id>/partijen/<int:party_id>/",
        project_party_edit,
        name="project_party_edit",
    ),
]
