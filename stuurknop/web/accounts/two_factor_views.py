"""The pages of two-factor sign-in: pair an authenticator app (QR code and the secret as text),
and give a code once per session."""

from __future__ import annotations

import segno
from django import forms
from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import match_token

from stuurknop.web.accounts.two_factor import (
    app_for_pairing,
    app_pair,
    has_app,
    otpauth_uri,
    secret_text,
    two_factor_required,
)
from stuurknop.web.http import AuthenticatedHttpRequest


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=20,
        help_text=gettext_lazy("De 6 cijfers die de app nu laat zien."),
        error_messages={"required": gettext_lazy("Vul de code in.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )


def _next(request: AuthenticatedHttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("project_list")


def two_factor_setup(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Pair an app: scan the QR code (or type the secret), then prove it with a code."""
    user = request.user
    if has_app(user) and not user.is_verified():  # type: ignore[attr-defined]
        # Whoever knows only the password may not replace the app: first the second step.
        return HttpResponseRedirect(
            f"{reverse('two_factor_verify')}?next={reverse('two_factor_setup')}"
        )
    if has_app(user) and request.method != "POST" and "opnieuw" not in request.GET:
        return render(
            request, "accounts/two_factor_status.html", {"required": two_factor_required(user)}
        )
    device = app_for_pairing(user)
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        codes = app_pair(user=user, device=device, token=form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, device)
            # Shown once, rendered (not redirected): the codes are kept nowhere else readable.
            return render(
                request, "accounts/two_factor_codes.html", {"codes": codes, "next": _next(request)}
            )
        form.add_error(
            "code",
            _(
                "Deze code klopt niet. Kijk of de tijd op je telefoon goed staat en probeer "
                "de code die de app nu laat zien."
            ),
        )
    if request.method == "POST":
        status = 400
    qr = segno.make(otpauth_uri(device), error="m").svg_inline(
        scale=4, border=4, svgclass="qr-code"
    )
    context = {"form": form, "qr": qr, "secret": secret_text(device), "next": _next(request)}
    return render(request, "accounts/two_factor_setup.html", context, status=status)


def two_factor_verify(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the app, or one of the recovery codes."""
    if not has_app(request.user):
        return HttpResponseRedirect(reverse("two_factor_setup"))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            device = match_token(request.user, form.cleaned_data["code"].replace(" ", ""))
            if device is not None:
                otp_login(request, device)
                if device.__class__.__name__ == "StaticDevice":
                    messages.warning(
                        request, _("Je hebt een herstelcode gebruikt; die werkt nu niet meer.")
                    )
                return HttpResponseRedirect(_next(request))
            form.add_error(
                "code",
                _(
                    "Deze code klopt niet. Probeer de code die de app nu laat zien, of een "
                    "herstelcode."
                ),
            )
    context = {"form": form, "next": _next(request)}
    return render(request, "accounts/two_factor_verify.html", context, status=status)
