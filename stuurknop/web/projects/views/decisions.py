"""Decisions and actions: made from an agenda point in one step, listed on one page (review
dates and late actions flagged), an action marked done in one click; and putting a check or an
open checklist point on the agenda."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stuurknop.engine.follow_up import follow_up
from stuurknop.projectfile import DocumentError, DocumentInvalid
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.forms.errors import add_document_errors
from stuurknop.web.projects.forms.meetings import ACTION_SLOTS, ActionForm, DecisionForm
from stuurknop.web.projects.models import Action, AgendaPoint, Meeting, Project, Scenario
from stuurknop.web.projects.permissions import (
    meeting_role,
    project_role,
    require_editable,
    scenario_role,
)
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services.agenda import (
    agenda_point_from_check,
    agenda_point_from_checklist,
)
from stuurknop.web.projects.services.decisions import action_done, point_follow_up
from stuurknop.web.projects.views.common import project_context
from stuurknop.web.projects.views.lessons import indicator_reviews


@meeting_role(Role.BEWERKER)
def point_follow_up_view(
    request: AuthenticatedHttpRequest, project: Project, meeting: Meeting, point_id: int
) -> HttpResponse:
    """One form: the decision taken on a point and/or up to three actions, prefilled with the
    point's knob and today's date; saved together or not at all."""
    require_editable(request.user, project)
    point = meeting.points.filter(pk=point_id).select_related("meeting").first()
    if point is None:
        raise Http404()
    context = project_context(request, project, tab="meetings")
    parties = list(project.parties.all())
    data = request.POST if request.method == "POST" else None
    decision_form = DecisionForm(
        data,
        prefix="besluit",
        model=context["model"],
        parties=parties,
        cost_items=cost_item_choices(project),
        funding_lines=funding_line_choices(project),
        initial={
            "date": timezone.localdate(),
            "knobs": [str(point.knob)] if point.knob else [],
            "decided_by": [p.key for p in parties if p.at_table],
        },
    )
    action_forms = [
        ActionForm(data, prefix=f"actie{n}", parties=parties) for n in range(1, ACTION_SLOTS + 1)
    ]
    status = 200
    if data is not None:
        if decision_form.is_valid() and all(f.is_valid() for f in action_forms):
            decision = decision_form.data_for_service() if decision_form.given() else None
            if decision is not None and decision["date"] is None:
                decision["date"] = timezone.localdate()
            actions = [f.data_for_service() for f in action_forms if f.given()]
            try:
                made, created = point_follow_up(
                    point=point, by=request.user, decision=decision, actions=actions
                )
            except DocumentInvalid as exc:
                _spread_errors(exc, decision_form, action_forms)
            else:
                messages.success(request, _said(made is not None, len(created)))
                return redirect(
                    reverse("meeting_page", args=[project.pk, meeting.pk]) + f"#punt-{point.pk}"
                )
        status = 400
    context.update(
        meeting=meeting, point=point, decision_form=decision_form, action_forms=action_forms
    )
    return render(request, "projects/meetings/follow_up.html", context, status=status)


def _said(decision: bool, actions: int) -> str:
    if decision and actions:
        return _("Besluit en %(n)s actie(s) vastgelegd.") % {"n": actions}
    if decision:
        return _("Besluit vastgelegd.")
    return _("%(n)s actie(s) vastgelegd.") % {"n": actions}


def _spread_errors(exc: DocumentInvalid, decision: DecisionForm, actions: list[ActionForm]) -> None:
    """Each error beside its field: ``actie2.due`` on the second action, others on the
    decision (an error about neither on top of the decision)."""
    for error in exc.errors:
        head, _dot, rest = error.path.partition(".")
        if head.startswith("actie") and head[5:].isdigit() and rest:
            inner = DocumentError(rest, error.location, error.message)
            add_document_errors(actions[int(head[5:]) - 1], DocumentInvalid([inner]))
        else:
            add_document_errors(decision, DocumentInvalid([error]))


def cost_item_choices(project: Project) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for key, description, scenario in project.scenarios.values_list(
        "cost_items__key", "cost_items__description", "name"
    ):
        if key and key not in seen:
            seen[key] = f"{description} ({scenario})"
    return list(seen.items())


def funding_line_choices(project: Project) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for key, item, party, scenario in project.scenarios.values_list(
        "funding_lines__key",
        "funding_lines__cost_item__description",
        "funding_lines__party__name",
        "name",
    ):
        if key and key not in seen:
            seen[key] = f"{party} voor {item} ({scenario})"
    return list(seen.items())


OVERVIEW_SHOWN = 5  # open actions and reviews the overview lists (all on the decisions page)


def meetings_follow_up(project: Project, today: dt.date) -> dict[str, Any]:
    """What the overview shows of the meetings: the open actions (late first, with owner and
    due date) and the decisions due for review on ``today``, each with its row for a link."""
    result = follow_up(project_document(project), today)
    actions = {a.key: a for a in project.actions.select_related("owner_party")}
    decisions = {d.key: d for d in project.decisions.all()}
    return {
        "open_actions": [
            {"action": actions[o.action.id], "late": o.late}
            for o in result.open_actions[:OVERVIEW_SHOWN]
        ],
        "open_actions_count": len(result.open_actions),
        "late_actions_count": result.late_actions,
        "reviews_due": [
            {"decision": decisions[r.decision.id], "late": r.late}
            for r in result.reviews_due[:OVERVIEW_SHOWN]
        ],
        "reviews_due_count": len(result.reviews_due),
    }


@project_role(Role.LEZER)
def decisions_page(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Every decision (review dates, those due flagged) and every action (late ones flagged);
    ``?acties=open`` shows the open actions only."""
    today = timezone.localdate()
    result = follow_up(project_document(project), today)
    reviews = {r.decision.id: r for r in result.reviews_due}
    late = {o.action.id for o in result.open_actions if o.late}
    only_open = request.GET.get("acties") == "open"
    actions = Action.objects.filter(project=project).select_related(
        "owner_party", "decision", "meeting", "point"
    )
    if only_open:
        actions = actions.filter(status="open")
    decisions = project.decisions.select_related("meeting", "point").order_by("-date", "-id")
    parties = dict(project.parties.values_list("key", "name"))
    context = project_context(
        request,
        project,
        tab="meetings",
        decisions=[
            {
                "decision": d,
                "review": reviews.get(d.key),
                "by": [parties.get(k, k) for k in d.decided_by],
            }
            for d in decisions
        ],
        actions=[{"action": a, "late": a.key in late} for a in actions],
        only_open=only_open,
        today=today,
        indicator_reviews=indicator_reviews(project, today),
    )
    return render(request, "projects/meetings/decisions.html", context)


