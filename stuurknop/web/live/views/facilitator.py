"""The facilitator's pages: the project's sessions, the control page, closing (the beamer and
its link: beamer.py)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.live.broadcast import announce, announce_removed
from stuurknop.web.live.models import LiveSession
from stuurknop.web.live.services import (
    LiveError,
    participant_remove,
    parties_at_table,
    session_breakdown,
    session_close,
    session_move,
    session_reveal,
    session_start,
    votes_on_behalf,
)
from stuurknop.web.live.state import (
    current_step,
    participants_overview,
    screen_state,
    step_form_context,
)
from stuurknop.web.live.views.forms import read_step_form
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.permissions import project_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.views.common import project_context


def _session(project: Project, session_id: int) -> LiveSession:
    """The session ``session_id`` of this project (another project's session is a 404)."""
    session = get_object_or_404(LiveSession, pk=session_id, project=project)
    session.project = project
    return session


def _refuse_if_archived(project: Project) -> None:
    if project.archived:
        raise PermissionDenied(_("Dit project is gearchiveerd; haal het eerst uit het archief."))


def _page(
    request: HttpRequest, project: Project, template: str, status: int = 200, **extra: Any
) -> HttpResponse:
    context = project_context(request, project, tab="perspectives", **extra)
    return render(request, template, context, status=status)


@project_role(Role.LEZER)
def live_sessions(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """The project's sessions, newest first, and (for a beheerder) a form to start one."""
    return _sessions_page(request, project)


def _sessions_page(
    request: HttpRequest, project: Project, *, status: int = 200, error: str = "", name: str = ""
) -> HttpResponse:
    sessions = project.live_sessions.annotate(
        taking_part=Count("participants", filter=Q(participants__removed_at__isnull=True))
    )
    try:  # the perspectives page is another area's; link to it once it is routed
        perspectives_url = reverse("perspectives_page", args=[project.pk])
    except NoReverseMatch:
        perspectives_url = ""
    return _page(
        request,
        project,
        "live/sessions.html",
        status=status,
        sessions=sessions,
        start_error=error,
        start_name=name,
        perspectives_url=perspectives_url,
    )


@require_POST
@project_role(Role.BEHEERDER)
def live_session_start(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    name = request.POST.get("name", "")
    try:
        session = session_start(project=project, by=request.user, name=name)
    except LiveError as error:
        return _sessions_page(request, project, status=400, error=error.message, name=name)
    return redirect("live_control", project.pk, session.pk)


@project_role(Role.BEHEERDER)
def live_control(
    request: AuthenticatedHttpRequest, project: Project, session_id: int
) -> HttpResponse:
    """The facilitator's page: where are we, who voted, step on, reveal, close."""
    session = _session(project, session_id)
    step, steps = current_step(session)
    return _page(
        request,
        project,
        "live/control.html",
        session=session,
        step=step,
        steps=steps,
        screen=screen_state(session),
        join_url=_join_url(request, session),
        participants=participants_overview(session),
        may_remove=session.is_open and not project.archived,
        may_break_down=any(item.scored for item in step.items),
    )


ACTIONS = {"next", "previous", "goto", "reveal", "hide", "breakdown-on", "breakdown-off"}


@require_POST
@project_role(Role.BEHEERDER)
def live_control_action(
    request: AuthenticatedHttpRequest, project: Project, session_id: int
) -> HttpResponse:
    session = _session(project, session_id)
    action = request.POST.get("action", "")
    try:
        if action in ("reveal", "hide"):
            session_reveal(session=session, by=request.user, revealed=action == "reveal")
        elif action in ("breakdown-on", "breakdown-off"):
            session_breakdown(session=session, by=request.user, shown=action == "breakdown-on")
        elif action in ACTIONS:
            session_move(
                session=session, by=request.user, action=action, step=request.POST.get("step")
            )
        else:
            raise LiveError("bad_action", _("Deze actie bestaat niet."))
    except LiveError as error:
        messages.error(request, error.message)
        return redirect("live_control", project.pk, session.pk)
    announce(session.pk, step_changed=True)
    return redirect("live_control", project.pk, session.pk)


@require_POST
@project_role(Role.BEHEERDER)
def live_participant_remove(
    request: AuthenticatedHttpRequest, project: Project, session_id: int, participant_id: int
) -> HttpResponse:
    """Take someone out of the session (a double, a stranger): their phone is told, their
    votes stop counting."""
    _refuse_if_archived(project)
    session = _session(project, session_id)
    try:
        removed = participant_remove(
            session=session, by=request.user, participant_id=participant_id
        )
    except LiveError as error:
        messages.error(request, error.message)
    else:
        announce_removed(session.pk, removed.pk)
        messages.success(
            request,
            _("%(name)s doet niet meer mee; de stemmen tellen niet meer.") % {"name": removed.name},
        )
    return redirect(reverse("live_control", args=[project.pk, session.pk]) + "#participants")


@project_role(Role.BEHEERDER)
def live_behalf(
    request: AuthenticatedHttpRequest, project: Project, session_id: int
) -> HttpResponse:
    """Enter the view of someone without a phone, for the current step (logged as such)."""
    _refuse_if_archived(project)
    session = _session(project, session_id)
    step, _steps = current_step(session)
    if not session.is_open:
        messages.error(request, _("Deze sessie is gesloten."))
        return redirect("live_control", project.pk, session.pk)
    errors: dict[str, str] = {}
    status = 200
    name, party = "", ""
    if request.method == "POST":
        name, party = request.POST.get("name", ""), request.POST.get("party", "")
        votes, errors = read_step_form(step, request.POST)
        if not errors:
            try:
                votes_on_behalf(
                    session=session, by=request.user, name=name, party=party, votes=votes
                )
            except LiveError as error:
                errors[error.field or "name"] = error.message
            else:
                announce(session.pk)
                messages.success(
                    request,
                    _("De stem namens %(name)s is opgeslagen.") % {"name": " ".join(name.split())},
                )
                return redirect("live_control", project.pk, session.pk)
        status = 400
    return _page(
        request,
        project,
        "live/behalf.html",
        status=status,
        session=session,
        parties=parties_at_table(project),
        name=name,
        party=party,
        errors=errors,
        **step_form_context(step, {}, errors),
    )


@project_role(Role.BEHEERDER)
def live_close(
    request: AuthenticatedHttpRequest, project: Project, session_id: int
) -> HttpResponse:
    """Ask (GET), then close (POST): the code dies and the results become perspectives."""
    _refuse_if_archived(project)
    session = _session(project, session_id)
    if not session.is_open:
        messages.error(request, _("Deze sessie is al gesloten."))
        return redirect("live_sessions", project.pk)
    if request.method == "POST":
        try:
            stored = session_close(session=session, by=request.user)
        except LiveError as error:
            messages.error(request, error.message)
            return redirect("live_sessions", project.pk)
        announce(session.pk, step_changed=True)
        messages.success(
            request,
            _("De sessie is gesloten; %(n)d perspectieven zijn opgeslagen.") % {"n": len(stored)},
        )
        return redirect("live_sessions", project.pk)
    voters = (
        session.participants.filter(removed_at__isnull=True, votes__isnull=False).distinct().count()
    )
    return _page(request, project, "live/close.html", session=session, voters=voters)


@project_role(Role.BEHEERDER)
def live_screen_state(
    request: AuthenticatedHttpRequest, project: Project, session_id: int
) -> JsonResponse:
    """The screen state as JSON: the beamer's and control page's polling fallback."""
    return JsonResponse(screen_state(_session(project, session_id)))


def _join_url(request: HttpRequest, session: LiveSession) -> str:
    return request.build_absolute_uri(reverse("live_join", args=[session.code]))
