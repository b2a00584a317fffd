"""The participants' pages (no account): enter the code, join, vote; and the polling endpoints.

A join code opens this session's voting and nothing else: these views read only the session,
its parties' names and the participant's own votes. Who is who comes from the ``live_<CODE>``
cookie (PROTOCOL.md), never from anything the page sends. Every view that takes a code counts a
wrong one against the client, and joining is counted per client and session (limits.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable
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
from stuurknop.web.live.limits import (
    MAX_BODY,
    MAX_VOTES,
    Window,
    client_key,
    code_guess_failed,
    code_guesses_used_up,
    join_window,
)
from stuurknop.web.live.models import LiveSession, Participant
from stuurknop.web.live.services import (
    LiveError,
    closed_error,
    open_session,
    participant_by_token,
    participant_join,
    parties_at_table,
    removed_error,
    vote_cast,
    was_removed,
)
from stuurknop.web.live.state import current_step, participant_state, step_form_context
from stuurknop.web.live.views.forms import read_step_form
from stuurknop.web.live.wire import loads

COOKIE_AGE = 12 * 60 * 60  # a long session day


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


def _removed(request: HttpRequest, session: LiveSession) -> bool:
    return was_removed(session, request.COOKIES.get(cookie_name(session.code)))


def _find(
    request: HttpRequest, code: str, find: Callable[[str], LiveSession | None] = open_session
) -> tuple[LiveSession | None, HttpResponse | None]:
    """The session of ``code`` (by ``find``), or a 429 for a client out of code guesses.

    A wrong code counts against the client. Once it has none left, every code is refused
    alike, the right one too, unless the browser already takes part in that session: a guesser
    learns nothing, and people who joined keep voting while a neighbour mistypes.
    """
    client = client_key(request)
    normal = normalise_code(code)
    session = find(normal) if looks_like_code(normal) else None
    used_up = code_guesses_used_up(client)
    if used_up is not None and (session is None or _me(request, session) is None):
        message = _(
            "U heeft te vaak een code ingevuld die niet klopt. "
            "Probeer het over %(n)d seconden opnieuw."
        ) % {"n": used_up.retry_after}
        return None, _wait(request, used_up, LiveError("too_many_codes", message))
    if session is None:
        code_guess_failed(client)
    return session, None


def _wait(request: HttpRequest, window: Window, error: LiveError) -> HttpResponse:
    """A refusal for going too fast (429), saying how long to wait (also in Retry-After)."""
    response: HttpResponse
    if _wants_json(request):
        response = JsonResponse(
            {**_error_data(error), "retry_after": window.retry_after}, status=429
        )
    else:
        response = render(request, "live/wait.html", {"message": error.message}, status=429)
    response["Retry-After"] = str(window.retry_after)
    return response


@login_not_required
@require_GET
def live_enter(request: HttpRequest) -> HttpResponse:
    """Type the code from the beamer (the QR code links straight to the join page)."""
    typed = request.GET.get("code")
    error = ""
    if typed is not None and typed.strip():
        session, refusal = _find(request, typed)
        if refusal is not None:
            return refusal
        if session is not None:
            return redirect("live_join", session.code)
        error = _gone_message()
    elif typed is not None:
        error = _("Vul de code in.")
    return render(
        request,
        "live/enter.html",
        {"error": error, "typed": typed or ""},
        status=400 if error else 200,
    )


@login_not_required
def live_join(request: HttpRequest, code: str) -> HttpResponse:
    session, refusal = _find(request, code)
    if refusal is not None:
        return refusal
    if session is None:
        return _gone(request)
    if _me(request, session) is not None and request.method != "POST":
        return redirect("live_vote_page", session.code)
    if _removed(request, session):
        return _removed_page(request, session)
    parties = parties_at_table(session.project)
    errors: dict[str, str] = {}
    name, party = "", ""
    if request.method == "POST":
        name, party = request.POST.get("name", ""), request.POST.get("party", "")
        too_many = join_window(client_key(request), session.pk)
        if too_many is not None:
            return _wait(request, too_many, _too_many_joins(too_many))
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


def _too_many_joins(window: Window) -> LiveError:
    return LiveError(
        "too_many_joins",
        _(
            "Vanaf deze internetverbinding doen al heel veel mensen mee met deze sessie. "
            "Probeer het over %(n)d minuten opnieuw, of vraag de gespreksleider om uw stem "
            "namens u in te voeren."
        )
        % {"n": max(1, math.ceil(window.retry_after / 60))},
    )


def _removed_page(request: HttpRequest, session: LiveSession) -> HttpResponse:
    """Said to a participant the facilitator removed (their cookie still names them)."""
    error = removed_error()
    if _wants_json(request):
        return JsonResponse(_error_data(error), status=403)
    return render(
        request, "live/removed.html", {"session": session, "message": error.message}, status=403
    )


@login_not_required
@require_GET
def live_vote_page(request: HttpRequest, code: str) -> HttpResponse:
    session, refusal = _find(request, code)
    if refusal is not None:
        return refusal
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


def _session_for_state(request: HttpRequest) -> Callable[[str], LiveSession | None]:
    """Finding the open session of a code; else the latest closed one this browser took
    part in (so that its page learns of the close)."""

    def find(code: str) -> LiveSession | None:
        session = open_session(code)
        if session is not None:
            return session
        latest = (
            LiveSession.objects.select_related("project")
            .filter(code=code, closed_at__isnull=False)
            .order_by("-closed_at")
            .first()
        )
        if latest is not None and _me(request, latest) is not None:
            return latest
        return None

    return find


@login_not_required
@require_GET
def live_state(request: HttpRequest, code: str) -> HttpResponse:
    """The participant's state as JSON (the polling fallback)."""
    session, refusal = _find(request, code, _session_for_state(request))
    if refusal is not None:
        return refusal
    if session is None:
        return JsonResponse(
            {"type": "error", "code": "closed", "message": _gone_message()}, status=404
        )
    participant = _me(request, session)
    state = participant_state(session, participant)
    if participant is None and _removed(request, session):
        # "joined": false sends the page to the join page, which says why.
        state.update(removed=True, message=removed_error().message)
    return JsonResponse(state)


@login_not_required
@require_POST
def live_vote(request: HttpRequest, code: str) -> HttpResponse:
    """Cast votes: JSON from the script (polling), or the step's form without JS."""
    session, refusal = _find(request, code, _session_for_state(request))
    if refusal is not None:
        return refusal
    as_json = request.content_type == "application/json"
    if session is None or not session.is_open:
        if as_json or _wants_json(request):
            status = 410 if session is not None else 404
            return JsonResponse(_error_data(closed_error()), status=status)
        return _gone(request)
    participant = _me(request, session)
    if participant is None:
        if as_json:
            error = (
                removed_error()
                if _removed(request, session)
                else LiveError("unknown_participant", _("Meld u eerst aan bij deze sessie."))
            )
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
    body = loads(request.body)
    votes = body.get("votes") if isinstance(body, dict) else None
    if not isinstance(votes, list) or not all(isinstance(v, dict) for v in votes):
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
            status = max(
                status, {"too_fast": 429, "closed": 410, "removed": 403}.get(error.code, 400)
            )
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
