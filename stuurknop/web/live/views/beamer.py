"""The beamer: the screen the room reads, opened by the signed-in facilitator or through the
beamer link (no account; beamer_links.py), and the facilitator's making and revoking of that
link.

Both show the same page (``live/beamer.html``: no site header, sized to the screen) and follow
the session over the same screen state; the link's page, state and socket show what the beamer
shows and nothing else, and are never stored by a browser or a proxy.
"""

from __future__ import annotations

from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.live.beamer_links import (
    beamer_link_make,
    beamer_link_revoke,
    normalise_beamer_token,
    session_by_beamer_token,
    shown_token,
)
from stuurknop.web.live.beamer_socket import announce_beamer_link_revoked
from stuurknop.web.live.guards import LiveError
from stuurknop.web.live.models import LiveSession
from stuurknop.web.live.state import current_step, screen_state
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.permissions import project_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.views.common import project_context


def session_of(project: Project, session_id: int) -> LiveSession:
    """The session ``session_id`` of this project (another project's session is a 404)."""
    session = get_object_or_404(LiveSession, pk=session_id, project=project)
    session.project = project
    return session


@project_role(Role.BEHEERDER)
def live_beamer(
    request: AuthenticatedHttpRequest, project: Project, session_id: int
) -> HttpResponse:
    """The beamer of a signed-in facilitator (a second window on the same computer)."""
    session = session_of(project, session_id)
    return _beamer_page(
        request,
        session,
        ws=f"/ws/live/scherm/{session.pk}/",
        state_url=reverse("live_screen_state", args=[project.pk, session.pk]),
    )


def _private(response: HttpResponse) -> HttpResponse:
    """The link's answers: not indexed, no referrer carrying the token anywhere."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


def _link_gone(request: HttpRequest, status: int) -> HttpResponse:
    message = (
        _("Deze sessie is gesloten. De beamerlink werkt daarom niet meer.")
        if status == 410
        else _(
            "Deze beamerlink werkt niet (meer). Misschien heeft de gespreksleider een nieuwe "
            "link gemaakt of de link ingetrokken. Vraag de gespreksleider om de nieuwe link."
        )
    )
    if "application/json" in request.headers.get("Accept", ""):
        code = "closed" if status == 410 else "unknown_link"
        response: HttpResponse = JsonResponse(
            {"type": "error", "code": code, "message": message}, status=status
        )
    else:
        response = render(request, "live/beamer_gone.html", {"message": message}, status=status)
    return _private(response)


def _linked_session(beamer_token: str) -> tuple[LiveSession | None, int]:
    session = session_by_beamer_token(beamer_token)
    if session is None:
        return None, 404
    return (session, 200) if session.is_open else (None, 410)


@login_not_required
@never_cache
@require_GET
def live_beamer_link_screen(request: HttpRequest, beamer_token: str) -> HttpResponse:
    """The beamer through its link: no account, read-only, this session only."""
    session, status = _linked_session(beamer_token)
    if session is None:
        return _link_gone(request, status)
    token = normalise_beamer_token(beamer_token)
    page = _beamer_page(
        request,
        session,
        ws=f"/ws/live/beamer/{token}/",
        state_url=reverse("live_beamer_link_state", args=[token]),
    )
    return _private(page)


@login_not_required
@never_cache
@require_GET
def live_beamer_link_state(request: HttpRequest, beamer_token: str) -> HttpResponse:
    """The screen state through the beamer link (its page's polling fallback)."""
    session, status = _linked_session(beamer_token)
    if session is None:
        return _link_gone(request, status)
    return _private(JsonResponse(screen_state(session)))


def _beamer_page(
    request: HttpRequest, session: LiveSession, *, ws: str, state_url: str
) -> HttpResponse:
    step, _steps = current_step(session)
    screen = screen_state(session)
    join_url = request.build_absolute_uri(reverse("live_join", args=[session.code]))
    context: dict[str, Any] = {
        "session": session,
        "step": step,
        "screen": screen,
        # The code and QR fill the screen while people come in: the first step, not revealed.
        "joining": session.is_open and step.index == 1 and not screen["step"]["revealed"],
        "join_url": join_url,
        "enter_url": request.build_absolute_uri(reverse("live_enter")),
        "qr": qr_svg(join_url),
        "ws": ws,
        "state_url": state_url,
    }
    return render(request, "live/beamer.html", context)


def qr_svg(url: str) -> SafeString:
    """The join link as an inline SVG QR code (made here: no third-party service, no style;
    sized by the stylesheet through its viewBox)."""
    svg = segno.make(url, error="m").svg_inline(
        scale=8, svgclass="qr", lineclass="qr-line", omitsize=True
    )
    label = escape(_("QR-code om mee te doen"))
    # segno's own output (paths and numbers only) with an accessible name added.
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))


@require_POST
@project_role(Role.BEHEERDER)
def live_beamer_link(
    request: AuthenticatedHttpRequest, project: Project, session_id: int
) -> HttpResponse:
    """Make a (new) beamer link and show it once, or revoke it (``action`` = make | revoke)."""
    session = session_of(project, session_id)
    action = request.POST.get("action", "")
    back = reverse("live_control", args=[project.pk, session.pk]) + "#beamer-link"
    try:
        if action == "make":
            token = beamer_link_make(session=session, by=request.user)
        elif action == "revoke":
            if beamer_link_revoke(session=session, by=request.user):
                messages.success(request, _("De beamerlink is ingetrokken. Hij werkt niet meer."))
            else:
                messages.error(request, _("Er was geen beamerlink om in te trekken."))
            announce_beamer_link_revoked(session.pk)
            return redirect(back)
        else:
            raise LiveError("bad_action", _("Deze actie bestaat niet."))
    except LiveError as error:
        messages.error(request, error.message)
        return redirect(back)
    announce_beamer_link_revoked(session.pk)  # the previous link's screens close
    url = request.build_absolute_uri(reverse("live_beamer_link_screen", args=[shown_token(token)]))
    context = project_context(
        request, project, tab="perspectives", session=session, beamer_url=url, back=back
    )
    return render(request, "live/beamer_link.html", context)
