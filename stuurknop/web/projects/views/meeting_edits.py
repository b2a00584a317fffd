"""Correcting what was written: an agenda point (what it is about, its knob or value, who
brings it in), a decision (its review date, who decided, …) and an action (who, by when).
Each page is a form with the version the editor saw; a save of someone else's newer version
is a conflict, said on the page, and nothing is overwritten."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.forms.errors import add_document_errors
from stuurknop.web.projects.forms.meetings import ActionForm, DecisionForm, PointForm
from stuurknop.web.projects.models import Action, Decision, Meeting, Project
from stuurknop.web.projects.permissions import meeting_role, project_role, require_editable
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.decisions import action_update, decision_update
from stuurknop.web.projects.services.meetings import point_update
from stuurknop.web.projects.views.common import project_context
from stuurknop.web.projects.views.decisions import cost_item_choices, funding_line_choices


@meeting_role(Role.BEWERKER)
def point_edit(
    request: AuthenticatedHttpRequest, project: Project, meeting: Meeting, point_id: int
) -> HttpResponse:
    require_editable(request.user, project)
    point = meeting.points.filter(pk=point_id).select_related("meeting", "brought_by").first()
    if point is None:
        raise Http404()
    context = project_context(request, project, tab="meetings")
    initial = {
        "title": point.title,
        "explanation": point.explanation,
        "knob": point.knob,
        "value": point.value or "",
        "brought_by": point.brought_by.key if point.brought_by else "",
    }
    form = PointForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        model=context["model"],
        parties=list(project.parties.all()),
    )
    back = reverse("meeting_page", args=[project.pk, meeting.pk]) + f"#punt-{point.pk}"

    def save(version: int) -> None:
        point_update(
            point=point, by=request.user, expected_version=version, **form.data_for_service()
        )

    return _edit(
        request,
        context,
        form,
        save,
        version=point.version,
        title=_("Agendapunt wijzigen: %(t)s") % {"t": point.title},
        back=back,
        said=_("Agendapunt opgeslagen."),
    )


@project_role(Role.BEWERKER)
def decision_edit(
    request: AuthenticatedHttpRequest, project: Project, decision_id: int
) -> HttpResponse:
    require_editable(request.user, project)
    decision = Decision.objects.filter(pk=decision_id, project=project).first()
    if decision is None:
        raise Http404()
    context = project_context(request, project, tab="meetings")
    initial = {
        "title": decision.title,
        "why": decision.why,
        "decided_by": list(decision.decided_by),
        "date": decision.date,
        "review_date": decision.review_date,
        "knobs": [str(k) for k in decision.knobs],
        "cost_items": list(decision.cost_items),
        "funding_lines": list(decision.funding_lines),
    }
    form = DecisionForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        model=context["model"],
        parties=list(project.parties.all()),
        cost_items=cost_item_choices(project),
        funding_lines=funding_line_choices(project),
    )

    def save(version: int) -> None:
        decision_update(
            decision=decision, by=request.user, expected_version=version, **form.data_for_service()
        )

    return _edit(
        request,
        context,
        form,
        save,
        version=decision.version,
        title=_("Besluit wijzigen: %(t)s") % {"t": decision.title},
        back=reverse("decisions_page", args=[project.pk]) + f"#besluit-{decision.pk}",
        said=_("Besluit opgeslagen."),
    )


@project_role(Role.BEWERKER)
def action_edit(
    request: AuthenticatedHttpRequest, project: Project, action_id: int
) -> HttpResponse:
    require_editable(request.user, project)
    action = (
        Action.objects.filter(pk=action_id, project=project).select_related("owner_party").first()
    )
    if action is None:
        raise Http404()
    context = project_context(request, project, tab="meetings")
    initial = {
        "title": action.title,
        "owner_party": action.owner_party.key if action.owner_party else "",
        "owner_person": action.owner_person,
        "due": action.due,
    }
    form = ActionForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        parties=list(project.parties.all()),
    )

    def save(version: int) -> None:
        action_update(
            action=action, by=request.user, expected_version=version, **form.data_for_service()
        )

    return _edit(
        request,
        context,
        form,
        save,
        version=action.version,
        title=_("Actie wijzigen: %(t)s") % {"t": action.title},
        back=reverse("decisions_page", args=[project.pk]) + f"#actie-{action.pk}",
        said=_("Actie opgeslagen."),
    )


def _edit(
    request: HttpRequest,
    context: dict[str, Any],
    form: Any,
    save: Any,
    *,
    version: int,
    title: str,
    back: str,
    said: str,
) -> HttpResponse:
    status = 200
    if request.method == "POST":
        try:
            version = int(request.POST.get("version", ""))
        except ValueError:
            version = 0
        if form.is_valid():
            try:
                save(version)
            except DocumentInvalid as exc:
                add_document_errors(form, exc)
            except Conflict as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, said)
                return redirect(back)
        status = 400
    context.update(form=form, version=version, title=title, back=back)
    return render(request, "projects/meetings/edit_row.html", context, status=status)


urlpatterns = [
    path(
        "projecten/<int:project_id>/overleg/<int:meeting_id>/punten/<int:point_id>/wijzigen/",
        point_edit,
        name="point_edit",
    ),
    path(
        "projecten/<int:project_id>/besluiten/<int:decision_id>/wijzigen/",
        decision_edit,
        name="decision_edit",
    ),
    path(
        "projecten/<int:project_id>/acties/<int:action_id>/wijzigen/",
        action_edit,
        name="action_edit",
    ),
]
