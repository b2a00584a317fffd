"""The participants' pages (no account): enter the code, join, vote; and the polling endpoints.

A join code opens this session's voting and nothing else: these views read only the session,
its parties' names and the participant's own votes. Who is who comes from the ``live_<CODE>``
cookie (PROTOCOL.md), never from anything the page sends.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from stuurknop.web.live.broadcast import announce
from stuurknop.web.live.codes import cookie_name, looks_like_code, normalise_code
from stuurknop.web.live.models import LiveSession, Participant
from stuurknop.web.live.services import (
    LiveError,
    closed_error,
    open_session,
    participant_by_token,
    participant_join,
    parties_at_table,
    vote_cast,
)
from stuurknop.web.live.state import current_step, participant_state, step_form_context
from stuurknop.web.live.views.forms import read_step_form

COOKIE_AGE = 12 * 60 * 60  # a long session day
MAX_BODY = 16_000
MAX_VOTES = 20


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "") or (
        request.content_type == "application/json"
    )


def _gone(request: HttpRequest) -> HttpResponse:
    """An unknown or dead code: said plainly, nothing else shown."""
    if _wants_json(request):
        return JsonResponse(
            {"type": "error", "code": "closed", "message": _gone_message()}, status=404
        )
    return render(request, "live/gone.html", {"message": _gone_message()}, status=404)


def _gone_message() -> str:
    return _("Deze code hoort niet bij een open sessie. Misschien is de sessie al gesloten.")


def _me(request: HttpRequest, session: LiveSession) -> Participant | None:
    participant = participant_by_token(session, request.COOKIES.get(cookie_name(session.code)))
    if participant is not None:
        participant.session = session
    return participant


@login_not_required
@require_GET
def live_enter(request: HttpRequest) -> HttpResponse:
    """Type the code from the beamer (the QR code links straight to the join page)."""
    typed = request.GET.get("code")
    error = ""
    if typed is not None:
        code = normalise_code(typed)
        if looks_like_code(code) and open_session(code) is not None:
            return redirect("live_join", code)
        error = _gone_message() if typed.strip() else _("Vul de code in.")
    return render(
        request,
        "live/enter.html",
        {"error": error, "typed": typed or ""},
        status=400 if error else 200,
    )


@login_not_required
def live_join(request: HttpRequest, code: str) -> HttpResponse:
    session = open_session(normalise_code(code))
    if session is None:
        return _gone(request)
    if _me(request, session) is not None and request.method != "POST":
        return redirect("live_vote_page", session.code)
    parties = parties_at_table(session.project)
    errors: dict[str, str] = {}
    name, party = "", ""
    if request.method == "POST":
        name, party = request.POST.get("name", ""), request.POST.get("party", "")
        try:
            participant, token = participant_join(session=session, name=name, party=party)
        except LiveError as error:
            errors[error.field or "name"] = error.message
            if _wants_json(request):
                return JsonResponse(_error_data(error), status=400)
        else:
            announce(session.pk)
            response: HttpResponse
            if _wants_json(request):
                response = JsonResponse(
                    {
                        "participant": participant.pk,
                        "token": token,
                        "name": participant.name,
                        "party": participant.party.key,
                    }
                )
            else:
                response = redirect("live_vote_page", session.code)
            response.set_cookie(
                cookie_name(session.code),
                token,
                max_age=COOKIE_AGE,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
            return response
    return render(
        request,
        "live/join.html",
        {"session": session, "parties": parties, "errors": errors, "name": name, "party": party},
        status=400 if errors else 200,
    )


@login_not_required
@require_GET
def live_vote_page(request: HttpRequest, code: str) -> HttpResponse:
    session = open_session(normalise_code(code))
    if session is None:
        return _gone(request)
    participant = _me(request, session)
    if participant is None:
        return redirect("live_join", session.code)
    return _vote_page(request, session, participant)


def _vote_page(
    request: HttpRequest,
    session: LiveSession,
    participant: Participant,
    errors: dict[str, str] | None = None,
) -> HttpResponse:
    step, _steps = current_step(session)
    state = participant_state(session, participant)
    return render(
        request,
        "live/vote.html",
        {
            "session": session,
            "participant": participant,
            "state": state,
            **step_form_context(step, state["votes"], errors),
        },
        status=400 if errors else 200,
    )


def _session_for_state(code: str, request: HttpRequest) -> tuple[LiveSession | None, bool]:
    """The open session of ``code``; else the latest closed one this browser took part in."""
    session = open_session(code)
    if session is not None:
        return session, True
    latest = (
        LiveSession.objects.select_related("project")
        .filter(code=code, closed_at__isnull=False)
        .order_by("-closed_at")
        .first()
    )
    if latest is not None and _me(request, latest) is not None:
        return latest, False
    return None, False


@login_not_required
@require_GET
def live_state(request: HttpRequest, code: str) -> JsonResponse:
    """The participant's state as JSON (the polling fallback)."""
    session, _open = _session_for_state(normalise_code(code), request)
    if session is None:
        return JsonResponse(
            {"type": "error", "code": "closed", "message": _gone_message()}, status=404
        )
    return JsonResponse(participant_state(session, _me(request, session)))


