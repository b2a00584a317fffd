"""The admin site (``/beheer/``) for support staff, with the model content readable in it.

The Gespreksmodel is data, not rows (``stuurknop/gespreksmodel/<version>/``), so the admin has no
ModelAdmin for it: one staff-only page shows a model version's values, routes, party types,
knobs, sources, lessons, checks and proxy library, and the index lists it beside the apps.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, URLResolver, path, reverse
from django.utils.translation import gettext_lazy as _

from stuurknop.gespreksmodel import DEFAULT_VERSION, available_versions, load_model
from stuurknop.presentation.proxies import model_library, proxy_blocks, source_lines


class StuurknopAdminSite(admin.AdminSite):
    site_header = _("Stuurknop beheer")
    site_title = _("Stuurknop beheer")
    index_title = _("Beheer")

    def get_urls(self) -> list[URLResolver | URLPattern]:
        own = [path("model/", self.admin_view(self.model_content), name="model_content")]
        return own + super().get_urls()

    def get_app_list(
        self, request: HttpRequest, app_label: str | None = None
    ) -> list[dict[str, Any]]:
        """The apps, and on the index also the model content, as if it were one more app."""
        app_list: list[dict[str, Any]] = super().get_app_list(request, app_label)
        if app_label is None:
            url = reverse("admin:model_content", current_app=self.name)
            app_list.append(
                {
                    "name": _("Gespreksmodel"),
                    "app_label": "gespreksmodel",
                    "app_url": url,
                    "has_module_perms": True,
                    "models": [
                        {
                            "name": _("Inhoud van het model"),
                            "object_name": "ModelContent",
                            "admin_url": url,
                            "view_only": True,
                            "perms": {"view": True},
                        }
                    ],
                }
            )
        return app_list

    def model_content(self, request: HttpRequest) -> HttpResponse:
        """Every part of one model version (``?versie=``; default the newest), read-only."""
        versions = available_versions()
        version = request.GET.get("versie") or DEFAULT_VERSION
        if version not in versions:
            raise Http404()
        model = load_model(version)
        route_names = {route.id: route.name for route in model.routes}
        value_names = {value.id: value.name for value in model.values}
        type_names = {party_type.id: party_type.name for party_type in model.party_types}
        library = model_library(model.version)
        context = {
            **self.each_context(request),
            "title": _("Inhoud van het model %(version)s") % {"version": model.version},
            "model": model,
            "versions": versions,
            "routes": [
                {"route": route, "values": [value_names[v] for v in route.values]}
                for route in model.routes
            ],
            "knobs": [
                {
                    "knob": knob,
                    "mechanisms": [(route_names[m.route], m.explanation) for m in knob.mechanisms],
                }
                for knob in model.knobs
            ],
            "sources": [
                {"source": source, "payers": [type_names[t] for t in source.party_types]}
                for source in model.sources
            ],
            # the proxy library as on a project's Kengetallen page, without a project
            "proxy_blocks": proxy_blocks(library, None, with_sources=False),
            "proxy_sources": source_lines(library, None),
        }
        return TemplateResponse(request, "admin/model_content.html", context)


class StuurknopAdminConfig(AdminConfig):
    """Django's admin app, with :class:`StuurknopAdminSite` as ``admin.site``."""

    default_site = "stuurknop.web.accounts.admin_site.StuurknopAdminSite"
