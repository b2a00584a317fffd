"""The partners' agreement page (under Overleg): the latest version with its status, what each
party commits and who confirmed; the differences from the last confirmed version; whether the
chosen scenario departs from it; a form to draw up a version (editors); a button to confirm for
the party one speaks for; the downloads (PDF and Word) of every version."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stuurknop.engine.agreement import departures
from stuurknop.gespreksmodel.schema import Model
from stuurknop.presentation.agreement import difference_lines, party_blocks, status_text
from stuurknop.presentation.reasons import capitalised
from stuurknop.projectfile import DocumentInvalid
from stuurknop.projectfile.agreement import Agreement, last_frozen
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import Conflict
from stuurknop.web.projects.forms.agreements import AgreementForm
from stuurknop.web.projects.forms.errors import add_document_errors
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.permissions import project_role, require_editable
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_document
from stuurknop.web.projects.services.agreements import (
    agreement_confirm,
    agreement_draw_up,
    agreements_of,
    agreements_version,
)
from stuurknop.web.projects.services.perspectives import speaker_party
from stuurknop.web.projects.views.common import project_context

TAB = "meetings"


def _version(request: HttpRequest) -> int:
    try:
        return int(request.POST.get("version", ""))
    except ValueError:
        return -1


def _initial(latest: Agreement | None, project: Project) -> dict[str, Any]:
    """The texts of the latest version, so a new one starts from them."""
    if latest is None:
        return {}
    content = latest.content
    by_key = {p.party: p for p in content.parties}
    initial: dict[str, Any] = {"changes": content.changes}
    for party in project.parties.all():
        if party.key in by_key:
            initial[f"uren_{party.pk}"] = by_key[party.key].hours_per_year
            initial[f"inzet_{party.pk}"] = by_key[party.key].commitment
    return initial


def _party_sections(model: Model, latest: Agreement | None) -> list[dict[str, Any]]:
    if latest is None:
        return []
    confirmed = {c.party: c for c in latest.confirmations}
    return [
        {"party": p, "confirmed": confirmed.get(p.party), "blocks": party_blocks(model, p)}
        for p in latest.content.parties
    ]


@project_role(Role.LEZER)
def agreement_page(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    context = project_context(request, project, tab=TAB)
    model = context["model"]
    versions = agreements_of(project)
    latest = versions[-1] if versions else None
    parties = list(project.parties.filter(at_table=True).order_by("position", "id"))
    form = None
    status = 200
    if context["can_edit"]:
        data = request.POST if request.method == "POST" else None
        form = AgreementForm(data, initial=_initial(latest, project), parties=parties)
        if data is not None:
            if form.is_valid():
                try:
                    agreement_draw_up(
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
                    messages.success(request, _("Versie van de afspraak opgesteld."))
                    return redirect("agreement_page", project.pk)
            status = 400
    elif request.method == "POST":
        require_editable(request.user, project)
    document = project_document(project)
    scenario = document.scenario()
    speaker = speaker_party(request.user, project)
    frozen = last_frozen(versions)
    previous = last_frozen([a for a in versions if latest and a.number < latest.number])
    scenario_pk = project.scenarios.get(name=scenario.name).pk
    downloads = reverse("document_download", args=[project.pk, scenario_pk, "agreement"])
    context.update(
        latest=latest,
        status_text=status_text(latest) if latest else "",
        party_sections=_party_sections(model, latest),
        differences=difference_lines(latest, previous) if latest else (),
        previous=previous,
        departures=[capitalised(r) for r in departures(document, scenario)],
        frozen=frozen,
        can_confirm=bool(
            latest
            and context["can_edit"]
            and not latest.frozen
            and speaker is not None
            and speaker.key in {p.party for p in latest.content.parties}
            and speaker.key not in latest.confirmed_parties
        ),
        speaker=speaker,
        versions=list(reversed(versions)),
        download_pdf=downloads,
        download_docx=downloads.replace("/agreement/", "/agreement-docx/"),
        scenario_name=scenario.name,
        form=form,
        version=agreements_version(project),
    )
    return render(request, "projects/agreements/agreement.html", context, status=status)


@require_POST
@project_role(Role.BEWERKER)
def agreement_confirm_view(
    request: AuthenticatedHttpRequest, project: Project, agreement_number: int
) -> HttpResponse:
    try:
        agreement_confirm(
            project=project,
            by=request.user,
            number=agreement_number,
            expected_version=_version(request),
        )
    except (Conflict, DocumentInvalid) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Je hebt de afspraak bevestigd voor je partij."))
    return redirect("agreement_page", project.pk)


urlpatterns = [
    path("projecten/<int:project_id>/afspraak/", agreement_page, name="agreement_page"),
    path(
        "projecten/<int:project_id>/afspraak/<int:agreement_number>/bevestigen/",
        agreement_confirm_view,
        name="agreement_confirm",
    ),
]