@require_POST
@project_role(Role.BEWERKER)
def action_done_view(
    request: AuthenticatedHttpRequest, project: Project, action_id: int
) -> HttpResponse:
    """Mark an action done (or open again) in one click, then back where the click was."""
    require_editable(request.user, project)
    action = Action.objects.filter(pk=action_id, project=project).first()
    if action is None:
        raise Http404()
    done = request.POST.get("klaar", "ja") != "nee"
    try:
        action_done(action=action, by=request.user, expected_version=_int(request.POST), done=done)
    except (Conflict, DocumentInvalid) as exc:
        messages.error(request, str(exc))
    else:
        said = _("Actie klaar: %(t)s") if done else _("Actie weer open: %(t)s")
        messages.success(request, said % {"t": action.title})
    back = request.POST.get("terug", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = reverse("decisions_page", args=[project.pk])
    return redirect(back)


def _int(post: Any) -> int:
    try:
        return int(post.get("version", ""))
    except ValueError:
        return 0


@require_POST
@scenario_role(Role.BEWERKER)
def checks_agenda_add(
    request: AuthenticatedHttpRequest, project: Project, scenario: Scenario
) -> HttpResponse:
    """Put a check that fires (``controle``) or an open checklist point (``punt``) on the
    agenda of the chosen or next meeting, then back to the checks page saying where it went."""
    require_editable(request.user, project)
    meeting = request.POST.get("meeting", "")
    try:
        if request.POST.get("controle"):
            point = agenda_point_from_check(
                scenario=scenario, by=request.user, check=request.POST["controle"], meeting=meeting
            )
        else:
            point = agenda_point_from_checklist(
                scenario=scenario,
                by=request.user,
                item=request.POST.get("punt", ""),
                meeting=meeting,
            )
    except DocumentInvalid as exc:
        messages.error(request, exc.errors[0].message[:1].upper() + exc.errors[0].message[1:])
        return redirect("checks_page", project.pk, scenario.pk)
    return redirect(placed_url("checks_page", point, project.pk, scenario.pk))


def placed_url(page: str, point: AgendaPoint, *args: Any) -> str:
    """``page`` again, asked to say on which agenda ``point`` went (see :func:`placed`)."""
    return reverse(page, args=args) + f"?agendapunt={point.pk}"


def placed(request: HttpRequest, project: Project) -> AgendaPoint | None:
    """The point a page was just asked to say it put on the agenda (of this project only)."""
    given = request.GET.get("agendapunt", "")
    if not given.isdigit():
        return None
    return (
        AgendaPoint.objects.filter(pk=int(given), meeting__project=project)
        .select_related("meeting")
        .first()
    )


urlpatterns = [
    path(
        "projecten/<int:project_id>/overleg/<int:meeting_id>/punten/<int:point_id>/besluit/",
        point_follow_up_view,
        name="point_follow_up",
    ),
    path("projecten/<int:project_id>/besluiten-en-acties/", decisions_page, name="decisions_page"),
    path(
        "projecten/<int:project_id>/acties/<int:action_id>/klaar/",
        action_done_view,
        name="action_done",
    ),
    path(
        "projecten/<int:project_id>/scenario/<int:scenario_id>/controle/agenda/",
        checks_agenda_add,
        name="checks_agenda_add",
    ),
]
