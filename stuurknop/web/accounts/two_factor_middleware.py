"""Sends a person who must use two-factor sign-in to the second step before any other page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from stuurknop.web.accounts.two_factor import has_app, two_factor_required

# Pages reachable before the second step: the step itself, signing out, the language, and the
# accessibility statement (which says how to get help).
BEFORE_SECOND_STEP = {
    "two_factor_setup",
    "two_factor_verify",
    "logout",
    "set_language",
    "accessibility_statement",
}


class TwoFactorRequiredMiddleware:
    """After django-otp's OTPMiddleware: ``request.user.is_verified()`` says whether this
    session passed the second step."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        user = request.user
        # OTPMiddleware gives the user is_verified(): whether this session passed the step.
        if not user.is_authenticated or user.is_verified():  # type: ignore[attr-defined]
            return None
        match = request.resolver_match
        if match is not None and match.view_name in BEFORE_SECOND_STEP:
            return None
        if not isinstance(user, User) or not two_factor_required(user):
            return None
        step = "two_factor_verify" if has_app(user) else "two_factor_setup"
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(step)}?{query}")
