"""Who is in a project: members with their role and party; a beheerder changes roles, removes
members and invites colleagues of partner organisations. Accepting a link is in
:mod:`.invitations`.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from stuurknop.projectfile import DocumentInvalid
from stuurknop.web.accounts.background import run_after_commit
from stuurknop.web.accounts.models import Membership
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.errors import InvitationInvalid
from stuurknop.web.projects.forms.errors import add_document_errors
from stuurknop.web.projects.models import Invitation, Project, ProjectMember
from stuurknop.web.projects.permissions import project_role
from stuurknop.web.projects.roles import Role
from stuurknop.web.projects.selectors import project_members as members_of
from stuurknop.web.projects.services.invitation_mail import invitation_mail_send
from stuurknop.web.projects.services.log import display_name
from stuurknop.web.projects.services.members import (
    invitation_create,
    invitation_revoke,
    member_remove,
    member_role_set,
)
from stuurknop.web.projects.views import invitations
from stuurknop.web.projects.views.common import project_context


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=gettext_lazy("Rol"), choices=Role.choices)


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=gettext_lazy("E-mailadres"),
        max_length=254,
        help_text=gettext_lazy("Van de collega die je uitnodigt."),
    )
    send_mail = forms.BooleanField(
        label=gettext_lazy("Stuur de link ook per e-mail naar dit adres"),
        required=False,
        initial=True,
    )
    role = forms.ChoiceField(
        label=gettext_lazy("Rol"), choices=Role.choices, initial=Role.BEWERKER.value
    )
    party = forms.ChoiceField(
        label=gettext_lazy("Namens partij"),
        required=False,
        help_text=gettext_lazy(
            "Maakt de partij deel uit van een organisatie hier, dan wordt een nieuw account "
            "lid van die organisatie."
        ),
    )

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        party = self.fields["party"]
        assert isinstance(party, forms.ChoiceField)  # declared above
        party.choices = [("", _("(geen partij)"))] + [
            (p.key, p.name) for p in project.parties.all()
        ]


@project_role(Role.LEZER)
def project_members(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """The members with role and party; a beheerder also sees the forms and open invitations."""
    return _members_page(request, project)


def _members_page(
    request: HttpRequest,
    project: Project,
    status: int = 200,
    row_errors: dict[int, str] | None = None,
    **extra: Any,
) -> HttpResponse:
    """The members page; ``row_errors`` holds a message beside one member's role form."""
    row_errors = row_errors or {}
    context = project_context(request, project, tab="members", **extra)
    members = members_of(project).prefetch_related(
        Prefetch("user__memberships", Membership.objects.select_related("organisation"))
    )
    context["members"] = [
        {
            "member": m,
            "name": display_name(m.user),
            "organisations": ", ".join(ms.organisation.name for ms in m.user.memberships.all()),
            "is_me": m.user_id == request.user.pk,
            "error": row_errors.get(m.pk, ""),
        }
        for m in members
    ]
    context["roles"] = Role.choices
    if context["is_beheerder"]:
        context["invitations"] = (
            Invitation.objects.filter(
                project=project, accepted_at__isnull=True, expires_at__gt=timezone.now()
            )
            .select_related("party", "created_by")
            .order_by("expires_at")
        )
        context.setdefault("invite_form", InvitationForm(project=project))
    return render(request, "projects/members/list.html", context, status=status)


@require_POST
@project_role(Role.BEHEERDER)
def member_role(
    request: AuthenticatedHttpRequest, project: Project, member_id: int
) -> HttpResponse:
    """Give a member another role; the last beheerder keeps the role (the service says so)."""
    member = get_object_or_404(
        ProjectMember.objects.select_related("user"), pk=member_id, project=project
    )
    form = RoleForm(request.POST)
    if not form.is_valid():
        return _members_page(
            request, project, status=400, row_errors={member.pk: _("Kies een rol uit de lijst.")}
        )
    try:
        member_role_set(member=member, by=request.user, role=form.cleaned_data["role"])
    except PermissionDenied as exc:
        return _members_page(request, project, status=400, row_errors={member.pk: str(exc)})
    messages.success(
        request,
        _("%(name)s is nu %(role)s.")
        % {"name": display_name(member.user), "role": Role(member.role).label.lower()},
    )
    return redirect("project_members", project.pk)


