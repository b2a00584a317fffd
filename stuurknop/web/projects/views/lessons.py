"""What the project learned and whether it is a concept to scale: the lessons page (add, edit,
delete; a shared lesson is marked), and the scale-up page (the conditions the engine derives
from the project, and the partners' verdict with its reasons)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stuurknop.engine.evaluation import conditions
from stuurknop.engine.reviews import decision_reviews
from stuurknop.gespreksmodel import load_model
from stuurknop.presentation.evaluation import conditions_blocks, verdict_blocks
from stuurknop.presentation.reviews import review_blocks
from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.forms.errors import add_document_errors
from stuurknop.web.projects.forms.lessons import LessonForm, ScaleUpForm
from stuurknop.web.projects.lesson_sharing import shared_lessons
from stuurknop.web.projects.models import Lesson, Project
from stuurknop.web.projects.permissions import project_role, require_editable
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services.lessons import (
    lesson_create,
    lesson_delete,
    lesson_update,
    scale_up_save,
    scale_up_version,
)
from stuurknop.web.projects.views.common import project_context

TAB = "meetings"


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return 0


@project_role(Role.LEZER)
def lessons_page(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """The project's lessons, a form to add one (for an editor), and the lessons other projects
    of the organisations at this table share."""
    context = project_context(request, project, tab=TAB)
    form = None
    status = 200
    if context["can_edit"]:
        data = request.POST if request.method == "POST" else None
        form = LessonForm(data, model=context["model"])
        if data is not None:
            if form.is_valid():
                try:
                    lesson_create(project=project, by=request.user, **form.data_for_service())
                except DocumentInvalid as exc:
                    add_document_errors(form, exc)
                else:
                    messages.success(request, _("Les vastgelegd."))
                    return redirect("lessons_page", project.pk)
            status = 400
    elif request.method == "POST":
        require_editable(request.user, project)
    model = context["model"]
    context.update(
        lessons=[
            {
                "lesson": lesson,
                "knobs": [f"{k}. {model.knob(k).name}" for k in lesson.knobs],
            }
            for lesson in project.lessons.all()
        ],
        form=form,
        shared=shared_lessons(project),
    )
    return render(request, "projects/lessons/lessons.html", context, status=status)


def _lesson(project: Project, lesson_id: int) -> Lesson:
    lesson = Lesson.objects.filter(pk=lesson_id, project=project).first()
    if lesson is None:
        raise Http404()
    return lesson


@project_role(Role.BEWERKER)
def lesson_edit(
    request: AuthenticatedHttpRequest, project: Project, lesson_id: int
) -> HttpResponse:
    require_editable(request.user, project)
    lesson = _lesson(project, lesson_id)
    context = project_context(request, project, tab=TAB)
    initial = {
        "title": lesson.title,
        "happened": lesson.happened,
        "learned": lesson.learned,
        "knobs": [str(k) for k in lesson.knobs],
        "themes": list(lesson.themes),
        "date": lesson.date,
        "shared": lesson.shared,
    }
    form = LessonForm(
        request.POST if request.method == "POST" else None, initial=initial, model=context["model"]
    )
    version = lesson.version
    status = 200
    if request.method == "POST":
        version = _version(request)
        if form.is_valid():
            try:
                lesson_update(
                    lesson=lesson,
                    by=request.user,
                    expected_version=version,
                    **form.data_for_service(),
                )
            except DocumentInvalid as exc:
                add_document_errors(form, exc)
            except Conflict as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Les opgeslagen."))
                return redirect(reverse("lessons_page", args=[project.pk]) + f"#les-{lesson.pk}")
        status = 400
    context.update(
        form=form,
        version=version,
        title=_("Les wijzigen: %(t)s") % {"t": lesson.title},
        back=reverse("lessons_page", args=[project.pk]) + f"#les-{lesson.pk}",
    )
    return render(request, "projects/meetings/edit_row.html", context, status=status)


@require_POST
@project_role(Role.BEWERKER)
def lesson_delete_view(
    request: AuthenticatedHttpRequest, project: Project, lesson_id: int
) -> HttpResponse:
    require_editable(request.user, project)
    lesson = _lesson(project, lesson_id)
    try:
        lesson_delete(lesson=lesson, by=request.user, expected_version=_version(request))
    except (Conflict, DocumentInvalid) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Les verwijderd: %(t)s") % {"t": lesson.title})
    return redirect("lessons_page", project.pk)


@project_role(Role.LEZER)
def scale_up_page(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """What made it work (from the project: knobs, money that lasted or stopped, parties at the
    table) and the partners' verdict; an editor records the verdict here."""
    context = project_context(request, project, tab=TAB)
    document = project_document(project)
    scenario = document.scenario()
    model = context["model"]
    current = project.scale_up
    form = None
    status = 200
    if context["can_edit"]:
        initial: dict[str, Any] = dict(current or {})
        if not current:
            initial["decided_by"] = [p.id for p in document.parties if p.at_table]
        form = ScaleUpForm(
            request.POST if request.method == "POST" else None,
            initial=initial,
            parties=list(project.parties.all()),
        )
        if request.method == "POST":
            if form.is_valid():
                try:
                    scale_up_save(
                        project=project,
                        by=request.user,
                        expected_version=_version(request),
                        **form.data_for_service(),
                    )
                except DocumentInvalid as exc:
                    add_document_errors(form, exc)
                except Conflict as exc:
                    form.add_error(None, str(exc))
                else:
                    messages.success(request, _("Oordeel over opschalen vastgelegd."))
                    return redirect("scale_up_page", project.pk)
            status = 400
    elif request.method == "POST":
        require_editable(request.user, project)
    context.update(
        scenario_name=scenario.name,
        condition_blocks=conditions_blocks(
            model, document, scenario, conditions(model, document, scenario)
        ),
        verdict_blocks=verdict_blocks(model, document, document.scale_up),
        form=form,
        version=scale_up_version(current),
    )
    return render(request, "projects/lessons/scale_up.html", context, status=status)


def indicator_reviews(project: Project, today: dt.date) -> list[dict[str, Any]]:
    """For the decisions page: each decision with a review date, with what the indicators of
    its knobs say by then (on the review date, or today while it is to come)."""
    document = project_document(project)
    model = load_model(project.model_version)
    rows = {d.key: d for d in project.decisions.all()}
    return [
        {"decision": rows[r.decision.id], "blocks": review_blocks(model, r)}
        for r in decision_reviews(document, document.scenario(), today)
        if r.decision.id in rows
    ]


urlpatterns = [
    path("projecten/<int:project_id>/lessen/", lessons_page, name="lessons_page"),
    path(
        "projecten/<int:project_id>/lessen/<int:lesson_id>/wijzigen/",
        lesson_edit,
        name="lesson_edit",
    ),
    path(
        "projecten/<int:project_id>/lessen/<int:lesson_id>/verwijderen/",
        lesson_delete_view,
        name="lesson_delete",
    ),
    path("projecten/<int:project_id>/opschalen/", scale_up_page, name="scale_up_page"),
]
