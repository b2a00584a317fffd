"""The page where a signed-in user makes and revokes their personal API tokens. A new token's
secret is shown once, on the answer to the POST that made it; only its hash is kept."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stuurknop.web.api.models import TokenScope
from stuurknop.web.api.tokens import token_create, token_revoke, tokens_of
from stuurknop.web.http import AuthenticatedHttpRequest


class TokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Naam"),
        max_length=100,
        help_text=gettext_lazy("Waarvoor je de sleutel gebruikt, bijvoorbeeld ‘rapportage’."),
    )
    scope = forms.ChoiceField(
        label=gettext_lazy("Mag de sleutel ook schrijven?"),
        choices=TokenScope.choices,
        initial=TokenScope.READ,
        widget=forms.RadioSelect,
    )


def api_tokens(request: AuthenticatedHttpRequest) -> HttpResponse:
    """List the user's tokens; POST makes one (shown once) or revokes one (``revoke``)."""
    form = TokenForm()
    secret = ""
    status = 200
    if request.method == "POST" and "revoke" in request.POST:
        token = tokens_of(request.user).filter(pk=_number(request.POST["revoke"])).first()
        if token is None:
            messages.error(request, _("Die API-sleutel bestaat niet (meer)."))
        else:
            token_revoke(token=token, by=request.user)
            messages.success(
                request, _("API-sleutel %(name)s is ingetrokken.") % {"name": token.name}
            )
        return redirect("api_tokens")
    if request.method == "POST":
        form = TokenForm(request.POST)
        if form.is_valid():
            _token, secret = token_create(
                user=request.user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
            )
            form = TokenForm()
        else:
            status = 400
    return render(
        request,
        "api/tokens.html",
        {"form": form, "secret": secret, "tokens": tokens_of(request.user)},
        status=status,
    )


def _number(text: str) -> int:
    return int(text) if text.isdigit() and len(text) < 10 else 0


urlpatterns = [path("api-sleutels/", api_tokens, name="api_tokens")]