@login_not_required
@require_POST
def live_vote(request: HttpRequest, code: str) -> HttpResponse:
    """Cast votes: JSON from the script (polling), or the step's form without JS."""
    session, is_open = _session_for_state(normalise_code(code), request)
    as_json = request.content_type == "application/json"
    if session is None or not is_open:
        if as_json or _wants_json(request):
            status = 410 if session is not None else 404
            return JsonResponse(_error_data(closed_error()), status=status)
        return _gone(request)
    participant = _me(request, session)
    if participant is None:
        if as_json:
            error = LiveError("unknown_participant", _("Meld u eerst aan bij deze sessie."))
            return JsonResponse(_error_data(error), status=403)
        return redirect("live_join", session.code)
    if as_json:
        return _vote_json(request, session, participant)
    return _vote_form(request, session, participant)


def _vote_json(
    request: HttpRequest, session: LiveSession, participant: Participant
) -> JsonResponse:
    if len(request.body) > MAX_BODY:
        return JsonResponse(
            _error_data(LiveError("too_large", _("Dit bericht is te groot."))), status=400
        )
    try:
        body = json.loads(request.body)
        votes = body["votes"]
        if not isinstance(votes, list) or not all(isinstance(v, dict) for v in votes):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        error = LiveError("bad_message", _("Dit bericht kan niet worden gelezen."))
        return JsonResponse(_error_data(error), status=400)
    if len(votes) > MAX_VOTES:
        error = LiveError("too_large", _("Dit bericht is te groot."))
        return JsonResponse(_error_data(error), status=400)
    acks: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    status = 200
    for vote in votes:
        ident = vote.get("id") if isinstance(vote.get("id"), str) else None
        try:
            cast = vote_cast(
                participant=participant,
                item=vote.get("item"),
                score=vote.get("score"),
                remark=vote.get("remark", ""),
                client_id=ident or "",
            )
        except LiveError as error:
            errors.append({**_error_data(error), "id": ident})
            status = max(status, {"too_fast": 429, "closed": 410}.get(error.code, 400))
            continue
        acks.append(
            {
                "type": "ack",
                "id": ident,
                "item": cast.item,
                "score": cast.score,
                "remark": cast.remark,
                "revision": cast.revision,
            }
        )
    if acks:
        announce(session.pk)
    return JsonResponse({"type": "acks", "acks": acks, "errors": errors}, status=status)


def _vote_form(
    request: HttpRequest, session: LiveSession, participant: Participant
) -> HttpResponse:
    step, _steps = current_step(session)
    votes, errors = read_step_form(step, request.POST)
    if not errors:
        try:
            with transaction.atomic():  # the whole form, or nothing
                for item, (score, remark) in votes.items():
                    vote_cast(participant=participant, item=item, score=score, remark=remark)
        except LiveError as error:
            errors[error.field or step.items[0].key] = error.message
    if errors:
        return _vote_page(request, session, participant, errors)
    announce(session.pk)
    messages.success(request, _("Uw stem is opgeslagen. U kunt hem nog veranderen."))
    return redirect(reverse("live_vote_page", args=[session.code]))


def _error_data(error: LiveError) -> dict[str, Any]:
    return {"type": "error", "code": error.code, "message": error.message, "item": error.field}
