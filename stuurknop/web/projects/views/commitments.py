"""Confirming a party's money: the project's page of lines waiting for confirmation and of
committed lines (by the party, or recorded on its behalf), the same across a person's
projects, and the answers: confirm, decline (with a remark), record on behalf (a beheerder,
with the letter's reference and date). Who may answer is decided in the service
(:mod:`..services.commitments`): only a member who speaks for the paying party confirms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stuurknop.projectfile import DocumentInvalid
from stuurknop.projectfile import schema as doc
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.evidence_files import FileRefused, checked_file, store, stored_bytes
from stuurknop.web.projects.models import FundingLine, Project
from stuurknop.web.projects.permissions import project_role, require_editable
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.services.commitments import (
    COMMITTED,
    funding_line_confirm,
    funding_line_decline,
    funding_line_record_on_behalf,
    open_requests,
    speaks_for,
)
from stuurknop.web.projects.views.common import project_context
from stuurknop.web.vocabulary import word_choices

TAB = "money"
WORDS = {v: dict(word_choices(v)) for v in ("funding_status", "commitment_how", "request_state")}


def word(vocabulary: str, key: str) -> str:
    return WORDS[vocabulary].get(key, key)


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return 0


def _line(project: Project, line_id: int) -> FundingLine:
    line = (
        FundingLine.objects.filter(pk=line_id, scenario__project=project)
        .select_related("scenario", "party", "cost_item")
        .first()
    )
    if line is None:
        raise Http404()
    return line


def _row(line: FundingLine, user: Any, can_manage: bool) -> dict[str, Any]:
    # The stored JSON read as the document's classes (dates as dates).
    commitment = doc.Commitment.model_validate(line.commitment) if line.commitment else None
    request = doc.CommitmentRequest.model_validate(line.request) if line.request else None
    committed = line.status == COMMITTED
    how = commitment.how.value if commitment else doc.CommitmentHow.NAMENS.value
    return {
        "line": line,
        "status": word("funding_status", line.status),
        # A committed line without a commitment (older data) counts as recorded on behalf.
        "how": word("commitment_how", how) if committed else "",
        "on_behalf": committed and how != doc.CommitmentHow.BEVESTIGD.value,
        "commitment": commitment,
        "request": request,
        "request_word": word("request_state", request.state.value) if request else "",
        "can_answer": request is not None and request.state is doc.RequestState.OPEN
        and speaks_for(user, line.party),
        "can_record": can_manage and not committed,
    }  # fmt: skip


@project_role(Role.LEZER)
def commitments_page(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Every funding line of the project that waits for, or has, a commitment."""
    context = project_context(request, project, tab=TAB)
    can_manage = context["role"] == Role.BEHEERDER and not project.archived
    lines = (
        FundingLine.objects.filter(scenario__project=project)
        .select_related("scenario", "party", "cost_item")
        .order_by("scenario__position", "position")
    )
    rows = [_row(line, request.user, can_manage) for line in lines]
    context.update(
        waiting=[r for r in rows if r["request"] and r["line"].status != COMMITTED],
        committed=[r for r in rows if r["line"].status == COMMITTED],
        recordable=[r for r in rows if r["can_record"]],
        today=dt.date.today(),
    )
    return render(request, "projects/commitments/page.html", context)


@login_required
def commitments_mine(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The lines waiting for the person's confirmation, across their projects."""
    return render(request, "projects/commitments/mine.html", {"lines": open_requests(request.user)})


def _done(request: HttpRequest, project: Project) -> HttpResponse:
    return redirect("commitments_page", project.pk)


@require_POST
@project_role(Role.BEWERKER)
def funding_line_confirm_view(
    request: AuthenticatedHttpRequest, project: Project, line_id: int
) -> HttpResponse:
    require_editable(request.user, project)
    line = _line(project, line_id)
    try:
        funding_line_confirm(
            funding_line=line,
            by=request.user,
            expected_version=_version(request),
            remark=request.POST.get("remark", ""),
        )
    except (Conflict, DocumentInvalid) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Toezegging bevestigd."))
    return _done(request, project)


@require_POST
@project_role(Role.BEWERKER)
def funding_line_decline_view(
    request: AuthenticatedHttpRequest, project: Project, line_id: int
) -> HttpResponse:
    require_editable(request.user, project)
    line = _line(project, line_id)
    try:
        funding_line_decline(
            funding_line=line,
            by=request.user,
            expected_version=_version(request),
            remark=request.POST.get("remark", ""),
        )
    except (Conflict, DocumentInvalid) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Verzoek afgewezen."))
    return _done(request, project)


@require_POST
@project_role(Role.BEHEERDER)
def funding_line_on_behalf_view(
    request: AuthenticatedHttpRequest, project: Project, line_id: int
) -> HttpResponse:
    require_editable(request.user, project)
    line = _line(project, line_id)
    try:
        letter = dt.date.fromisoformat(request.POST.get("evidence_date", ""))
    except ValueError:
        messages.error(request, _("Geef de datum van de brief, bijvoorbeeld 2025-03-14."))
        return _done(request, project)
    described, data = None, b""
    upload = request.FILES.get("evidence_file")
    if upload is not None:  # the evidence findings' checks: type by content, 10 MB, SHA-256
        try:
            described, data = checked_file(upload.name or "", upload, upload.size or 0)
        except FileRefused as exc:
            messages.error(request, str(exc))
            return _done(request, project)
    try:
        funding_line_record_on_behalf(
            funding_line=line,
            by=request.user,
            expected_version=_version(request),
            evidence_reference=request.POST.get("evidence_reference", ""),
            evidence_date=letter,
            evidence_file=described,
            remark=request.POST.get("remark", ""),
        )
    except (Conflict, DocumentInvalid) as exc:
        messages.error(request, str(exc))
    else:
        if described is not None:
            store(project.pk, described, data)
        messages.success(request, _("Toezegging namens de partij vastgelegd."))
    return _done(request, project)


@project_role(Role.LEZER)
def commitment_file(
    request: AuthenticatedHttpRequest, project: Project, on_behalf_line_id: int
) -> HttpResponse:
    """The letter of a commitment recorded on a party's behalf, as an attachment."""
    line = _line(project, on_behalf_line_id)
    commitment = doc.Commitment.model_validate(line.commitment) if line.commitment else None
    described = commitment.evidence_file if commitment else None
    if described is None:
        raise Http404()
    data = stored_bytes(project.pk, described.sha256)
    if data is None:
        raise Http404("Dit bestand staat niet op deze server.")
    response = HttpResponse(data, content_type=described.content_type)
    safe = "".join(
        c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in described.name
    )
    response["Content-Disposition"] = f'attachment; filename="{safe}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


urlpatterns = [
    path(
        "projecten/<int:project_id>/financiering/<int:on_behalf_line_id>/brief/",
        commitment_file,
        name="commitment_file",
    ),
    path("projecten/te-bevestigen/", commitments_mine, name="commitments_mine"),
    path("projecten/<int:project_id>/te-bevestigen/", commitments_page, name="commitments_page"),
    path(
        "projecten/<int:project_id>/financiering/<int:line_id>/bevestigen/",
        funding_line_confirm_view,
        name="funding_line_confirm",
    ),
    path(
        "projecten/<int:project_id>/financiering/<int:line_id>/afwijzen/",
        funding_line_decline_view,
        name="funding_line_decline",
    ),
    path(
        "projecten/<int:project_id>/financiering/<int:line_id>/namens/",
        funding_line_on_behalf_view,
        name="funding_line_on_behalf",
    ),
]
