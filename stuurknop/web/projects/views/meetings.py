"""The partners' meetings: the list, one meeting with its agenda (add, reorder, minute), and
sharing the agenda before the meeting. Decisions and actions are in ``views/decisions.py``.

Every member sees the meetings (readers too: the agenda is shared with the partners before the
meeting); bewerkers and beheerders write. Nothing here is served from the page cache: the pages
show forms with versions and who may write.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stuurknop.projectfile import DocumentInvalid
from stuurknop.reports import FORMATS
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.forms.errors import add_document_errors
from stuurknop.web.projects.forms.meetings import MeetingForm, MinutesForm, PointForm
from stuurknop.web.projects.models import AgendaPoint, Meeting, Project
from stuurknop.web.projects.permissions import meeting_role, project_role, require_editable
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.agenda import upcoming_meetings
from stuurknop.web.projects.services.meetings import (
    meeting_create,
    meeting_update,
    point_add,
    point_delete,
    point_move,
    point_update,
)
from stuurknop.web.projects.views.common import default_scenario, project_context

AGENDA_FORMAT = "agenda"  # the agenda's document format (stuurknop.reports), once it exists


@project_role(Role.LEZER)
def meetings_page(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Every meeting, the coming ones first; a bewerker plans a new one here."""
    form = MeetingForm()
    status = 200
    if request.method == "POST":
        require_editable(request.user, project)
        form = MeetingForm(request.POST)
        if form.is_valid():
            try:
                meeting = meeting_create(
                    project=project, by=request.user, **form.data_for_service()
                )
            except DocumentInvalid as exc:
                add_document_errors(form, exc)
            else:
                messages.success(request, _("Overleg toegevoegd. Zet nu de punten op de agenda."))
                return redirect("meeting_page", project.pk, meeting.pk)
        status = 400
    upcoming = upcoming_meetings(project)
    past = [
        m
        for m in Meeting.objects.filter(project=project).order_by("-date", "-id")
        if m not in upcoming
    ]
    context = project_context(
        request, project, tab="meetings", form=form, upcoming=upcoming, past=past
    )
    return render(request, "projects/meetings/list.html", context, status=status)


@meeting_role(Role.LEZER)
def meeting_page(
    request: AuthenticatedHttpRequest, project: Project, meeting: Meeting
) -> HttpResponse:
    """The meeting with its agenda; per point its minutes and what came of it."""
    return _meeting_page(request, project, meeting)


def _meeting_page(
    request: HttpRequest,
    project: Project,
    meeting: Meeting,
    *,
    point_form: PointForm | None = None,
    minutes_forms: dict[int, MinutesForm] | None = None,
    status: int = 200,
) -> HttpResponse:
    context = project_context(request, project, tab="meetings")
    model = context["model"]
    parties = list(project.parties.all())
    points = list(
        meeting.points.select_related("brought_by").prefetch_related("decisions", "actions")
    )
    forms_given = minutes_forms or {}
    knob_names = {k.number: k.name for k in model.knobs}
    value_names = {v.id: v.name for v in model.values}
    rows = [
        {
            "point": p,
            "knob_name": knob_names.get(p.knob) if p.knob else None,
            "value_name": value_names.get(p.value, p.value) if p.value else None,
            "minutes_form": forms_given.get(p.pk)
            or MinutesForm(
                initial={"minutes": p.minutes, "outcome": p.outcome, "version": p.version},
                prefix=f"p{p.pk}",
            ),
        }
        for p in points
    ]
    page_url = request.build_absolute_uri(reverse("meeting_page", args=[project.pk, meeting.pk]))
    context.update(
        meeting=meeting,
        rows=rows,
        point_form=point_form or PointForm(model=model, parties=parties),
        page_url=page_url,
        agenda_pdf=_agenda_pdf(request, project, meeting),
    )
    return render(request, "projects/meetings/meeting.html", context, status=status)


def _agenda_pdf(request: HttpRequest, project: Project, meeting: Meeting) -> str | None:
    """The agenda's PDF download, once the documents know the format (else None)."""
    fmt = FORMATS.get(AGENDA_FORMAT)
    if fmt is None:
        return None
    scenario = default_scenario(project)
    url = reverse("document_download", args=[project.pk, scenario.pk, AGENDA_FORMAT])
    option = next((o for o in fmt.options if o.name == "meeting"), None)
    query = option.query if option is not None else "overleg"
    return request.build_absolute_uri(f"{url}?{query}={meeting.key}")


@meeting_role(Role.BEWERKER)
def meeting_edit(
    request: AuthenticatedHttpRequest, project: Project, meeting: Meeting
) -> HttpResponse:
    """Change the meeting's name, date or place."""
    require_editable(request.user, project)
    initial = {"title": meeting.title, "date": meeting.date, "place": meeting.place}
    form = MeetingForm(request.POST or None, initial=initial)
    version = meeting.version
    status = 200
    if request.method == "POST":
        version = _int(request.POST.get("version"))
        if form.is_valid():
            try:
                meeting_update(
                    meeting=meeting,
                    by=request.user,
                    expected_version=version,
                    **form.data_for_service(),
                )
            except (DocumentInvalid, Conflict) as exc:
                _form_error(form, exc)
            else:
                messages.success(request, _("Overleg opgeslagen."))
                return redirect("meeting_page", project.pk, meeting.pk)
        status = 400
    context = project_context(
        request, project, tab="meetings", meeting=meeting, form=form, version=version
    )
    return render(request, "projects/meetings/edit.html", context, status=status)


