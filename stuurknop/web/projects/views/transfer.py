"""Import of a project file in the browser (the export is on the project's overview)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _

from stuurknop.projectfile import DocumentError, DocumentInvalid
from stuurknop.web.accounts.selectors import organisations_for_user
from stuurknop.web.http import AuthenticatedHttpRequest
from stuurknop.web.projects.forms.projects import ImportForm, posted
from stuurknop.web.projects.services.imports import project_import_upload


def project_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Upload a project file: a good one becomes a new project with the importer as beheerder;
    a bad one is refused whole, with every problem and where it is, in Dutch.
    """
    form = ImportForm(
        posted(request),
        request.FILES if request.method == "POST" else None,
        organisations=organisations_for_user(request.user),
    )
    errors: list[DocumentError] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            project = project_import_upload(
                raw=upload.read(),
                by=request.user,
                organisation=form.cleaned_data["organisation"],
            )
        except DocumentInvalid as exc:
            errors = exc.errors
        else:
            messages.success(
                request, _("Project %(name)s is geïmporteerd.") % {"name": project.name}
            )
            return redirect("project_detail", project.pk)
    return render(
        request,
        "projects/transfer/import.html",
        {"form": form, "errors": errors},
        status=400 if form.is_bound else 200,
    )


urlpatterns = [
    path("projecten/importeren/", project_import, name="project_import"),
]
