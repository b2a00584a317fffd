"""Perspectives: each party's own view of the knobs and values, and where the views differ.

The pages differ per person (a party's own view is hidden from the others until a beheerder
reveals the answers, see :mod:`stuurknop.web.projects.services.perspectives`), so none of them
is served from the page cache; only the heat map, a function of the shown document, is cached.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stuurknop.charts import Chart
from stuurknop.charts.heatmap import divergence_heatmap, score_text
from stuurknop.engine.divergence import Divergence, divergence, latest_perspectives
from stuurknop.gespreksmodel import Model, load_model
from stuurknop.projectfile import DocumentInvalid
from stuurknop.projectfile import schema as doc
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.forms.perspectives import PerspectiveForm
from stuurknop.web.projects.models import Project, ProjectParty
from stuurknop.web.projects.permissions import project_role, require_editable
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import cached_for_revision, project_document
from stuurknop.web.projects.services.agenda import agenda_point_add, upcoming_meetings
from stuurknop.web.projects.services.perspectives import (
    own_views,
    perspective_set,
    perspective_version,
    perspectives_hide,
    perspectives_reveal,
    speaker_party,
    visible_document,
)
from stuurknop.web.projects.views.common import project_context
from stuurknop.web.projects.views.decisions import placed, placed_url
from stuurknop.web.vocabulary import OPENINGS, WEIGHTS, word_choices

OPENING_WORDS = dict(OPENINGS)
WEIGHT_WORDS = dict(WEIGHTS)
ORIGIN_WORDS = dict(word_choices("perspective_origin"))


@project_role(Role.LEZER)
def perspectives_page(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Who has given a view, the viewer's own party's view, and (beheerder) reveal or hide."""
    model = load_model(project.model_version)
    me = speaker_party(request.user, project)
    own = own_views(project.perspectives)
    mine = own.get(me.key) if me else None
    answers = _answers(project, own)
    context = project_context(
        request,
        project,
        tab="perspectives",
        me=me,
        answers=answers,
        answered=[row["party"] for row in answers if row["view"]],
        party_count=len(answers),
        my_view=_view_rows(model, mine) if mine else None,
        my_view_date=mine.date if mine else None,
    )
    return render(request, "projects/perspectives/page.html", context)


