"""Accepting an invitation link: public, because the invitee may not have an account yet.

An unknown token says nothing about any project (404); a used or expired one (410) names the
project, since whoever holds the link was once invited to it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from stuurknop.web.projects.errors import InvitationInvalid
from stuurknop.web.projects.models import Invitation, ProjectMember
from stuurknop.web.projects.services.members import (
    invitation_accept,
    invitation_by_token,
    invitation_problem,
    invitation_signup,
)


class SignupForm(forms.Form):
    """A new account; the service checks it again with Django's user and password validators."""

    username = forms.CharField(
        label=gettext_lazy("Gebruikersnaam"),
        max_length=150,
        help_text=gettext_lazy("Letters, cijfers en @ . + - _; hiermee log je voortaan in."),
        widget=forms.TextInput(attrs={"autocomplete": "username"}),
    )
    first_name = forms.CharField(
        label=gettext_lazy("Voornaam"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=gettext_lazy("Achternaam"),
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=gettext_lazy("E-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    password = forms.CharField(
        label=gettext_lazy("Wachtwoord"),
        strip=False,
        max_length=200,
        help_text=gettext_lazy("Minstens 10 tekens, niet te gewoon en niet alleen cijfers."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password_again = forms.CharField(
        label=gettext_lazy("Wachtwoord, nog een keer"),
        strip=False,
        max_length=200,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("password") and data.get("password_again") != data.get("password"):
            self.add_error("password_again", _("De twee wachtwoorden zijn niet gelijk."))
        return data


@login_not_required
def invitation_accept_view(request: HttpRequest, token: str) -> HttpResponse:
    """Show the invitation; a signed-in user accepts it, someone else signs in or signs up."""
    invitation = invitation_by_token(token)
    if invitation is None:
        return _invalid(request, InvitationInvalid("unknown"), None)
    problem = invitation_problem(invitation)
    if (
        problem == "used"
        and request.user.is_authenticated
        and invitation.accepted_by_id == request.user.pk
    ):
        # The person who used the link clicks it again: just open the project.
        return redirect("project_detail", invitation.project_id)
    if problem is not None:
        return _invalid(request, InvitationInvalid(problem), invitation)
    form, status = None, 200
    if request.method == "POST":
        try:
            if request.user.is_authenticated:
                invitation_accept(token=token, user=request.user)
                return redirect("project_detail", invitation.project_id)
            form = SignupForm(request.POST)
            if form.is_valid():
                member = _signup(form, token)
                if member is not None:
                    login(request, member.user, backend="django.contrib.auth.backends.ModelBackend")
                    return redirect("project_detail", invitation.project_id)
            status = 400
        except InvitationInvalid as exc:
            return _invalid(request, exc, invitation)
    if form is None and not request.user.is_authenticated:
        form = SignupForm(initial={"email": invitation.email})
    context = {"invitation": invitation, "form": form, "token": token}
    return render(request, "projects/members/accept.html", context, status=status)


def _signup(form: SignupForm, token: str) -> ProjectMember | None:
    """The new member, or None with the service's errors put beside the fields."""
    data = form.cleaned_data
    try:
        return invitation_signup(
            token=token,
            username=data["username"],
            email=data["email"],
            password=data["password"],
            first_name=data["first_name"],
            last_name=data["last_name"],
        )
    except ValidationError as exc:
        for field, errors in exc.message_dict.items():
            for error in errors:
                form.add_error(field if field in form.fields else None, error)
        return None


def _invalid(
    request: HttpRequest, error: InvitationInvalid, invitation: Invitation | None
) -> HttpResponse:
    context = {
        "message": str(error),
        "reason": error.reason,
        # Only a link that once worked may say for which project it was.
        "invitation": invitation if error.reason != "unknown" else None,
    }
    status = 404 if error.reason == "unknown" else 410
    return render(request, "projects/members/invalid.html", context, status=status)


urlpatterns = [
    path("uitnodiging/<str:token>/", invitation_accept_view, name="invitation_accept"),
]