@project_role(Role.BEHEERDER)
def member_remove_view(
    request: AuthenticatedHttpRequest, project: Project, member_id: int
) -> HttpResponse:
    """Ask for confirmation (GET), then take someone off the project (POST)."""
    member = get_object_or_404(
        ProjectMember.objects.select_related("user", "party"), pk=member_id, project=project
    )
    error = ""
    if request.method == "POST":
        try:
            member_remove(member=member, by=request.user)
        except PermissionDenied as exc:
            error = str(exc)
        else:
            messages.success(
                request, _("%(name)s is geen lid meer.") % {"name": display_name(member.user)}
            )
            if member.user_id == request.user.pk:
                return redirect("project_list")
            return redirect("project_members", project.pk)
    context = project_context(
        request, project, tab="members", leaving=member, name=display_name(member.user), error=error
    )
    return render(request, "projects/members/remove.html", context, status=400 if error else 200)


@require_POST
@project_role(Role.BEHEERDER)
def invitation_create_view(request: AuthenticatedHttpRequest, project: Project) -> HttpResponse:
    """Make an invitation link and show it once: only a hash of it is stored."""
    form = InvitationForm(request.POST, project=project)
    if not form.is_valid():
        return _members_page(request, project, status=400, invite_form=form)
    data = form.cleaned_data
    try:
        invitation, token = invitation_create(
            project=project,
            by=request.user,
            email=data["email"],
            role=data["role"],
            party=data["party"] or None,
        )
    except DocumentInvalid as exc:
        add_document_errors(form, exc)
        return _members_page(request, project, status=400, invite_form=form)
    link = request.build_absolute_uri(reverse("invitation_accept", args=[token]))
    if data["send_mail"]:
        mail = partial(
            invitation_mail_send,
            invitation_id=invitation.pk,
            link=link,
            language=translation.get_language(),
        )
        run_after_commit(mail, name="invitation mail")
    # Rendered, not redirected: the link must not be kept anywhere to show it after a redirect.
    return _members_page(
        request, project, new_invitation=invitation, new_link=link, mailed=data["send_mail"]
    )


@project_role(Role.BEHEERDER)
def invitation_revoke_view(
    request: AuthenticatedHttpRequest, project: Project, invitation_id: int
) -> HttpResponse:
    """Ask for confirmation (GET), then withdraw an open invitation (POST)."""
    invitation = get_object_or_404(Invitation, pk=invitation_id, project=project)
    if request.method == "POST":
        try:
            invitation_revoke(invitation=invitation, by=request.user)
        except InvitationInvalid:
            messages.error(
                request, _("Deze uitnodiging is al gebruikt en kan niet meer worden ingetrokken.")
            )
        else:
            messages.success(
                request,
                _("De uitnodiging van %(email)s is ingetrokken.") % {"email": invitation.email},
            )
        return redirect("project_members", project.pk)
    context = project_context(request, project, tab="members", invitation=invitation)
    return render(request, "projects/members/revoke.html", context)


urlpatterns = [
    path("projecten/<int:project_id>/leden/", project_members, name="project_members"),
    path(
        "projecten/<int:project_id>/leden/<int:member_id>/rol/",
        member_role,
        name="member_role",
    ),
    path(
        "projecten/<int:project_id>/leden/<int:member_id>/verwijderen/",
        member_remove_view,
        name="member_remove",
    ),
    path(
        "projecten/<int:project_id>/leden/uitnodigen/",
        invitation_create_view,
        name="invitation_create",
    ),
    path(
        "projecten/<int:project_id>/uitnodigingen/<int:invitation_id>/intrekken/",
        invitation_revoke_view,
        name="invitation_revoke",
    ),
    *invitations.urlpatterns,
]
