"""The pages of single sign-on: start at the provider, come back, or hear why it failed; and
the login page that offers it when the admin has switched it on.

The routes exist on every installation; where single sign-on is not available (SQLite, see
``SINGLE_SIGN_ON`` in the settings) or not switched on, they lead to the failure page, which
says so. The library is imported only where it is installed.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from stuurknop.web.accounts.forms import LoginForm

FAILURE_KEY = "stuurknop_oidc_failure"  # as in .oidc_callback, which is not always importable


def single_sign_on_on() -> bool:
    """Whether this installation offers signing in through the organisation now."""
    if not settings.SINGLE_SIGN_ON:
        return False
    from stuurknop.web.accounts.oidc import oidc_client

    return oidc_client() is not None


class LoginView(auth_views.LoginView):
    """Django's sign-in page; with single sign-on on, it also offers "met je organisatie"."""

    authentication_form = LoginForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["oidc_enabled"] = single_sign_on_on()
        return context


def _failed(request: HttpRequest, reason: str) -> HttpResponseRedirect:
    request.session[FAILURE_KEY] = reason
    return HttpResponseRedirect(reverse("oidc_failed"))


@login_not_required
def oidc_start(request: HttpRequest) -> HttpResponseBase:
    """Send the browser to the organisation's identity provider (code flow with PKCE)."""
    if not single_sign_on_on():
        return _failed(request, "disabled")
    from stuurknop.web.accounts.oidc_callback import oidc_login_start

    response: HttpResponseBase = oidc_login_start(request)
    return response


@login_not_required
def oidc_callback(request: HttpRequest) -> HttpResponseBase:
    """The provider's way back; a visit without a known state goes to the failure page."""
    if not settings.SINGLE_SIGN_ON:
        return _failed(request, "disabled")
    from mozilla_django_oidc_db.views import OIDCCallbackView

    try:
        return OIDCCallbackView.as_view()(request)
    except BadRequest:
        return _failed(request, "refused")


@login_not_required
def oidc_failed(request: HttpRequest) -> HttpResponse:
    """Why signing in through the organisation did not work, and what to do instead."""
    reason = request.session.pop(FAILURE_KEY, "refused")
    return render(request, "accounts/oidc_failed.html", {"reason": reason})