@require_POST
@meeting_role(Role.BEWERKER)
def point_create(
    request: AuthenticatedHttpRequest, project: Project, meeting: Meeting
) -> HttpResponse:
    """Add a point by hand at the end of the agenda."""
    require_editable(request.user, project)
    context = project_context(request, project, tab="meetings")
    form = PointForm(request.POST, model=context["model"], parties=list(project.parties.all()))
    if form.is_valid():
        try:
            point = point_add(meeting=meeting, by=request.user, **form.data_for_service())
        except DocumentInvalid as exc:
            add_document_errors(form, exc)
        else:
            messages.success(request, _("Punt op de agenda gezet: %(t)s") % {"t": point.title})
            return redirect(_at(project, meeting, point))
    return _meeting_page(request, project, meeting, point_form=form, status=400)


@require_POST
@meeting_role(Role.BEWERKER)
def point_reorder(
    request: AuthenticatedHttpRequest, project: Project, meeting: Meeting, point_id: int
) -> HttpResponse:
    """Move a point one place up or down (a plain form button; works without script)."""
    require_editable(request.user, project)
    point = _point(meeting, point_id)
    up = request.POST.get("richting") != "omlaag"
    try:
        point_move(
            point=point, by=request.user, expected_version=_int(request.POST.get("version")), up=up
        )
    except Conflict as exc:
        messages.error(request, str(exc))
    return redirect(_at(project, meeting, point))


@require_POST
@meeting_role(Role.BEWERKER)
def point_minutes(
    request: AuthenticatedHttpRequest, project: Project, meeting: Meeting, point_id: int
) -> HttpResponse:
    """Save what was said about a point and its outcome, on the meeting's own page."""
    require_editable(request.user, project)
    point = _point(meeting, point_id)
    form = MinutesForm(request.POST, prefix=f"p{point.pk}")
    if form.is_valid():
        try:
            point_update(
                point=point,
                by=request.user,
                expected_version=form.cleaned_data["version"],
                **form.data_for_service(),
            )
        except (DocumentInvalid, Conflict) as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Verslag opgeslagen: %(t)s") % {"t": point.title})
            return redirect(_at(project, meeting, point))
    return _meeting_page(request, project, meeting, minutes_forms={point.pk: form}, status=400)


@require_POST
@meeting_role(Role.BEWERKER)
def point_remove(
    request: AuthenticatedHttpRequest, project: Project, meeting: Meeting, point_id: int
) -> HttpResponse:
    """Take a point off the agenda (one that decisions or actions came from stays)."""
    require_editable(request.user, project)
    point = _point(meeting, point_id)
    try:
        point_delete(
            point=point, by=request.user, expected_version=_int(request.POST.get("version"))
        )
    except DocumentInvalid as exc:
        message = exc.errors[0].message
        messages.error(request, message[:1].upper() + message[1:] + ".")
        return redirect(_at(project, meeting, point))
    except Conflict as exc:
        messages.error(request, str(exc))
        return redirect(_at(project, meeting, point))
    messages.success(request, _("Van de agenda gehaald: %(t)s") % {"t": point.title})
    return redirect("meeting_page", project.pk, meeting.pk)


def _point(meeting: Meeting, point_id: int) -> AgendaPoint:
    point = meeting.points.filter(pk=point_id).select_related("meeting").first()
    if point is None:
        raise Http404()
    return point


def _at(project: Project, meeting: Meeting, point: AgendaPoint) -> str:
    return reverse("meeting_page", args=[project.pk, meeting.pk]) + f"#punt-{point.pk}"


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _form_error(form: Any, exc: Exception) -> None:
    if isinstance(exc, DocumentInvalid):
        add_document_errors(form, exc)
    else:
        form.add_error(None, str(exc))


urlpatterns = [
    path("projecten/<int:project_id>/overleg/", meetings_page, name="meetings_page"),
    path("projecten/<int:project_id>/overleg/<int:meeting_id>/", meeting_page, name="meeting_page"),
    path(
        "projecten/<int:project_id>/overleg/<int:meeting_id>/wijzigen/",
        meeting_edit,
        name="meeting_edit",
    ),
    path(
        "projecten/<int:project_id>/overleg/<int:meeting_id>/punten/",
        point_create,
        name="point_create",
    ),
    path(
        "projecten/<int:project_id>/overleg/<int:meeting_id>/punten/<int:point_id>/verplaatsen/",
        point_reorder,
        name="point_reorder",
    ),
    path(
        "projecten/<int:project_id>/overleg/<int:meeting_id>/punten/<int:point_id>/verslag/",
        point_minutes,
        name="point_minutes",
    ),
    path(
        "projecten/<int:project_id>/overleg/<int:meeting_id>/punten/<int:point_id>/weghalen/",
        point_remove,
        name="point_remove",
    ),
]
