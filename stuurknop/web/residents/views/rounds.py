"""A beheerder starts and closes the questionnaire's rounds; members see what each measured."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from stuurknop.gespreksmodel import Model, load_model
from stuurknop.presentation.instruments import outcome_facts, round_status
from stuurknop.presentation.reasons import text as reason_text
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.models import Project
from stuurknop.web.projects.permissions import project_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.residents.models import ROUND_NAME_MAX, Questionnaire, Round
from stuurknop.web.residents.rounds import round_close, round_outcomes, round_start, rounds_of
from stuurknop.web.residents.selectors import questionnaire_of
from stuurknop.web.residents.services import QuestionnaireError, require_beheerder

_MODEL = load_model()


class RoundForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Naam van de ronde"),
        max_length=ROUND_NAME_MAX,
        help_text=gettext_lazy("Bijvoorbeeld 'Nulmeting' of 'Tweede meting, voorjaar'."),
        widget=forms.TextInput(attrs={"aria-describedby": "uitleg-id_name"}),
    )
    starts_on = forms.DateField(
        label=gettext_lazy("Begint op"),
        help_text=gettext_lazy(
            "De vragenlijst gaat open zodra u de ronde start; de data staan bij de uitkomsten."
        ),
        widget=forms.DateInput(attrs={"type": "date", "aria-describedby": "uitleg-id_starts_on"}),
    )
    ends_on = forms.DateField(
        label=gettext_lazy("Eindigt op (gepland)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    instruments = forms.MultipleChoiceField(
        label=gettext_lazy("Extra vragenlijsten in deze ronde"),
        required=False,
        choices=[(i.id, i.name) for i in _MODEL.instruments],
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Bewoners beantwoorden ze anoniem; de uitkomst wordt een meting van de indicatoren "
            "die ermee gemeten worden."
        ),
    )


def rounds_context(model: Model, questionnaire: Questionnaire) -> dict[str, Any]:
    """The rounds for the manage page: each with its status and what its instruments show."""
    rows = []
    for round_ in rounds_of(questionnaire):
        outcomes = [
            {
                "name": o.instrument.name,
                "facts": outcome_facts(model, o.instrument, o.result),
                "reason": reason_text(o.result.reason),
            }
            for o in round_outcomes(model, round_)
        ]
        rows.append(
            {
                "round": round_,
                "status": round_status(model, round_.is_open),
                "answers": round_.responses.count(),
                "outcomes": outcomes,
            }
        )
    return {"rounds": rows, "round_form": RoundForm()}


@require_POST
@project_role(Role.BEHEERDER)
def residents_round_start(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    require_beheerder(request.user, project)  # an archived project starts nothing
    questionnaire = questionnaire_of(project)
    if questionnaire is None:
        raise Http404()
    form = RoundForm(request.POST)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else str(error))
        return redirect("residents_manage", project.pk)
    try:
        round_ = round_start(
            questionnaire=questionnaire,
            by=request.user,
            name=form.cleaned_data["name"],
            starts_on=form.cleaned_data["starts_on"],
            ends_on=form.cleaned_data["ends_on"],
            instruments=form.cleaned_data["instruments"],
        )
    except QuestionnaireError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Ronde '%(name)s' is gestart. De vragenlijst staat open.") % {"name": round_.name},
        )
    return redirect("residents_manage", project.pk)


@require_POST
@project_role(Role.BEHEERDER)
def residents_round_close(
    request: AuthenticatedHttpRequest, project: Project, round_id: int
) -> HttpResponse:
    round_ = Round.objects.filter(pk=round_id, questionnaire__project=project).first()
    if round_ is None:
        raise Http404()
    try:
        record = round_close(round_=round_, by=request.user)
    except QuestionnaireError as error:
        messages.error(request, str(error))
        return redirect("residents_manage", project.pk)
    if record is None:
        messages.success(request, _("De ronde is gesloten."))
    else:
        messages.success(
            request,
            _(
                "De ronde is gesloten en verwerkt in het project: de antwoorden van %(n)d "
                "bewoners, en de uitkomsten als metingen van de indicatoren."
            )
            % {"n": record.respondents},
        )
    return redirect("residents_manage", project.pk)
