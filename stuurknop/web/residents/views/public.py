"""The public pages residents see without an account: the form, thanks, closed, refused.

Nothing here is cached by anyone (``never_cache``) nor indexed by search engines, and no page
loads a script: the form works on any phone that shows a web page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from stuurknop.gespreksmodel import load_model
from stuurknop.web.residents.forms import ResidentForm, score_labels
from stuurknop.web.residents.limits import MAX_BODY_BYTES, body_too_large, count_answer
from stuurknop.web.residents.models import REMARK_MAX, Questionnaire
from stuurknop.web.residents.rounds import open_round
from stuurknop.web.residents.selectors import questionnaire_by_token
from stuurknop.web.residents.services import (
    QuestionnaireClosed,
    QuestionnaireError,
    response_submit,
)


def public(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """No login, never cached, and a hint to search engines to leave the link alone."""

    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return login_not_required(never_cache(wrapper))


def _questionnaire(token: str) -> Questionnaire:
    questionnaire = questionnaire_by_token(token)
    if questionnaire is None:
        raise Http404()
    return questionnaire


def _page(
    request: HttpRequest,
    template: str,
    questionnaire: Questionnaire,
    status: int = 200,
    **extra: Any,
) -> HttpResponse:
    context = {"questionnaire": questionnaire, "project": questionnaire.project, **extra}
    return render(request, f"residents/{template}", context, status=status)


def _takes_answers(questionnaire: Questionnaire) -> bool:
    return questionnaire.is_open and not questionnaire.project.archived


@public
@require_http_methods(["GET", "POST"])
def residents_form(request: HttpRequest, questionnaire_token: str) -> HttpResponse:
    """The questionnaire (GET), or one answer to it (POST, then the thank-you page)."""
    questionnaire = _questionnaire(questionnaire_token)
    if not _takes_answers(questionnaire):
        return _page(
            request, "closed.html", questionnaire, status=410 if request.method == "POST" else 200
        )
    model = load_model(questionnaire.project.model_version)
    items = model.questionnaire
    running = open_round(questionnaire)
    instruments = tuple(model.instrument(i) for i in running.instruments) if running else ()
    if request.method != "POST":
        return _form_page(
            request, questionnaire, ResidentForm(items=items, instruments=instruments)
        )
    # Before the form is parsed: a request this large is no questionnaire.
    if body_too_large(request):
        message = _("Wat u stuurde is te groot (meer dan %(kb)d kB). Maak uw opmerking korter.")
        return _page(
            request,
            "refused.html",
            questionnaire,
            status=413,
            message=message % {"kb": MAX_BODY_BYTES // 1024},
        )
    form = ResidentForm(request.POST, items=items, instruments=instruments)
    if form.is_bot():
        return redirect("residents_thanks", questionnaire_token)  # pretend; store nothing
    if not form.is_valid():
        return _form_page(request, questionnaire, form, status=400)
    verdict = count_answer(request, questionnaire.pk)
    if not verdict.allowed:
        message = _(
            "Er zijn vanaf deze verbinding al veel antwoorden gegeven. Probeer het over een uur "
            "opnieuw."
        )
        return _page(request, "refused.html", questionnaire, status=429, message=message)
    try:
        response_submit(
            questionnaire=questionnaire,
            scores=form.scores(),
            help_organise=form.cleaned_data["help_organise"],
            remark=form.cleaned_data["remark"],
            instrument_answers=form.instrument_answers(),
        )
    except QuestionnaireClosed:
        return _page(request, "closed.html", questionnaire, status=410)
    except QuestionnaireError as error:
        form.add_error(None, str(error))
        return _form_page(request, questionnaire, form, status=400)
    return redirect("residents_thanks", questionnaire_token)


def _form_page(
    request: HttpRequest, questionnaire: Questionnaire, form: ResidentForm, status: int = 200
) -> HttpResponse:
    return _page(
        request,
        "form.html",
        questionnaire,
        status=status,
        form=form,
        item_fields=form.item_fields(),
        instrument_parts=form.instrument_parts(),
        scale=score_labels(),
        remark_max=REMARK_MAX,
    )


@public
@require_http_methods(["GET"])
def residents_thanks(request: HttpRequest, questionnaire_token: str) -> HttpResponse:
    """Thanks, whether or not the questionnaire is still open."""
    return _page(request, "thanks.html", _questionnaire(questionnaire_token))