@project_role(Role.BEWERKER)
def perspective_edit(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """A party's own view: the form (GET, ``?partij=<id>``) and saving it (POST)."""
    require_editable(request.user, project)
    model = load_model(project.model_version)
    parties = list(project.parties.filter(at_table=True).order_by("position", "id"))
    me = speaker_party(request.user, project)
    wanted = request.POST.get("party") if request.method == "POST" else request.GET.get("partij")
    party = next((p for p in parties if p.key == wanted), None)
    if party is None and request.method == "POST":
        messages.error(request, _("Kies een partij aan tafel."))
        return redirect("perspective_edit", project.pk)
    party = party or next((p for p in parties if me and p.key == me.key), None)
    party = party or (parties[0] if parties else None)
    if party is None:
        context = project_context(request, project, tab="perspectives", party=None)
        return render(request, "projects/perspectives/edit.html", context)
    if request.method != "POST":
        return _edit_page(request, project, model, parties, party, me)
    form = _form(project, model, party, me, data=request.POST)
    if not form.is_valid():
        return _edit_page(request, project, model, parties, party, me, form=form, status=400)
    knobs, values = form.answers()
    try:
        perspective_set(
            project=project,
            by=request.user,
            party=party.key,
            knobs=knobs,
            values=values,
            remarks=form.cleaned_data["remarks"],
            expected_version=form.cleaned_data["version"],
        )
    except DocumentInvalid as exc:
        form.add_document_errors(exc)
        return _edit_page(request, project, model, parties, party, me, form=form, status=400)
    except Conflict as exc:
        project.refresh_from_db()  # the form again on the version saved now
        return _edit_page(
            request, project, model, parties, party, me, conflict=str(exc), status=409
        )
    messages.success(
        request, _("Het perspectief van %(party)s is opgeslagen.") % {"party": party.name}
    )
    return redirect("perspectives_page", project.pk)


@require_POST
@project_role(Role.BEHEERDER)
def perspectives_reveal_view(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Show every party's own view to all members."""
    if perspectives_reveal(project=project, by=request.user):
        messages.success(
            request, _("De antwoorden van alle partijen zijn nu voor iedereen te zien.")
        )
    return redirect("divergence_page", project.pk)


@require_POST
@project_role(Role.BEHEERDER)
def perspectives_hide_view(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Hide the own views again: a new round in which nobody sees the others' answers."""
    if perspectives_hide(project=project, by=request.user):
        messages.success(
            request,
            _("De antwoorden zijn weer verborgen. De partijen kunnen een nieuwe ronde invullen."),
        )
    return redirect("perspectives_page", project.pk)


@project_role(Role.LEZER)
def divergence_page(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Per knob and value the spread of the views shown, largest first, with the heat map."""
    return _divergence_page(request, project)


@require_POST
@project_role(Role.BEWERKER)
def agenda_point_add_view(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Put one difference on the agenda of the chosen (or next) meeting and say where."""
    require_editable(request.user, project)
    try:
        point = agenda_point_add(
            project=project,
            by=request.user,
            subject=request.POST.get("subject", ""),
            key=request.POST.get("key", ""),
            meeting=request.POST.get("meeting", ""),
        )
    except DocumentInvalid as exc:
        return _divergence_page(request, project, error=exc.errors[0].message, status=400)
    return redirect(placed_url("divergence_page", point, project.pk) + "#verschillen")


# --- what the pages show ---------------------------------------------------------------------


def _answers(project: Project, own: dict[str, doc.Perspective]) -> list[dict[str, Any]]:
    """Per party at the table whether it gave its own view (never the scores themselves)."""
    sessions: dict[str, int] = {}
    for data in project.perspectives:
        if data.get("session"):  # from a live session (sessie, or namens in the room)
            sessions[str(data["party"])] = sessions.get(str(data["party"]), 0) + 1
    return [
        {
            "party": party,
            "view": own.get(party.key),
            "how": ORIGIN_WORDS[own[party.key].origin] if party.key in own else "",
            "sessions": sessions.get(party.key, 0),
        }
        for party in project.parties.filter(at_table=True).order_by("position", "id")
    ]


def _view_rows(model: Model, view: doc.Perspective) -> dict[str, Any]:
    """One view in words: per knob and per value its answer, and the remarks."""
    none = _("geen antwoord")
    return {
        "knobs": [
            {
                "name": f"{k.number}. {k.name}",
                "answer": OPENING_WORDS.get(str(view.knobs.get(k.number, "")), none),
            }
            for k in model.knobs
        ],
        "values": [
            {"name": v.name, "answer": WEIGHT_WORDS.get(str(view.values.get(v.id, "")), none)}
            for v in model.values
        ],
        "remarks": view.remarks,
    }


def _form(
    project: Project,
    model: Model,
    party: ProjectParty,
    me: ProjectParty | None,
    data: Any = None,
) -> PerspectiveForm:
    """The form for ``party``; its stored view fills it only where the editor may see it."""
    stored = own_views(project.perspectives).get(party.key)
    may_see = project.perspectives_revealed or (me is not None and me.key == party.key)
    return PerspectiveForm(
        data,
        knobs=model.knobs,
        values=model.values,
        stored=stored if may_see else None,
        version=perspective_version(project, party.key),
    )


def _edit_page(
    request: HttpRequest,
    project: Project,
    model: Model,
    parties: list[ProjectParty],
    party: ProjectParty,
    me: ProjectParty | None,
    *,
    form: PerspectiveForm | None = None,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    stored = own_views(project.perspectives).get(party.key)
    own_party = me is not None and me.key == party.key
    context = project_context(
        request,
        project,
        tab="perspectives",
        parties=parties,
        party=party,
        own_party=own_party,
        hidden_answer=stored is not None and not own_party and not project.perspectives_revealed,
        # Someone else's own answer is the party's to change, not ours (the service agrees).
        blocked=stored is not None
        and not own_party
        and stored.origin is doc.PerspectiveOrigin.EIGEN,
        form=form or _form(project, model, party, me),
        **extra,
    )
    return render(request, "projects/perspectives/edit.html", context, status=status)


def _divergence_page(
    request: HttpRequest, project: Project, *, status: int = 200, **extra: Any
) -> HttpResponse:
    revealed = project.perspectives_revealed
    model = load_model(project.model_version)
    shown = visible_document(project_document(project), revealed=revealed)
    result: Divergence = divergence(model, shown)
    chart: Chart = cached_for_revision(
        project,
        f"perspectives:heatmap:{int(revealed)}",
        lambda: divergence_heatmap(result, id_prefix=f"verschillen-{project.pk}"),
    )
    own = own_views(project.perspectives)
    parties = list(project.parties.filter(at_table=True).order_by("position", "id"))
    context = project_context(
        request,
        project,
        tab="perspectives",
        revealed=revealed,
        answered=[p for p in parties if p.key in own],
        party_count=len(parties),
        rows=[_row(item) for item in result.largest],
        chart=chart,
        remarks=_remarks(shown),
        resident_remarks=_resident_remarks(shown),
        placed=placed(request, project),
        agenda_meetings=upcoming_meetings(project),
        **extra,
    )
    return render(request, "projects/perspectives/divergence.html", context, status=status)


def _row(item: Any) -> dict[str, Any]:
    low = min(v.score for v in item.views)
    high = max(v.score for v in item.views)
    return {
        "subject": item.subject,
        "key": item.key,
        "name": item.name,
        "spread": score_text(item.spread),
        "median": score_text(item.median),
        "lowest": f"{score_text(low)} ({', '.join(item.lowest)})",
        "highest": f"{score_text(high)} ({', '.join(item.highest)})",
        "views": len(item.views),
    }


def _remarks(shown: doc.ProjectDocument) -> list[dict[str, Any]]:
    names = {p.id: p.name for p in shown.parties}
    return [
        {
            "party": names.get(party, party),
            "text": view.remarks,
            "how": ORIGIN_WORDS[view.origin],
            "date": view.date,
        }
        for party, view in latest_perspectives(shown).items()
        if view.remarks.strip()
    ]


def _resident_remarks(shown: doc.ProjectDocument) -> list[str]:
    answered = [r for r in shown.resident_input if r.respondents > 0]
    return list(max(answered, key=lambda r: r.date).remarks) if answered else []


urlpatterns = [
    path("projecten/<int:project_id>/perspectieven/", perspectives_page, name="perspectives_page"),
    path(
        "projecten/<int:project_id>/perspectieven/invullen/",
        perspective_edit,
        name="perspective_edit",
    ),
    path(
        "projecten/<int:project_id>/perspectieven/tonen/",
        perspectives_reveal_view,
        name="perspectives_reveal",
    ),
    path(
        "projecten/<int:project_id>/perspectieven/verbergen/",
        perspectives_hide_view,
        name="perspectives_hide",
    ),
    path(
        "projecten/<int:project_id>/perspectieven/verschillen/",
        divergence_page,
        name="divergence_page",
    ),
    path(
        "projecten/<int:project_id>/perspectieven/verschillen/agenda/",
        agenda_point_add_view,
        name="agenda_point_add",
    ),
]
